/** `@gcp/contract/client`: a typed client of the planner API (one method per endpoint). */
export { ApiClientError, type ClientErrorCode } from './api-client-error.js';
export { createClient, type ClientOptions, type FetchLike, type PlannerClient } from './create-client.js';
