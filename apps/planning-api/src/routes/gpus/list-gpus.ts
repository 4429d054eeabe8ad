import { gpuListResponseSchema } from '@gcp/contract';
import { describeGpu, listGpus } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const listGpusRoute = defineRoute({
  method: 'get',
  path: '/v1/gpus',
  tag: 'gpus',
  summary: 'List the GPU catalog',
  description: 'Every GPU with its datasheet figures (units in field names), export-control metrics and sources.',
  responseSchema: gpuListResponseSchema,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {},
  handler: () => ({ gpus: listGpus().map((gpu) => describeGpu(gpu)) }),
});
