import { inferencePlanRequestSchema, inferencePlanResponseSchema } from '@gcp/contract';
import { planInference } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const planRoute = defineRoute({
  method: 'post',
  path: '/v1/inference/plan',
  tag: 'inference',
  summary: 'Serving fleet for a daily token volume: disaggregated, aggregated, or the cheaper of the two',
  description:
    'Whole instances through the day: every pool (disaggregated prefill and decode, or one aggregated pool) is made of whole instances of one layout, at least `deployment.minInstances`, scaled hour by hour on `workload.hourlyLoad` (or a default one-peak day at `workload.peakToAverage`) so that each hour\'s load is served at `workload.utilization` of the engine capacity (default fitted on DeepSeek\'s Day-6 disclosure; echoed in `utilization`). `averageNodes` is the day\'s mean of provisioned nodes, `peakNodes` the busiest hour\'s, `dailyCostUsd` = provisioned node-hours × GPUs per node × price, and `costPerMillionTokensUsd` splits that cost by phase (cache hit / miss / output) so that Σ price × volume = cost. The search covers part-of-a-node TP replicas, the smallest multi-node instance that holds the weights and DeepSeek-style EP units, aggregated and disaggregated; it picks the cheapest feasible plan and lists up to five `alternatives` with their cost, layout and why each lost. `deployment.mode`: "auto" (default when no pool layout is pinned: the cheaper feasible mode), "disaggregated" (default when `prefill`/`decode` are pinned) or "aggregated". Top-level nodes, cost and feasibility are for `mode`; `prefill`, `decode`, `pareto` and `launchSettings` always describe the disaggregated fleet, `aggregated` the aggregated one. Layouts must be ones the model and machine allow (heads, experts, whole nodes): a pinned one that breaks a rule is a 400 naming it. Infeasible SLOs answer 200 with `feasible: false` and `reasons`; `warnings` flag idle pools and a requested mode that costs more than the other.',
  requestSchema: inferencePlanRequestSchema,
  responseSchema: inferencePlanResponseSchema,
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // an expensive search: counted against the per-client SEARCH_RATE_LIMITER (wrangler.jsonc)
  rateLimit: 'searches',
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 1e10, outputTokensPerDay: 2e9 },
      slo: { minOutputTokensPerSecondPerUser: 20 },
    },
  },
  handler: ({ body }) => planInference(body),
});
