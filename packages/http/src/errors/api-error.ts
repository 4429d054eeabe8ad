/**
 * The one error shape every worker answers with:
 *   {"error": {"code", "message", "issues": [{"path", "message"}]}}
 * Messages never repeat the caller's input back.
 */
export interface ErrorIssue {
  /** Dotted location of the offending field (`config.hidden_size`, `layers.0`); '' for the whole body. */
  readonly path: string;
  readonly message: string;
}

export type ErrorStatus = 400 | 404 | 405 | 413 | 415 | 422 | 500 | 502;

export type ErrorCode =
  | 'invalid_request'
  | 'malformed_json'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'non_finite_result'
  | 'upstream_unavailable'
  | 'internal_error'
  /** A Hono `HTTPException` whose status has no code of its own (401, 403, 429, …); the status tells which. */
  | 'http_error';

export interface ErrorEnvelope {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly issues: readonly ErrorIssue[];
  };
}

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
