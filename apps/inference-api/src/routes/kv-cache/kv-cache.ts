import { kvCacheRequestSchema, kvCacheResponseSchema } from '@gcp/contract';
import { kvCacheReport } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const kvCacheRoute = defineRoute({
  method: 'post',
  path: '/v1/inference/kv-cache',
  tag: 'inference',
  summary: 'KV-cache size for a model, context length and concurrency',
  description:
    'Bytes per token (all layers), per sequence at `contextTokens` (sliding-window layers capped at their window) and in total for `concurrency` sequences.',
  requestSchema: kvCacheRequestSchema,
  responseSchema: kvCacheResponseSchema,
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { body: { model: 'deepseek-v3', contextTokens: 4096, kvCacheDtype: 'bf16', concurrency: 64 } },
  handler: ({ body }) => kvCacheReport(body),
});
