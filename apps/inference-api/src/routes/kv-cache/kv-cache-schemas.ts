import * as v from 'valibot';
import { BOUNDS, count, kvFormat, modelSchema } from '../shared-schemas.js';

/** Largest bit width of a custom KV element. */
const MAX_KV_CACHE_BITS = 32;
/** Sequences a KV-cache report may count (a fleet, not one instance). */
const MAX_KV_REPORT_SEQUENCES = 1e9;

export const kvCacheRequestSchema = v.strictObject({
  model: modelSchema,
  contextTokens: count('contextTokens', BOUNDS.contextTokens, 'Tokens per sequence (capped by the model; sliding layers by their window)'),
  kvCacheDtype: v.optional(kvFormat),
  kvCacheBits: v.optional(v.pipe(v.number(), v.minValue(1, 'kvCacheBits must be at least 1'), v.maxValue(MAX_KV_CACHE_BITS, `kvCacheBits must be at most ${MAX_KV_CACHE_BITS}`), v.description('Custom bits per KV element (overrides kvCacheDtype)'))),
  concurrency: v.optional(count('concurrency', MAX_KV_REPORT_SEQUENCES, 'Sequences held at once')),
});

export const kvCacheResponseSchema = v.looseObject({
  bytesPerElement: v.number(), bytesPerToken: v.number(), bytesPerSequence: v.number(), totalBytes: v.number(), concurrency: v.number(),
});
