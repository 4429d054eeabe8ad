import type { ErrorCode, ErrorEnvelope, ErrorIssue } from '@gcp/contract';

/**
 * The one error shape every worker answers with (defined in @gcp/contract):
 *   {"error": {"code", "message", "issues": [{"path", "message"}]}}
 * Messages never repeat the caller's input back.
 */
export type { ErrorCode, ErrorEnvelope, ErrorIssue };

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 429 | 500 | 502;

/** Throw from a handler; the app's error handler turns it into the envelope. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly ErrorIssue[] = [],
    /** Extra response headers (e.g. `Allow` for 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

/** 422: the request is well formed but asks for something impossible. */
export function unprocessable(message: string, issues: readonly ErrorIssue[] = []): ApiError {
  return new ApiError(422, 'unprocessable', message, issues);
}

export function notFound(message: string, issues: readonly ErrorIssue[] = []): ApiError {
  return new ApiError(404, 'not_found', message, issues);
}

/** 401 with `WWW-Authenticate: Bearer`: no (usable) owner token was presented. */
export function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, [], { 'www-authenticate': 'Bearer' });
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}

export function invalidRequest(message: string, issues: readonly ErrorIssue[] = []): ApiError {
  return new ApiError(400, 'invalid_request', message, issues);
}

export function errorResponse(error: ApiError): Response {
  return new Response(JSON.stringify(error.toEnvelope()), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers },
  });
}

export function internalErrorResponse(): Response {
  return errorResponse(new ApiError(500, 'internal_error', 'Internal error; the request could not be completed.'));
}
