import type { OpenApiDocument } from '../../openapi/document.js';
import type { Random } from './random.js';
import { anyValue, deeplyNested, EDGE_NUMBERS, EDGE_STRINGS, INVALID_UTF8, otherType, RAW_NUMBER_LITERALS } from './values.js';

type Json = unknown;
type JsonObject = Record<string, unknown>;
type Path = readonly (string | number)[];
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly example?: unknown;
}

/** One operation of the document, as the fuzzer needs it. */
export interface FuzzOperation {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly bodySchema?: JsonObject;
  readonly example?: Json;
  readonly parameters: readonly Parameter[];
  readonly auth: boolean;
  /** Documented response statuses. */
  readonly statuses: ReadonlySet<number>;
  readonly responseSchema?: JsonObject;
}

export interface FuzzRequest {
  readonly operation: string;
  readonly strategy: string;
  readonly url: string;
  readonly init: RequestInit;
  /** Sent with the operation's own method (so its status must be a documented one). */
  readonly ownMethod: boolean;
}

/** A stored thing some requests act on (a saved plan): its path parameters and owner token. */
export interface FuzzTarget {
  readonly params: Readonly<Record<string, string>>;
  readonly bearerToken?: string;
}

export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const body = (operation.requestBody as { content?: Record<string, { schema?: JsonObject; example?: Json }> } | undefined)?.content?.['application/json'];
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      const responseSchema = (success?.[1] as { content?: Record<string, { schema?: JsonObject }> } | undefined)?.content?.['application/json']?.schema;
      return {
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        ...(body?.schema ? { bodySchema: body.schema } : {}),
        ...(body?.example !== undefined ? { example: body.example } : {}),
        parameters: (operation.parameters ?? []) as Parameter[],
        auth: (operation.security ?? []).length > 0,
        statuses: new Set(Object.keys(operation.responses).map(Number)),
        ...(responseSchema ? { responseSchema } : {}),
      };
    }),
  );
}

/** encodeURIComponent, or its lone-surrogate-free form (a lone surrogate cannot be encoded). */
function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Every path to a value inside `value` (objects and arrays, the root excluded). */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : isObject(value) ? Object.entries(value) : [];
  for (const [key, item] of children) {
    out.push([...prefix, key]);
    pathsOf(item, [...prefix, key], out);
  }
  return out;
}

/** Paths of the objects inside `value`, the root included. */
const objectPaths = (value: Json): Path[] => [[], ...pathsOf(value).filter((path) => isObject(getAt(value, path)))];

function getAt(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, Json>)[key]), value);
}

/** Sets `path` in `root` (creating objects on the way); returns the new root. */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const base = root !== null && typeof root === 'object' ? root : {};
  let node = base as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string | number, Json>;
  }
  node[path[path.length - 1] as string | number] = value;
  return base;
}

function deleteAt(root: Json, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (isObject(parent) && typeof key === 'string') delete parent[key];
}

interface NumberField {
  readonly path: Path;
  readonly schema: JsonObject;
}

/** Number properties the body schema declares (inside arrays: the first item), with their bounds. */
function numberFields(schema: Json, prefix: Path = [], out: NumberField[] = [], depth = 0): NumberField[] {
  if (!isObject(schema) || depth > 6) return out;
  if (schema.type === 'number' || schema.type === 'integer') out.push({ path: prefix, schema });
  if (isObject(schema.properties)) for (const [key, property] of Object.entries(schema.properties)) numberFields(property, [...prefix, key], out, depth + 1);
  if (isObject(schema.items)) numberFields(schema.items, [...prefix, 0], out, depth + 1);
  if (Array.isArray(schema.anyOf)) for (const option of schema.anyOf) numberFields(option, prefix, out, depth + 1);
  return out;
}

/** Values at and around a number field's bounds: on them (valid), just past them, fractional, huge. */
function boundaryValues(schema: JsonObject): number[] {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : 0;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e6;
  const values = [min, max, min - 1, max + 1, max * 10, -max, min + 0.5, (min + max) / 2, Math.min(max, min + 1), Math.min(max, min + 7)];
  if (typeof schema.exclusiveMinimum === 'number') values.push(5e-324, 1e-12);
  return values;
}

