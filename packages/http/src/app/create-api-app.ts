import { Hono, type Context, type Env } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { answerRoute, type ResponseCacheOptions } from '../cache/answer-route.js';
import { readJsonBody, DEFAULT_BODY_LIMIT_BYTES } from '../body/read-json-body.js';
import { ApiError, errorResponse, internalErrorResponse } from '../errors/api-error.js';
import { httpExceptionResponse } from '../errors/http-exception.js';
import { toErrorIssues, unknownFieldMessage } from '../errors/valibot-issues.js';
import { finiteJsonResponse } from '../json/finite-json.js';
import { buildOpenApiDocument, withServers, type OpenApiDocument, type OpenApiInfo } from '../openapi/document.js';
import {
  applySecurityHeaders,
  corsHeadersFor,
  forbiddenOriginResponse,
  isWriteOriginAllowed,
  parseAllowedOrigins,
  preflightResponse,
  routeFor,
} from '../cors/cors-policy.js';
import { enforceRateLimit } from '../rate-limit/rate-limit.js';
import { pathMatches, toHonoPath, type RouteDefinition } from '../routes/define-route.js';

export interface ApiAppOptions<E extends Env> {
  /** Worker name, sent back in the `x-gcp-service` header of every response. */
  readonly serviceName: string;
  readonly info: OpenApiInfo;
  readonly routes: readonly RouteDefinition<E>[];
  readonly bodyLimitBytes?: number;
  /**
   * Turns a domain error thrown by a handler (e.g. core's ConfigError) into an
   * ApiError; return undefined to leave it to the generic 500.
   */
  readonly mapError?: (error: unknown) => ApiError | undefined;
  /** Answers `cacheable` routes from the Cache API, keyed with this version (src/cache/answer-route.ts). */
  readonly responseCache?: ResponseCacheOptions;
}

export interface ApiApp<E extends Env> {
  readonly app: Hono<E>;
  readonly routes: readonly RouteDefinition<E>[];
  readonly openApiDocument: OpenApiDocument;
}

export const OPENAPI_PATH = '/openapi.json';
export const SERVICE_HEADER = 'x-gcp-service';

const OBJECT_SCHEMA_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);

function validate(schema: v.GenericSchema, input: unknown, what: string, pathPrefix: string): unknown {
  // valibot's object schemas accept arrays (as objects with index keys); a JSON body must be a real object.
  if (OBJECT_SCHEMA_TYPES.has(schema.type) && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new ApiError(400, 'invalid_request', `The ${what} must be a JSON object.`, [{ path: pathPrefix, message: 'Expected a JSON object' }]);
  }
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw new ApiError(400, 'invalid_request', `The ${what} does not match the schema.`, toErrorIssues(result.issues, pathPrefix));
}

/** The query parameters a route takes: its query schema's keys (none without one). */
function queryKeysOf(schema: v.GenericSchema | undefined): ReadonlySet<string> {
  const entries = (schema as { entries?: Record<string, unknown> } | undefined)?.entries;
  return new Set(entries === undefined ? [] : Object.keys(entries));
}

/** A query parameter the route does not take is an unknown field (400), as a body key is. */
function refuseUnknownQuery(url: string, known: ReadonlySet<string>): void {
  const unknown = new Set<string>();
  new URL(url).searchParams.forEach((_value, key) => {
    if (!known.has(key)) unknown.add(key);
  });
  if (unknown.size === 0) return;
  const issues = [...unknown].slice(0, 20).map((key) => ({ path: `query.${key}`, message: unknownFieldMessage(key) }));
  const message = known.size === 0 ? 'This endpoint takes no query parameters.' : 'The query string has parameters this endpoint does not take.';
  throw new ApiError(400, 'invalid_request', message, issues);
}

