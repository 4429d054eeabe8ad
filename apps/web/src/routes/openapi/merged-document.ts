import { ApiError, isOpenApiDocument, mergeOpenApiDocuments, OPENAPI_PATH, type OpenApiDocument } from '@gcp/http';
import type { Upstream } from '../proxy/forward.js';

export const MERGED_INFO = {
  title: 'GPU Capacity Planner API',
  version: '0.1.0',
  description: 'Every endpoint of every worker behind this origin: planning (gpus, models, training, plans) and inference.',
} as const;

async function fetchDocument(upstream: Upstream, serviceName: string): Promise<OpenApiDocument> {
  let body: unknown;
  try {
    const response = await upstream.fetch(new Request(`https://${serviceName}.internal${OPENAPI_PATH}`));
    body = response.ok ? await response.json() : undefined;
  } catch {
    body = undefined;
  }
  if (!isOpenApiDocument(body)) {
    throw new ApiError(502, 'upstream_unavailable', 'An API document could not be fetched.', [{ path: serviceName, message: 'OpenAPI document unavailable' }]);
  }
  return body;
}

/** One OpenAPI 3.1 document covering every worker, fetched through the service bindings. */
export async function mergedOpenApiDocument(upstreams: Readonly<Record<string, Upstream>>): Promise<OpenApiDocument> {
  const documents = await Promise.all(Object.entries(upstreams).map(([name, upstream]) => fetchDocument(upstream, name)));
  return mergeOpenApiDocuments(MERGED_INFO, documents);
}
