import type { TrainingPlanError } from '@gcp/core';
import { ApiError } from '@gcp/http';

/** Core's TrainingPlanError as the error envelope: malformed/contradictory input 400, unknown ids or impossible requests 422. */
export function trainingErrorToApiError(e: TrainingPlanError): ApiError {
  const status = e.kind === 'invalid' ? 400 : 422;
  return new ApiError(status, status === 400 ? 'invalid_request' : 'unprocessable', 'The request cannot be planned.', e.issues);
}
