import { PLANNER_VERSION } from '@gcp/core';
import { createApiApp, IsolateAnswerCache } from '@gcp/http';
import { mapCoreError } from './core-errors.js';
import type { PlanningEnv } from './define-route.js';
import { getGpuRoute } from './routes/gpus/get-gpu.js';
import { healthRoute } from './routes/health/health.js';
import { listGpusRoute } from './routes/gpus/list-gpus.js';
import { analyzeModelRoute } from './routes/models/analyze-model.js';
import { getModelRoute } from './routes/models/get-model.js';
import { listModelsRoute } from './routes/models/list-models.js';
import { createPlanRoute } from './routes/plans/create-plan.js';
import { getPlanRoute } from './routes/plans/get-plan.js';
import { listPlansRoute } from './routes/plans/list-plans.js';
import { deletePlanRoute } from './routes/plans/delete-plan.js';
import { renamePlanRoute } from './routes/plans/rename-plan.js';
import { planTrainingRoute } from './routes/training/plan-training.js';
import { tcoRoute } from './routes/cost/tco.js';
import { auditRoute } from './routes/audit/audit.js';
import { programmeRoute } from './routes/programme/programme.js';
import { rlRoute } from './routes/rl/rl.js';

/** Every endpoint of this worker; add a route here and it is served and documented. */
export const routes = [
  healthRoute,
  listGpusRoute,
  getGpuRoute,
  listModelsRoute,
  analyzeModelRoute,
  getModelRoute,
  createPlanRoute,
  listPlansRoute,
  getPlanRoute,
  renamePlanRoute,
  deletePlanRoute,
  planTrainingRoute,
  programmeRoute,
  rlRoute,
  tcoRoute,
  auditRoute,
];

export const { app, openApiDocument } = createApiApp<PlanningEnv>({
  serviceName: 'planning-api',
  info: {
    title: 'GPU Capacity Planner — planning API',
    version: '0.1.0',
    description: 'GPU and model catalogs, model analysis, training plans, cost of ownership, claim audits and saved plans.',
  },
  routes,
  mapError: mapCoreError,
  // `cacheable` routes are answered from this isolate's memory, then caches.default, keyed with the planner version
  responseCache: { version: PLANNER_VERSION, memory: new IsolateAnswerCache() },
});
