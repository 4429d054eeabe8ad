import type { Context, Env } from 'hono';
import type { GenericSchema, InferOutput } from 'valibot';
import type { RateLimitClass } from '../rate-limit/rate-limit.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type SuccessStatus = 200 | 201 | 204;

/**
 * A request that succeeds (2xx), documented in OpenAPI (`example` on the body and on each
 * parameter) and sent by the workers' OpenAPI tests. Path parameters of stored things (a plan
 * id) are replaced by the tests with one they create.
 */
export interface RouteExample {
  readonly body?: unknown;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
}

/** `bearer`: needs `Authorization: Bearer <ownerToken>`; `optional-bearer`: uses one when sent. */
export type RouteAuth = 'bearer' | 'optional-bearer';

type OutputOf<S> = S extends GenericSchema ? InferOutput<S> : undefined;

/** What a handler receives after validation: typed from the route's valibot schemas. */
export interface RouteInput<B, Q> {
  readonly body: OutputOf<B>;
  readonly query: OutputOf<Q>;
  /** Path parameters by name (`{id}` in the path). */
  readonly params: Readonly<Record<string, string>>;
}

export interface RouteConfig<E extends Env, B extends GenericSchema | undefined, Q extends GenericSchema | undefined> {
  readonly method: HttpMethod;
  /** OpenAPI-style path: `/v1/gpus/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** OpenAPI tag (groups operations in the document). */
  readonly tag?: string;
  /** JSON body schema (POST/PUT/PATCH); validated before the handler runs. */
  readonly requestSchema?: B;
  /** Query-string schema: an object schema of string inputs (use pipes to convert). */
  readonly querySchema?: Q;
  /** Success body schema, for the OpenAPI document (and response checks in tests). */
  readonly responseSchema?: GenericSchema;
  /** Success status; default 200 (204: the handler returns a Response without a body). */
  readonly successStatus?: SuccessStatus;
  /** A request that succeeds: documented and sent by the tests (required by the OpenAPI tests). */
  readonly example?: RouteExample;
  /** The owner token this route reads (documented as the `ownerToken` bearer scheme). */
  readonly auth?: RouteAuth;
  /**
   * The route changes stored state (saves, renames, deletes): same-origin only unless the
   * worker's `ALLOWED_ORIGINS` lists the caller's origin (see cors/cors-policy.ts). Default
   * false: read-only, open to any origin without credentials.
   */
  readonly writes?: boolean;
  /**
   * The per-client rate limit the route counts against (rate-limit/rate-limit.ts): `writes` by
   * default for `writes: true` routes, `searches` for the expensive computations; `false`: none.
   */
  readonly rateLimit?: RateLimitClass | false;
  /** Error statuses this route can answer besides the ones every route can (documented only). */
  readonly errorStatuses?: readonly number[];
  /**
   * A pure function of the validated request (no I/O, no state): identical requests, after
   * normalisation, are answered from the response cache (see createApiApp's `responseCache`).
   */
  readonly cacheable?: boolean;
  /**
   * Returns the success body (serialised with the finite-number guard) or a
   * Response. Throw `ApiError` for 404/422 and the like.
   */
  readonly handler: (input: RouteInput<B, Q>, c: Context<E>) => unknown | Response | Promise<unknown | Response>;
}

/** A route as the app and the OpenAPI generator see it (schemas erased). */
// biome-ignore lint/suspicious/noExplicitAny: schemas are erased here; each route's own types were checked where it was defined
export interface RouteDefinition<E extends Env = any> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag?: string;
  readonly requestSchema?: GenericSchema;
  readonly querySchema?: GenericSchema;
  readonly responseSchema?: GenericSchema;
  readonly successStatus: SuccessStatus;
  readonly example?: RouteExample;
  readonly auth?: RouteAuth;
  readonly writes: boolean;
  readonly rateLimit: RateLimitClass | undefined;
  readonly errorStatuses: readonly number[];
  readonly cacheable: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: schemas are erased here; each route's own types were checked where it was defined
  readonly handler: (input: RouteInput<any, any>, c: Context<E>) => unknown;
}

/**
 * Declares one endpoint: its Hono route and its OpenAPI operation come from
 * this single object. Put one per file (`src/routes/<feature>/<endpoint>.ts`)
 * and list it in the worker's `src/app.ts`.
 */
export function defineRoute<E extends Env = Env, B extends GenericSchema | undefined = undefined, Q extends GenericSchema | undefined = undefined>(
  config: RouteConfig<E, B, Q>,
): RouteDefinition<E> {
  return {
    ...config,
    successStatus: config.successStatus ?? 200,
    writes: config.writes ?? false,
    rateLimit: config.rateLimit === false ? undefined : (config.rateLimit ?? (config.writes ? 'writes' : undefined)),
    errorStatuses: config.errorStatuses ?? [],
    cacheable: config.cacheable ?? false,
    handler: config.handler as RouteDefinition<E>['handler'],
  };
}

/**
 * Binds the Hono environment once so route files keep schema inference:
 * `export const defineRoute = routeDefiner<{ Bindings: Cloudflare.Env }>();`
 */
export function routeDefiner<E extends Env>() {
  return <B extends GenericSchema | undefined = undefined, Q extends GenericSchema | undefined = undefined>(config: RouteConfig<E, B, Q>): RouteDefinition<E> =>
    defineRoute<E, B, Q>(config);
}

/** `/v1/gpus/{id}` → `/v1/gpus/:id` */
export function toHonoPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

export function pathParameterNames(openApiPath: string): string[] {
  return [...openApiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

/** Matches a concrete request path against an OpenAPI-style template. */
export function pathMatches(openApiPath: string, requestPath: string): boolean {
  const pattern = openApiPath
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`).test(requestPath);
}
