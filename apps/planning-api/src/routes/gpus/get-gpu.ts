import { describeGpu, getGpu } from '@gcp/core';
import { notFound } from '@gcp/http';
import { defineRoute } from '../../define-route.js';
import { gpuSchema } from './gpu-schemas.js';

export const getGpuRoute = defineRoute({
  method: 'get',
  path: '/v1/gpus/{id}',
  tag: 'gpus',
  summary: 'One GPU from the catalog',
  responseSchema: gpuSchema,
  handler: ({ params }) => {
    const gpu = getGpu(params.id ?? '');
    if (gpu === undefined) throw notFound('Unknown GPU id; see GET /v1/gpus for the catalog.', [{ path: 'id', message: 'Unknown GPU id' }]);
    return describeGpu(gpu);
  },
});
