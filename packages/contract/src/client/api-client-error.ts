import * as v from 'valibot';
import { errorEnvelopeSchema, type ErrorCode, type ErrorIssue } from '../errors.js';

/** Codes only the client raises: a success body that fails its response schema, an error body that is not an envelope. */
export type ClientErrorCode = 'invalid_response' | 'not_an_envelope';

/** A non-2xx answer (its error envelope), or a body the client could not accept. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  constructor(
    /** HTTP status of the answer. */
    readonly status: number,
    /** The envelope's `error.code` (a string: a newer server may add codes), or a ClientErrorCode. */
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly issues: readonly ErrorIssue[] = [],
  ) {
    super(message);
  }

  /** The error of a non-2xx response from its body (parsed JSON, or undefined when it was not JSON). */
  static fromBody(status: number, body: unknown): ApiClientError {
    const envelope = v.safeParse(errorEnvelopeSchema, body);
    if (!envelope.success) return new ApiClientError(status, 'not_an_envelope', `HTTP ${status} without an error envelope`);
    const { code, message, issues } = envelope.output.error;
    return new ApiClientError(status, code, message, issues);
  }
}