function handlerFor<E extends Env>(route: RouteDefinition<E>, bodyLimitBytes: number, cache?: ResponseCacheOptions) {
  const queryKeys = queryKeysOf(route.querySchema);
  return async (c: Context<E>): Promise<Response> => {
    // counted before anything is read: a flood of invalid requests is throttled as well
    await enforceRateLimit(route.rateLimit, c);
    refuseUnknownQuery(c.req.url, queryKeys);
    const query = route.querySchema ? validate(route.querySchema, c.req.query(), 'query string', 'query') : undefined;
    const body = route.requestSchema ? validate(route.requestSchema, await readJsonBody(c.req.raw, bodyLimitBytes), 'request body', '') : undefined;
    // times the handler (Server-Timing) and answers cacheable routes from the cache
    return answerRoute(route, { body, query, params: c.req.param() as Record<string, string> }, c, cache);
  };
}

/**
 * Error handler shared by every worker: ApiError → its envelope, Hono's
 * HTTPException → the envelope with its own status, anything else → generic 500.
 */
export function handleError(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof HTTPException) {
    if (error.status >= 500) console.error('HTTPException', error);
    return httpExceptionResponse(error);
  }
  console.error('unexpected error', error);
  return internalErrorResponse();
}

/**
 * The answer for a path no route took: 405 with `Allow` if the path exists
 * under another method, else 404.
 */
export function unmatchedResponse(routes: readonly Pick<RouteDefinition, 'method' | 'path'>[], method: string, path: string): Response {
  const allowed = new Set(routes.filter((route) => pathMatches(route.path, path)).map((route) => route.method.toUpperCase()));
  if (allowed.has('GET')) allowed.add('HEAD');
  if (allowed.size > 0 && !allowed.has(method.toUpperCase())) {
    const allow = [...allowed].sort().join(', ');
    return errorResponse(new ApiError(405, 'method_not_allowed', `Method ${method.toUpperCase()} is not allowed here; use ${allow}.`, [], { allow }));
  }
  return errorResponse(new ApiError(404, 'not_found', 'No such route.'));
}

/** The worker's `ALLOWED_ORIGINS` var (comma-separated), if its environment has one. */
function allowedOriginsOf(c: Context): string[] {
  const env = c.env as Record<string, unknown> | undefined;
  return parseAllowedOrigins(env?.ALLOWED_ORIGINS);
}

/**
 * A Hono app with the shared plumbing: every route validated and documented
 * from its definition, `GET /openapi.json`, the error envelope for 404/405 and
 * thrown errors, the finite-number guard on every JSON body, the CORS policy
 * (cors/cors-policy.ts: reads open to any origin, writes same-origin unless
 * `ALLOWED_ORIGINS` lists the caller) and the security headers on every response.
 */
export function createApiApp<E extends Env>(options: ApiAppOptions<E>): ApiApp<E> {
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = new Hono<E>();
  const openApiRoute = { method: 'get' as const, path: OPENAPI_PATH, writes: false };
  const known = [...options.routes, openApiRoute];
  app.use(async (c, next) => {
    await next();
    c.res.headers.set(SERVICE_HEADER, options.serviceName);
    applySecurityHeaders(c.res.headers);
  });
  app.use(async (c, next) => {
    const origin = c.req.header('origin') ?? null;
    const requestedMethod = c.req.header('access-control-request-method');
    if (c.req.method === 'OPTIONS' && requestedMethod !== undefined) {
      const preflight = preflightResponse(known, c.req.path, requestedMethod, origin, c.req.url, allowedOriginsOf(c));
      if (preflight !== undefined) return preflight;
    }
    const route = routeFor(known, c.req.method, c.req.path);
    if (route?.writes && !isWriteOriginAllowed(origin, c.req.url, allowedOriginsOf(c))) {
      return forbiddenOriginResponse();
    }
    await next();
    for (const [name, value] of Object.entries(corsHeadersFor(route, origin))) c.res.headers.set(name, value);
  });
  const openApiDocument = buildOpenApiDocument(options.info, options.routes);
  app.get(OPENAPI_PATH, (c) => finiteJsonResponse(withServers(openApiDocument, new URL(c.req.url).origin)));
  for (const route of options.routes) {
    app.on(route.method.toUpperCase(), toHonoPath(route.path), handlerFor(route, bodyLimitBytes, options.responseCache));
  }
  app.notFound((c) => unmatchedResponse(known, c.req.method, c.req.path));
  app.onError((error) => handleError(options.mapError?.(error) ?? error));
  return { app, routes: options.routes, openApiDocument };
}
