import { createApiApp, type RouteDefinition } from '@gcp/http';
import type { InferenceEnv } from './define-route.js';
import { mapCoreError } from './core-errors.js';
import { kvCacheRoute } from './routes/kv-cache/kv-cache.js';
import { throughputRoute } from './routes/throughput/throughput.js';
import { planRoute } from './routes/plan/plan.js';

/**
 * Every endpoint of this worker, one module per endpoint under src/routes/:
 *
 *   // src/routes/kv-cache.ts
 *   export const kvCacheRoute = defineRoute({
 *     method: 'post', path: '/v1/inference/kv-cache', tag: 'inference', summary: '…',
 *     requestSchema, responseSchema, handler: ({ body }) => …,
 *   });
 *
 * then import it here and add it to the list: it is served, validated and
 * documented in /openapi.json (and in the web worker's merged document).
 * Planned: kv-cache, throughput, plan (POST /v1/inference/{kv-cache,throughput,plan}).
 *
 * Core errors that describe bad input (e.g. core's InferenceInputError, once
 * exported from @gcp/core) become envelopes through `mapError` below:
 *   mapError: (e) => e instanceof InferenceInputError ? unprocessable(e.message, [{ path: e.field, message: … }]) : undefined
 */
export const routes: RouteDefinition<InferenceEnv>[] = [kvCacheRoute, throughputRoute, planRoute];

export const { app, openApiDocument } = createApiApp<InferenceEnv>({
  serviceName: 'inference-api',
  info: {
    title: 'GPU Capacity Planner — inference API',
    version: '0.1.0',
    description: 'KV-cache sizing, serving throughput and inference deployment plans.',
  },
  routes,
  mapError: mapCoreError,
});
