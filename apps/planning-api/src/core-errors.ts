import { ConfigError } from '@gcp/core';
import { ApiError } from '@gcp/http';

/** Core reports paths from the request root (`config.hidden_size`); accept bare field names too. */
function withConfigPrefix(path: string): string {
  if (path === '' || path === 'config' || path.startsWith('config.')) return path === '' ? 'config' : path;
  return `config.${path}`;
}

/** Core's ConfigError (a config.json that cannot describe a model) as a 400 envelope. */
export function configErrorToApiError(error: ConfigError): ApiError {
  return new ApiError(
    400,
    'invalid_request',
    'The config does not describe a supported model.',
    error.issues.map((issue) => ({ path: withConfigPrefix(issue.path), message: issue.message })),
  );
}

/** Errors thrown by @gcp/core that describe the caller's input, as envelopes (see createApiApp's mapError). */
export function mapCoreError(error: unknown): ApiError | undefined {
  if (error instanceof ConfigError) return configErrorToApiError(error);
  return undefined;
}
