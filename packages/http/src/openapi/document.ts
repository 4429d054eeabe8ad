import { JSON_SCHEMA_OVERRIDE } from '@gcp/contract';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { pathParameterNames, type RouteDefinition } from '../routes/define-route.js';
import { describeProperties, fieldDescription } from './describe.js';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: OpenApiInfo;
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: { readonly schemas: Record<string, unknown>; readonly securitySchemes?: Record<string, unknown> };
  readonly tags?: readonly { readonly name: string }[];
  /** Added when the document is served: the origin it was fetched from (see `withServers`). */
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly unknown[];
  readonly requestBody?: unknown;
  readonly responses: Record<string, unknown>;
  readonly security?: readonly Record<string, readonly string[]>[];
}

/** The bearer scheme of the saved-plan routes: the owner token POST /v1/plans answered with. */
export const OWNER_TOKEN_SCHEME = 'ownerToken';
export const SECURITY_SCHEMES = {
  [OWNER_TOKEN_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The `ownerToken` of POST /v1/plans (256 bits, base64url, shown once): lists the plans saved under it and authorises renaming and deleting them. The server stores only its SHA-256.',
  },
} as const;

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Input fails the schema, or the body is not valid JSON',
  '401': 'No owner token: send `Authorization: Bearer <ownerToken>`',
  '403': "Not this plan's owner, or a cross-origin write from an origin not in ALLOWED_ORIGINS",
  '404': 'Unknown id or route',
  '405': 'Method not allowed on this path',
  '413': 'Request body too large',
  '415': 'Request body is not JSON',
  '422': 'Well-formed request asking for something impossible (or a non-finite result)',
  '429': 'Too many requests of this kind from this client (per-client rate limit); retry after `Retry-After` seconds',
  '500': 'Unexpected error',
  '502': 'An upstream worker could not be reached',
};

/** JSON Schema of the error envelope, shared by every worker. */
export const ERROR_ENVELOPE_JSON_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'issues'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

/** valibot → JSON Schema 2020-12 (what OpenAPI 3.1 uses); unconvertible checks are left out. */
export function jsonSchemaOf(schema: GenericSchema, typeMode: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode,
    errorMode: 'ignore',
    overrideSchema: ({ valibotSchema }) => (valibotSchema as { [JSON_SCHEMA_OVERRIDE]?: JsonSchema })[JSON_SCHEMA_OVERRIDE] ?? undefined,
  });
  return rest;
}

const RETRY_AFTER_HEADER = {
  description: 'Seconds to wait before the next request of this kind',
  schema: { type: 'integer', minimum: 1 },
} as const;

function operationId(method: string, path: string): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return method + words.join('');
}

const OPTIONAL_TYPES = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable']);

function parameterDescription(route: RouteDefinition, name: string, schema: { description?: string }): Record<string, string> {
  const description = schema.description ?? fieldDescription(route.path, 'in', [name]);
  return description === undefined ? {} : { description };
}

function parameterExample(value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { example: value };
}

function queryParameters(route: RouteDefinition, schema: GenericSchema): unknown[] {
  const entries = (schema as unknown as { entries?: Record<string, GenericSchema> }).entries;
  if (entries === undefined) return [];
  return Object.entries(entries).map(([name, entry]) => {
    const parameterSchema = jsonSchemaOf(entry, 'input') as { description?: string };
    return {
      name,
      in: 'query',
      required: !OPTIONAL_TYPES.has(entry.type),
      ...parameterDescription(route, name, parameterSchema),
      schema: parameterSchema,
      ...parameterExample(route.example?.query?.[name]),
    };
  });
}

function described<S>(schema: S, route: RouteDefinition, mode: 'in' | 'out'): S {
  describeProperties(schema, route.path, mode);
  return schema;
}

function securityOf(route: RouteDefinition): OpenApiOperation['security'] {
  if (route.auth === 'bearer') return [{ [OWNER_TOKEN_SCHEME]: [] }];
  if (route.auth === 'optional-bearer') return [{ [OWNER_TOKEN_SCHEME]: [] }, {}];
  return undefined;
}

function errorStatuses(route: RouteDefinition): string[] {
  // 400 everywhere: a query parameter the route does not take is an unknown field
  const statuses = new Set<number>([400, 500, ...route.errorStatuses]);
  if (pathParameterNames(route.path).length > 0) statuses.add(404);
  if (route.querySchema) statuses.add(400);
  if (route.writes) statuses.add(403);
  if (route.rateLimit !== undefined) statuses.add(429);
  if (route.auth === 'bearer') statuses.add(401);
  if (route.requestSchema) for (const status of [400, 413, 415, 422]) statuses.add(status);
  return [...statuses].sort((a, b) => a - b).map(String);
}

export function buildOperation(route: RouteDefinition): OpenApiOperation {
  const parameters = [
    ...pathParameterNames(route.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      ...parameterDescription(route, name, {}),
      schema: { type: 'string' },
      ...parameterExample(route.example?.params?.[name]),
    })),
    ...(route.querySchema ? queryParameters(route, route.querySchema) : []),
  ];
  const responses: Record<string, unknown> = {
    [String(route.successStatus)]:
      route.successStatus === 204
        ? { description: 'No Content' }
        : {
            description: route.successStatus === 201 ? 'Created' : 'OK',
            content: { 'application/json': { schema: route.responseSchema ? described(jsonSchemaOf(route.responseSchema, 'output'), route, 'out') : {} } },
          },
  };
  for (const status of errorStatuses(route)) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      ...(status === '429' ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
    };
  }
  return {
    operationId: operationId(route.method, route.path),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tag ? { tags: [route.tag] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.requestSchema
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: described(jsonSchemaOf(route.requestSchema, 'input'), route, 'in'),
                ...(route.example?.body !== undefined ? { example: route.example.body } : {}),
              },
            },
          },
        }
      : {}),
    responses,
    ...(securityOf(route) ? { security: securityOf(route) } : {}),
  };
}

/** The document as served from `origin`: `servers` names that origin (a client's base URL). */
export function withServers(document: OpenApiDocument, origin: string, description = 'This origin'): OpenApiDocument {
  return { ...document, servers: [{ url: origin, description }] };
}

export function buildOpenApiDocument(info: OpenApiInfo, routes: readonly RouteDefinition[]): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method] = buildOperation(route);
  }
  const tags = [...new Set(routes.flatMap((route) => (route.tag ? [route.tag] : [])))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { ErrorEnvelope: ERROR_ENVELOPE_JSON_SCHEMA },
      ...(routes.some((route) => route.auth !== undefined) ? { securitySchemes: SECURITY_SCHEMES } : {}),
    },
    ...(tags.length > 0 ? { tags } : {}),
  };
}
