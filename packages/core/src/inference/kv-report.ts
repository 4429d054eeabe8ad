import { kvCacheBytesPerSequence, kvCacheBytesPerToken } from '../accounting/kv-cache.js';
import { contextWithinModel, positiveNumber, resolveModel } from './inputs.js';
import { kvBytesPerElement, parseKvFormat } from './precision.js';

export interface KvCacheRequest {
  readonly model: unknown;
  readonly contextTokens: unknown;
  readonly kvCacheDtype?: unknown;
  readonly kvCacheBits?: unknown;
  readonly concurrency?: unknown;
}

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
  const ctx = positiveNumber(r.contextTokens, 'contextTokens', { integer: true });
  contextWithinModel(arch, ctx, 'contextTokens');
  const bits = r.kvCacheBits === undefined ? undefined : positiveNumber(r.kvCacheBits, 'kvCacheBits', { max: 32 });
  const fmt = r.kvCacheDtype === undefined ? undefined : parseKvFormat(r.kvCacheDtype, 'kvCacheDtype');
  const bpe = kvBytesPerElement(fmt, bits);
  const concurrency = r.concurrency === undefined ? 1 : positiveNumber(r.concurrency, 'concurrency', { integer: true });
  const perSeq = kvCacheBytesPerSequence(arch, ctx, bpe);
  return {
    model: arch.name, attention: arch.attention.kind, bytesPerElement: bpe,
    bytesPerToken: kvCacheBytesPerToken(arch, bpe), bytesPerSequence: perSeq, concurrency, totalBytes: perSeq * concurrency,
    slidingWindowLayers: arch.layers.filter((l) => l.attention === 'sliding').length,
  };
}
