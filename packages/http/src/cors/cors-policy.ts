import { ApiError, errorResponse } from '../errors/api-error.js';
import { pathMatches, type RouteDefinition } from '../routes/define-route.js';

/**
 * The CORS policy of every API worker:
 * - read-only routes (GET, and the POST computations that store nothing) are open to any
 *   origin without credentials: `Access-Control-Allow-Origin: *`;
 * - write routes (`writes: true`: POST/PATCH/DELETE /v1/plans…) answer same-origin callers,
 *   callers that send no `Origin` (not a browser), and the origins listed in the worker's
 *   `ALLOWED_ORIGINS` var (comma-separated); any other origin gets 403 in the envelope.
 * Preflights (OPTIONS with `Access-Control-Request-Method`) get 204 with the headers below.
 */
export const CORS_ALLOWED_REQUEST_HEADERS = 'content-type, authorization';
/** How long a browser may cache a preflight answer: one day. */
export const CORS_PREFLIGHT_MAX_AGE_SECONDS = 86_400;
export const ANY_ORIGIN = '*';

/** Headers on every API response (the API never serves HTML, so nothing may load or frame it). */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) headers.set(name, value);
}

/** `ALLOWED_ORIGINS` ("https://a.example, https://b.example") as a list of origins; '' or unset → none. */
export function parseAllowedOrigins(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin !== '');
}

/** May a write from `origin` (the request's `Origin` header, or null) reach a handler? */
export function isWriteOriginAllowed(origin: string | null, requestUrl: string, allowedOrigins: readonly string[]): boolean {
  if (origin === null) return true;
  if (origin === new URL(requestUrl).origin) return true;
  return allowedOrigins.includes(origin);
}

type RouteShape = Pick<RouteDefinition, 'method' | 'path' | 'writes'>;

/** The route serving `method path`, if any. */
export function routeFor(routes: readonly RouteShape[], method: string, path: string): RouteShape | undefined {
  const wanted = method.toLowerCase();
  return routes.find((route) => route.method === wanted && pathMatches(route.path, path));
}

/** Response headers a cross-origin page may read (CPU time and cache status) and time. */
const EXPOSED = { 'access-control-expose-headers': 'Server-Timing, x-gcp-cache, Retry-After', 'timing-allow-origin': '*' } as const;

/** The CORS headers of an actual (non-preflight) response to `route`, for a caller at `origin`. */
export function corsHeadersFor(route: RouteShape | undefined, origin: string | null): Record<string, string> {
  if (route?.writes) return origin === null ? {} : { 'access-control-allow-origin': origin, vary: 'Origin', ...EXPOSED };
  return { 'access-control-allow-origin': ANY_ORIGIN, ...EXPOSED };
}

export function forbiddenOriginResponse(): Response {
  return errorResponse(new ApiError(403, 'forbidden', 'Cross-origin writes are not allowed from this origin; the operator can list it in ALLOWED_ORIGINS.'));
}

/**
 * The answer to a preflight for `path`, or undefined when no route serves the requested
 * method there (the caller then answers as for any unmatched request).
 */
export function preflightResponse(
  routes: readonly RouteShape[],
  path: string,
  requestedMethod: string,
  origin: string | null,
  requestUrl: string,
  allowedOrigins: readonly string[],
): Response | undefined {
  const route = routeFor(routes, requestedMethod, path);
  if (route === undefined) return undefined;
  const samePath = routes.filter((candidate) => pathMatches(candidate.path, path));
  const headers: Record<string, string> = {
    'access-control-allow-headers': CORS_ALLOWED_REQUEST_HEADERS,
    'access-control-max-age': String(CORS_PREFLIGHT_MAX_AGE_SECONDS),
  };
  if (route.writes) {
    if (!isWriteOriginAllowed(origin, requestUrl, allowedOrigins)) return forbiddenOriginResponse();
    const methods = samePath.map((candidate) => candidate.method.toUpperCase());
    Object.assign(headers, corsHeadersFor(route, origin), { 'access-control-allow-methods': methods.join(', ') });
  } else {
    const readOnly = samePath.filter((candidate) => !candidate.writes).map((candidate) => candidate.method.toUpperCase());
    Object.assign(headers, corsHeadersFor(route, origin), { 'access-control-allow-methods': readOnly.join(', ') });
  }
  return new Response(null, { status: 204, headers });
}
