import type { KvCacheRequest } from '@gcp/contract';
import { kvCacheBytesPerSequence, kvCacheBytesPerToken } from '../../accounting/kv-cache.js';
import { contextWithinModel, resolveModel } from '../inputs.js';
import { kvBytesPerElement } from './precision.js';

/** The contract's POST /v1/inference/kv-cache body, validated. */
export type { KvCacheRequest };

/** Sequences counted when the request gives no concurrency. */
const DEFAULT_CONCURRENCY = 1;

export interface KvCacheReport {
  readonly model: string;
  readonly attention: string;
  readonly bytesPerElement: number;
  readonly bytesPerToken: number;
  readonly bytesPerSequence: number;
  readonly concurrency: number;
  readonly totalBytes: number;
  readonly slidingWindowLayers: number;
}

/** KV bytes per token (every layer), per sequence at `contextTokens` (sliding layers capped), and for `concurrency` sequences. */
export function kvCacheReport(r: KvCacheRequest): KvCacheReport {
  const arch = resolveModel(r.model);
  const ctx = r.contextTokens;
  contextWithinModel(arch, ctx, 'contextTokens');
  const bpe = kvBytesPerElement(r.kvCacheDtype, r.kvCacheBits);
  const concurrency = r.concurrency ?? DEFAULT_CONCURRENCY;
  const perSeq = kvCacheBytesPerSequence(arch, ctx, bpe);
  return {
    model: arch.name,
    attention: arch.attention.kind,
    bytesPerElement: bpe,
    bytesPerToken: kvCacheBytesPerToken(arch, bpe),
    bytesPerSequence: perSeq,
    concurrency,
    totalBytes: perSeq * concurrency,
    slidingWindowLayers: arch.layers.filter((l) => l.attention === 'sliding').length,
  };
}
