import { gpuResponseSchema } from '@gcp/contract';
import { describeGpu, getGpu } from '@gcp/core';
import { notFound } from '@gcp/http';
import { defineRoute } from '../../define-route.js';

export const getGpuRoute = defineRoute({
  method: 'get',
  path: '/v1/gpus/{id}',
  tag: 'gpus',
  summary: 'One GPU from the catalog',
  responseSchema: gpuResponseSchema,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { params: { id: 'h800' } },
  handler: ({ params }) => {
    const gpu = getGpu(params.id ?? '');
    if (gpu === undefined) throw notFound('Unknown GPU id; see GET /v1/gpus for the catalog.', [{ path: 'id', message: 'Unknown GPU id' }]);
    return describeGpu(gpu);
  },
});
