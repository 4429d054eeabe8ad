import type { HTTPException } from 'hono/http-exception';
import type { ErrorCode, ErrorEnvelope } from './api-error.js';

/** The envelope code for an HTTPException's status, where the envelope already has one. */
const CODE_BY_STATUS: Readonly<Partial<Record<number, ErrorCode>>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'upstream_unavailable',
};

/**
 * Hono's HTTPException (thrown by a handler or a Hono middleware) as the shared
 * envelope with its own status. The message is the thrower's (never the
 * caller's input); headers of an attached `res` (e.g. `WWW-Authenticate`,
 * `Retry-After`) are kept, its body is not.
 */
export function httpExceptionResponse(error: HTTPException): Response {
  const { status } = error;
  const envelope: ErrorEnvelope = {
    error: {
      code: CODE_BY_STATUS[status] ?? 'http_error',
      message: error.message || `The request failed with HTTP status ${status}.`,
      issues: [],
    },
  };
  const headers = new Headers(error.res?.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(envelope), { status, headers });
}
