import { analyzeModelRequestSchema, analyzeModelResponseSchema } from '@gcp/contract';
import { normalizeConfig } from '@gcp/core';
import { defineRoute } from '../../define-route.js';
import { analysisBody } from './analysis-body.js';

export const analyzeModelRoute = defineRoute({
  method: 'post',
  path: '/v1/models/analyze',
  tag: 'models',
  summary: 'Analyse a Hugging Face config.json',
  description: 'Body `{"config": <config.json>, "sequenceLength"?: tokens}`; missing or invalid config fields answer 400 with one issue per field.',
  requestSchema: analyzeModelRequestSchema,
  responseSchema: analyzeModelResponseSchema,
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: {
      config: {
        model_type: 'llama',
        hidden_size: 4096,
        num_hidden_layers: 32,
        num_attention_heads: 32,
        num_key_value_heads: 8,
        intermediate_size: 14336,
        vocab_size: 128256,
      },
      sequenceLength: 8192,
    },
  },
  // normalizeConfig throws PlannerInputError naming config.<key> for unusable configs; the app maps it to 400 (src/core-errors.ts).
  handler: ({ body }) => analysisBody(normalizeConfig(body.config), body.sequenceLength),
});
