import { finiteOnly, planInference } from '@gcp/core';
import { defineRoute } from '../define-route.js';
import { planRequestSchema, planResponseSchema } from './schemas.js';

export const planRoute = defineRoute({
  method: 'post',
  path: '/v1/inference/plan',
  tag: 'inference',
  summary: 'Serving fleet for a daily token volume: disaggregated, aggregated, or the cheaper of the two',
  description: '`deployment.mode`: "disaggregated" (default), "aggregated" (one pool doing prefill and decode, sized at the largest batch whose per-user speed — prefill interference included — and TTFT meet the SLO) or "auto" (both sized, `comparison` lists them, the cheaper feasible one answers; `mode` says which). Top-level nodes, cost and feasibility are for `mode`; `prefill`, `decode`, `pareto` and `launchSettings` always describe the disaggregated fleet, `aggregated` the aggregated one (with its own launch settings and Pareto frontier). Prefill and decode pools (nodes, tokens/s per node — prefill counting cache hits as DeepSeek does — and layouts), average and peak nodes, daily cost on average nodes, cost per million tokens (cache hit / miss / output, split by the GPU time each consumes), the decode Pareto frontier and SGLang / vLLM / TensorRT-LLM launch settings. Infeasible SLOs answer 200 with `feasible: false` and `reasons`.',
  requestSchema: planRequestSchema,
  responseSchema: planResponseSchema,
  handler: ({ body }) => finiteOnly(planInference(body) as unknown as Record<string, unknown>),
});
