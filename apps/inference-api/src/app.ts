import { PLANNER_VERSION } from '@gcp/core';
import { createApiApp, IsolateAnswerCache, type RouteDefinition } from '@gcp/http';
import type { InferenceEnv } from './define-route.js';
import { mapCoreError } from './core-errors.js';
import { kvCacheRoute } from './routes/kv-cache/kv-cache.js';
import { throughputRoute } from './routes/throughput/throughput.js';
import { planRoute } from './routes/plan/plan.js';

/**
 * Every endpoint of this worker, each one `defineRoute({...})` in its own
 * module under src/routes/ (`defineRoute` from ./define-route.ts types `c.env`
 * with this worker's bindings) and its schemas from @gcp/contract (shared with
 * the core's input types, the page's JSDoc types and the typed client), e.g.
 *
 *   export const kvCacheRoute = defineRoute({
 *     method: 'post', path: '/v1/inference/kv-cache', tag: 'inference', summary: '…', description: '…',
 *     requestSchema: kvCacheRequestSchema, responseSchema: kvCacheResponseSchema,
 *     handler: ({ body }) => kvCacheReport(body),
 *   });
 *
 * Import it here and add it to `routes`: createApiApp serves it, validates the
 * body (400 envelope) and documents it in /openapi.json (and so in the web
 * worker's merged document).
 *
 * The core's PlannerInputError (rules that need the model or the catalogs:
 * unknown ids, a context beyond the model, layout rules, a pasted config that
 * describes no model) becomes a 400 `invalid_request` envelope naming the
 * field through `mapError: mapCoreError` (src/core-errors.ts). ApiErrors a handler throws
 * (`unprocessable()`, `notFound()`) and Hono HTTPExceptions keep their own
 * status; anything else is a generic 500.
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
  // `cacheable` routes are answered from this isolate's memory, then caches.default, keyed with the planner version
  responseCache: { version: PLANNER_VERSION, memory: new IsolateAnswerCache() },
});
