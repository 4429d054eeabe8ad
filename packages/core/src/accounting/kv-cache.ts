import type { ModelArchitecture } from '../models/types.js';

/**
 * KV-cache elements stored per token per layer:
 *  - MHA/GQA/MQA: K and V, `2 · kv_heads · head_dim`
 *  - MLA: the compressed latent plus the decoupled RoPE key, `kv_lora_rank + qk_rope_head_dim`
 */
export function kvElementsPerTokenPerLayer(arch: ModelArchitecture): number {
  const a = arch.attention;
  if (a.mla) return a.mla.kvLoraRank + a.mla.qkRopeHeadDim;
  return a.numKvHeads * (a.qkHeadDim + a.vHeadDim);
}

/** Bytes per cached token with every layer holding it (contexts within the sliding window). */
export function kvCacheBytesPerToken(arch: ModelArchitecture, bytesPerElement: number): number {
  return kvElementsPerTokenPerLayer(arch) * arch.numLayers * bytesPerElement;
}

/** Bytes one sequence of `contextTokens` holds: sliding-window layers keep at most their window. */
export function kvCacheBytesPerSequence(arch: ModelArchitecture, contextTokens: number, bytesPerElement: number): number {
  const perLayer = kvElementsPerTokenPerLayer(arch) * bytesPerElement;
  const window = arch.attention.slidingWindow ?? Number.POSITIVE_INFINITY;
  let tokens = 0;
  for (const layer of arch.layers) tokens += layer.attention === 'sliding' ? Math.min(contextTokens, window) : contextTokens;
  return tokens * perLayer;
}
