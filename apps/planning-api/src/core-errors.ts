import { PlannerInputError } from '@gcp/core';
import { ApiError } from '@gcp/http';

/** Issues of POST /v1/models/analyze's pasted config (`config`, `config.hidden_size`). */
const isConfigIssue = (issue: { path: string }) => issue.path === 'config' || issue.path.startsWith('config.');

/**
 * The core's PlannerInputError as an envelope naming the fields (createApiApp's mapError):
 * 'invalid' (contradictory input, a config that describes no model, FP8 on a chip without FP8)
 * is a 400; 'unknown' (model or GPU id not in the catalog) and 'unsupported' (nothing the planner
 * can build satisfies the request) are 422.
 */
export function mapCoreError(error: unknown): ApiError | undefined {
  if (!(error instanceof PlannerInputError)) return undefined;
  const message = error.issues.every(isConfigIssue) ? 'The config does not describe a supported model.' : 'The training request cannot be planned.';
  return error.kind === 'invalid' ? new ApiError(400, 'invalid_request', message, error.issues) : new ApiError(422, 'unprocessable', message, error.issues);
}
