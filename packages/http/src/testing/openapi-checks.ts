/**
 * Checks of an OpenAPI document for clients (used by the workers' tests): every property and
 * parameter has a description, every number's description names its unit, every operation has a
 * request example. Each returns the offending places ([] when none).
 */
import { UNIT_PATTERN } from '@gcp/contract';
import type { OpenApiDocument } from '../openapi/document.js';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface DocumentGaps {
  /** `POST /v1/x request a.b`: properties and parameters without a description. */
  readonly undescribed: string[];
  /** Number properties whose description names no unit. */
  readonly withoutUnit: string[];
  /** Operations without a request example (body example, or an example on each required parameter). */
  readonly withoutExample: string[];
}

function isNumberSchema(schema: JsonObject): boolean {
  const type = schema.type;
  if (type === 'number' || type === 'integer') return true;
  if (Array.isArray(type)) return type.includes('number') || type.includes('integer');
  if (Array.isArray(schema.anyOf)) return schema.anyOf.some((option) => isObject(option) && isNumberSchema(option));
  return false;
}

function walk(schema: unknown, where: string, gaps: DocumentGaps): void {
  if (!isObject(schema)) return;
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const at = where.endsWith(' ') ? `${where}${name}` : `${where}.${name}`;
      const description = typeof property.description === 'string' ? property.description : '';
      if (description === '') gaps.undescribed.push(at);
      else if ((isNumberSchema(property) || (isObject(property.items) && isNumberSchema(property.items))) && !UNIT_PATTERN.test(description))
        gaps.withoutUnit.push(at);
      walk(property, at, gaps);
    }
  }
  if (schema.items !== undefined) walk(schema.items, where, gaps);
  if (isObject(schema.additionalProperties)) walk(schema.additionalProperties, where, gaps);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const options = schema[key];
    if (Array.isArray(options)) for (const option of options) walk(option, where, gaps);
  }
}

export function documentGaps(document: OpenApiDocument): DocumentGaps {
  const gaps: DocumentGaps = { undescribed: [], withoutUnit: [], withoutExample: [] };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      const body = (operation.requestBody as { content?: Record<string, { schema?: unknown; example?: unknown }> } | undefined)?.content?.['application/json'];
      walk(body?.schema, `${name} request `, gaps);
      for (const [status, response] of Object.entries(operation.responses)) {
        const schema = (response as { content?: Record<string, { schema?: JsonObject }> }).content?.['application/json']?.schema;
        if (schema !== undefined && schema.$ref === undefined) walk(schema, `${name} ${status} `, gaps);
      }
      const parameters = (operation.parameters ?? []) as { name: string; in: string; required?: boolean; description?: string; example?: unknown }[];
      for (const parameter of parameters) {
        if (!parameter.description) gaps.undescribed.push(`${name} ${parameter.in} parameter ${parameter.name}`);
      }
      const missingParameterExample = parameters.some((parameter) => parameter.required && parameter.example === undefined);
      if ((body !== undefined && body.example === undefined) || missingParameterExample) gaps.withoutExample.push(name);
    }
  }
  return gaps;
}

export interface ExampleRequest {
  /** `GET /v1/gpus/{id}` */
  readonly operation: string;
  readonly url: string;
  readonly init: RequestInit;
  /** The operation's bearer scheme, if any (`required` unless an empty alternative is listed). */
  readonly auth: 'required' | 'optional' | undefined;
}

/**
 * Each operation's documented example as a request to `origin`: path parameters and query from the
 * parameters' `example`s (`overrideParams` replaces some, e.g. a plan id the test created), the
 * body from the request body's `example`, and `Authorization: Bearer <token>` where the operation
 * declares the bearer scheme and a token is given. DELETEs come last.
 */
export function exampleRequests(
  document: OpenApiDocument,
  origin: string,
  options: { overrideParams?: (operation: string) => Record<string, string> | undefined; bearerToken?: string } = {},
): ExampleRequest[] {
  const requests: ExampleRequest[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      const parameters = (operation.parameters ?? []) as { name: string; in: string; example?: unknown }[];
      const overrides = options.overrideParams?.(name) ?? {};
      let concrete = path;
      const query = new URLSearchParams();
      for (const parameter of parameters) {
        const value = overrides[parameter.name] ?? (parameter.example === undefined ? undefined : String(parameter.example));
        if (value === undefined) continue;
        if (parameter.in === 'path') concrete = concrete.replace(`{${parameter.name}}`, encodeURIComponent(value));
        if (parameter.in === 'query') query.set(parameter.name, value);
      }
      const security = operation.security ?? [];
      const auth = security.length === 0 ? undefined : security.some((alternative) => Object.keys(alternative).length === 0) ? 'optional' : 'required';
      const headers: Record<string, string> = {};
      if (auth !== undefined && options.bearerToken !== undefined) headers.authorization = `Bearer ${options.bearerToken}`;
      const body = (operation.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.['application/json']?.example;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const search = query.toString();
      requests.push({
        operation: name,
        url: `${origin}${concrete}${search === '' ? '' : `?${search}`}`,
        init: { method: method.toUpperCase(), headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
        auth,
      });
    }
  }
  return requests.sort((a, b) => Number(a.init.method === 'DELETE') - Number(b.init.method === 'DELETE'));
}
