import { ApiError, errorResponse } from '@gcp/http';

/** A service binding, reduced to what forwarding needs. */
export interface Upstream {
  fetch(request: Request): Promise<Response>;
}

/** Passes the request to a worker through its service binding; 502 envelope if it cannot be reached. */
export async function forward(upstream: Upstream, serviceName: string, request: Request): Promise<Response> {
  try {
    return await upstream.fetch(request);
  } catch (error) {
    console.error(`forward to ${serviceName} failed`, error);
    return errorResponse(new ApiError(502, 'upstream_unavailable', `The ${serviceName} service could not be reached.`));
  }
}
