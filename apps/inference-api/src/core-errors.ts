import { ConfigError, InferenceInputError } from '@gcp/core';
import { invalidRequest, type ApiError } from '@gcp/http';

/** Drops quoted values a core message may quote back (`unknown model id "x"` → `unknown model id`). */
function withoutQuotedValues(message: string): string {
  return message.replace(/\s*"(?:[^"\\]|\\.)*"/g, '').trim();
}

/**
 * Errors thrown by @gcp/core that describe the caller's input, as 400
 * envelopes naming the field (createApiApp's mapError).
 */
export function mapCoreError(error: unknown): ApiError | undefined {
  if (error instanceof InferenceInputError) {
    const prefix = `${error.field}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return invalidRequest('The request cannot be planned as given.', [{ path: error.field, message: withoutQuotedValues(message) }]);
  }
  if (error instanceof ConfigError) {
    // A pasted config travels as `model.config`.
    return invalidRequest(
      'The config does not describe a supported model.',
      error.issues.map((issue) => ({ path: `model.${issue.path.startsWith('config') ? issue.path : `config.${issue.path}`}`, message: issue.message })),
    );
  }
  return undefined;
}
