import * as v from 'valibot';

/**
 * The one error shape every worker answers with:
 *   {"error": {"code", "message", "issues": [{"path", "message"}]}}
 * Messages never repeat the caller's input back.
 */
export const ERROR_CODES = [
  'invalid_request',
  'malformed_json',
  'not_found',
  'method_not_allowed',
  /** 401: the endpoint needs `Authorization: Bearer <owner token>` and none (or a malformed one) was sent. */
  'unauthorized',
  /** 403: the token is not this plan's owner, or a cross-origin write from an origin that is not allowed. */
  'forbidden',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  /** 429: too many writes or searches from this client; `Retry-After` says when to retry (seconds). */
  'rate_limited',
  'non_finite_result',
  'upstream_unavailable',
  'internal_error',
  /** A Hono `HTTPException` whose status has no code of its own (429, …); the status tells which. */
  'http_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Dotted location of the offending field (`config.hidden_size`, `layers.0`); '' for the whole body. */
  readonly path: string;
  readonly message: string;
}

export interface ErrorEnvelope {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly issues: readonly ErrorIssue[];
  };
}

/** The envelope as a client reads it (codes a newer server adds are kept as strings). */
export const errorEnvelopeSchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    issues: v.array(v.object({ path: v.string(), message: v.string() })),
  }),
});
