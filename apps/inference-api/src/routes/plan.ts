import { finiteOnly, planInference } from '@gcp/core';
import { defineRoute } from '../define-route.js';
import { planRequestSchema, planResponseSchema } from './schemas.js';

export const planRoute = defineRoute({
  method: 'post',
  path: '/v1/inference/plan',
  tag: 'inference',
  summary: 'Disaggregated serving fleet for a daily token volume',
  description: 'Prefill and decode pools (nodes, tokens/s per node — prefill counting cache hits as DeepSeek does — and layouts), average and peak nodes, daily cost on average nodes, cost per million tokens (cache hit / miss / output, split by the GPU time each consumes), the decode Pareto frontier and SGLang / vLLM / TensorRT-LLM launch settings. Infeasible SLOs answer 200 with `feasible: false` and `reasons`.',
  requestSchema: planRequestSchema,
  responseSchema: planResponseSchema,
  handler: ({ body }) => finiteOnly(planInference(body) as unknown as Record<string, unknown>),
});
