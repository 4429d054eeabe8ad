import { PlannerInputError } from '@gcp/core';
import { invalidRequest, type ApiError } from '@gcp/http';

/** Drops quoted values a core message may quote back (`unknown model id "x"` → `unknown model id`). */
function withoutQuotedValues(message: string): string {
  return message.replace(/\s*"(?:[^"\\]|\\.)*"/g, '').trim();
}

/** Issues inside a pasted config.json (`model.config.hidden_size`). */
const isConfigIssue = (issue: { path: string }) => issue.path === 'model.config' || issue.path.startsWith('model.config.');

/**
 * The core's PlannerInputError as a 400 envelope naming the fields (createApiApp's mapError):
 * every kind is a 400 here, unknown model and GPU ids included.
 */
export function mapCoreError(error: unknown): ApiError | undefined {
  if (!(error instanceof PlannerInputError)) return undefined;
  if (error.issues.every(isConfigIssue)) return invalidRequest('The config does not describe a supported model.', error.issues);
  return invalidRequest(
    'The request cannot be planned as given.',
    error.issues.map((issue) => ({ path: issue.path, message: withoutQuotedValues(issue.message) })),
  );
}
