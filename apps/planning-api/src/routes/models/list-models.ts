import { modelListResponseSchema } from '@gcp/contract';
import { listModels } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const listModelsRoute = defineRoute({
  method: 'get',
  path: '/v1/models',
  tag: 'models',
  summary: 'List the model catalog',
  responseSchema: modelListResponseSchema,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {},
  handler: () => ({
    models: listModels().map((model) => ({ id: model.id, name: model.name, officialParams: model.officialParams })),
  }),
});
