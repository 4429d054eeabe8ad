import { modelDetailResponseSchema, modelQuerySchema } from '@gcp/contract';
import { getModel } from '@gcp/core';
import { notFound } from '@gcp/http';
import { defineRoute } from '../../define-route.js';
import { analysisBody } from './analysis-body.js';

export const getModelRoute = defineRoute({
  method: 'get',
  path: '/v1/models/{id}',
  tag: 'models',
  summary: 'One catalog model with its analysis',
  description: 'Parameters, attention kind, KV-cache bytes per token and FLOPs per token at `sequenceLength` (default 4096).',
  querySchema: modelQuerySchema,
  responseSchema: modelDetailResponseSchema,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { params: { id: 'deepseek-v3' }, query: { sequenceLength: '4096' } },
  handler: ({ params, query }) => {
    const model = getModel(params.id ?? '');
    if (model === undefined) throw notFound('Unknown model id; see GET /v1/models for the catalog.', [{ path: 'id', message: 'Unknown model id' }]);
    return {
      ...analysisBody(model.architecture, query.sequenceLength),
      id: model.id,
      name: model.name,
      officialParams: model.officialParams,
      config: model.config,
    };
  },
});