const MARKER = '\u0001fuzz\u0001';
const markerJson = JSON.stringify(MARKER);

/** Body text with one leaf replaced by `literal` (raw JSON text, not necessarily valid). */
function withRawLeaf(random: Random, body: Json, literal: string): string {
  const paths = pathsOf(body);
  const target = paths.length > 0 && random.chance(0.8) ? random.pick(paths) : [`raw${random.int(3)}`];
  return JSON.stringify(setAt(clone(body), target, MARKER)).replace(markerJson, literal);
}

let megabyte: string | undefined;
/** A 1 MiB JSON body (made once). */
function megabyteBody(): string {
  megabyte ??= `{"name":"${'x'.repeat(1024 * 1024)}"}`;
  return megabyte;
}

const WRONG_CONTENT_TYPES = [
  '',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'text/json',
  '*/*',
  'application/jsonp',
];
const BEARERS = [
  'Bearer ',
  'Bearer x',
  `Bearer ${'a'.repeat(5000)}`,
  'Basic dXNlcjpwYXNz',
  'bearer',
  'Bearer  two  spaces',
  `Bearer ${'A'.repeat(43)}`,
  'Bearer %C3%BC-not-a-token',
];

type Strategy =
  | 'example'
  | 'mutateLeaf'
  | 'boundary'
  | 'wrongType'
  | 'missing'
  | 'extra'
  | 'deep'
  | 'rawNumber'
  | 'syntax'
  | 'invalidUtf8'
  | 'contentType'
  | 'huge'
  | 'params'
  | 'query'
  | 'method'
  | 'auth';

const BODY_WEIGHTS: Record<Strategy, number> = {
  example: 1,
  mutateLeaf: 18,
  boundary: 14,
  wrongType: 10,
  missing: 8,
  extra: 8,
  deep: 4,
  rawNumber: 8,
  syntax: 6,
  invalidUtf8: 5,
  contentType: 5,
  huge: 2,
  params: 4,
  query: 3,
  method: 2,
  auth: 2,
};
const NO_BODY_WEIGHTS: Partial<Record<Strategy, number>> = { example: 2, params: 10, query: 10, method: 2, auth: 3 };

