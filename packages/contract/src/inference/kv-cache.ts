import * as v from 'valibot';
import { INFERENCE_BOUNDS as BOUNDS, MAX_KV_CACHE_BITS, MAX_KV_REPORT_SEQUENCES } from '../bounds.js';
import { count, kvFormatSchema, modelSchema } from './common.js';

/** POST /v1/inference/kv-cache body. */
export const kvCacheRequestSchema = v.strictObject({
  model: modelSchema,
  contextTokens: count('contextTokens', BOUNDS.contextTokens, 'Tokens per sequence (capped by the model; sliding layers by their window)'),
  kvCacheDtype: v.optional(kvFormatSchema),
  kvCacheBits: v.optional(
    v.pipe(
      v.number(),
      v.minValue(1, 'kvCacheBits must be at least 1'),
      v.maxValue(MAX_KV_CACHE_BITS, `kvCacheBits must be at most ${MAX_KV_CACHE_BITS}`),
      v.description('Custom bits per KV element (overrides kvCacheDtype)'),
    ),
  ),
  concurrency: v.optional(count('concurrency', MAX_KV_REPORT_SEQUENCES, 'Sequences held at once')),
});

export const kvCacheResponseSchema = v.looseObject({
  bytesPerElement: v.number(),
  bytesPerToken: v.number(),
  bytesPerSequence: v.number(),
  totalBytes: v.number(),
  concurrency: v.number(),
});