/** One generated request for `operation`: mostly invalid, some valid variants of its example. */
export function fuzzRequest(operation: FuzzOperation, random: Random, origin: string, target?: FuzzTarget): FuzzRequest {
  const hasBody = operation.bodySchema !== undefined;
  const strategy = random.weighted((hasBody ? BODY_WEIGHTS : NO_BODY_WEIGHTS) as Record<Strategy, number>);
  const useTarget = target !== undefined && random.chance(0.5);
  const params: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    const value = useTarget && target.params[parameter.name] !== undefined ? target.params[parameter.name] : parameter.example;
    if (value === undefined) continue;
    if (parameter.in === 'path') params[parameter.name] = String(value);
    else if (random.chance(0.7)) query.set(parameter.name, String(value));
  }
  const headers: Record<string, string> = {};
  if (operation.auth && (useTarget || random.chance(0.3)) && target?.bearerToken) headers.authorization = `Bearer ${target.bearerToken}`;
  let method = operation.method;
  let body: BodyInit | undefined;
  let bodyValue: Json = clone(operation.example);
  let text: string | undefined;

  switch (strategy) {
    case 'mutateLeaf': {
      const paths = pathsOf(bodyValue);
      if (paths.length > 0) bodyValue = setAt(bodyValue, random.pick(paths), random.chance(0.5) ? random.pick(EDGE_NUMBERS) : anyValue(random));
      break;
    }
    case 'boundary': {
      const fields = numberFields(operation.bodySchema);
      if (fields.length > 0) {
        const field = random.pick(fields);
        bodyValue = setAt(bodyValue, field.path, random.pick(boundaryValues(field.schema)));
      }
      break;
    }
    case 'wrongType': {
      const paths = pathsOf(bodyValue);
      bodyValue =
        paths.length > 0 ? setAt(bodyValue, random.pick(paths), otherType(random, getAt(bodyValue, random.pick(paths)))) : otherType(random, bodyValue);
      if (random.chance(0.1)) bodyValue = otherType(random, {});
      break;
    }
    case 'missing': {
      const paths = pathsOf(bodyValue);
      if (paths.length > 0) deleteAt(bodyValue, random.pick(paths));
      break;
    }
    case 'extra': {
      const at = random.pick(objectPaths(bodyValue));
      bodyValue = setAt(bodyValue, [...at, random.pick(['extra', 'typo', '__proto__', 'constructor', 'gpuCont', 'Model', ''])], anyValue(random));
      break;
    }
    case 'deep':
      text = withRawLeaf(random, bodyValue, deeplyNested(random, random.pick([10, 40, 63, 64, 65, 200, 5000, 60000])));
      break;
    case 'rawNumber':
      text = withRawLeaf(random, bodyValue, random.pick(RAW_NUMBER_LITERALS));
      break;
    case 'syntax': {
      const valid = JSON.stringify(bodyValue ?? {});
      text = random.pick([
        valid.slice(0, random.int(valid.length)),
        `${valid},`,
        `\uFEFF${valid}`,
        valid.replace(/"/g, "'"),
        `${valid.slice(0, -1)},}`,
        `/* c */${valid}`,
        '[]',
        '1',
        '"x"',
        'null',
        'true',
        `[${valid}]`,
        `${valid}${valid}`,
        valid.replace(/^\{/, '{"model":1,'),
      ]);
      break;
    }
    case 'invalidUtf8': {
      const [before = '', after = ''] = withRawLeaf(random, bodyValue, `"${MARKER}"`).split(MARKER);
      const encoder = new TextEncoder();
      body = new Uint8Array([...encoder.encode(before), ...random.pick(INVALID_UTF8), ...encoder.encode(after)]);
      break;
    }
    case 'contentType': {
      const type = random.pick(WRONG_CONTENT_TYPES);
      if (type !== '') headers['content-type'] = type;
      text = JSON.stringify(bodyValue);
      break;
    }
    case 'huge':
      text = megabyteBody();
      break;
    case 'params':
      for (const name of Object.keys(params))
        params[name] = random.pick([...EDGE_STRINGS, '%2F..%2F', '%00', 'a'.repeat(5000), String(random.pick(EDGE_NUMBERS))]);
      if (Object.keys(params).length === 0) query.set(random.pick(EDGE_STRINGS.slice(1, 6)), random.pick(EDGE_STRINGS));
      break;
    case 'query':
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        query.set(parameter.name, random.pick(['', '0', '-1', '1.5', '1e3', '99999999999999999999999', 'abc', String(random.pick(EDGE_NUMBERS))]));
      }
      if (random.chance(0.5)) query.set(random.pick(['x', 'debug', 'limit ', 'sequenceLenght', '__proto__']), random.pick(EDGE_STRINGS));
      break;
    case 'method':
      method = random.pick(['PUT', 'OPTIONS', 'HEAD', ...['GET', 'POST', 'PATCH', 'DELETE'].filter((m) => m !== operation.method)]);
      break;
    case 'auth':
      headers.authorization = random.pick(BEARERS);
      break;
    default:
      break;
  }
  if (hasBody && body === undefined && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    body = text ?? JSON.stringify(bodyValue);
    if (strategy !== 'contentType') headers['content-type'] ??= 'application/json';
  }
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) body = undefined;
  const concrete = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => safeEncode(params[name] ?? 'x'));
  const search = query.toString();
  return {
    operation: operation.name,
    strategy,
    url: `${origin}${concrete}${search === '' ? '' : `?${search}`}`,
    init: { method, headers, ...(body === undefined ? {} : { body }) },
    ownMethod: method === operation.method,
  };
}
