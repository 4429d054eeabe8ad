import type { LayerSpec, ModelArchitecture } from '../models/types.js';
import { attentionParamsPerLayer, denseFfnParams, moeLayerParams } from './params.js';

/** Training FLOPs ÷ forward FLOPs: forward 1 + backward 2 (input and weight gradients), no recomputation. */
export const TRAINING_FLOPS_PER_FORWARD_FLOP = 3;

/**
 * FLOP accounting. A matmul with a weight of P parameters costs 2·P FLOPs per token forward
 * and 4·P backward (6·P for a training step). Attention score and value products are counted
 * for a causal mask: a token at position t attends to t keys (min(t, window) on sliding layers).
 * Norms, softmax and element-wise work are not counted (the convention of MFU reports).
 */

/** Mean number of keys a query attends to in a causal sequence of `seqLen` tokens, capped by `window`. */
export function meanCausalKeys(seqLen: number, window: number | null): number {
  if (seqLen <= 0) return 0;
  const w = window ?? Number.POSITIVE_INFINITY;
  if (seqLen <= w) return (seqLen + 1) / 2;
  // positions 1..w attend to t keys; positions w+1..L attend to w keys
  return ((w * (w + 1)) / 2 + (seqLen - w) * w) / seqLen;
}

/** Forward attention-core FLOPs per token of one layer (QKᵀ and AV), at mean context `keys`. */
export function attentionCoreFlopsPerToken(arch: ModelArchitecture, keys: number): number {
  const a = arch.attention;
  return 2 * a.numHeads * (a.qkHeadDim + a.vHeadDim) * keys;
}

/** Weight-matmul parameters one token multiplies in one layer (norms excluded; router included). */
export function layerMatmulParams(arch: ModelArchitecture, layer: LayerSpec): number {
  const attn = attentionParamsPerLayer(arch);
  if (layer.ffn === 'dense' || !arch.moe) return attn + denseFfnParams(arch);
  const m = moeLayerParams(arch);
  return attn + arch.moe.topK * m.perRoutedExpert + m.shared + m.router;
}

export interface FlopsPerToken {
  /** Weight matmuls of the main model, LM head included, MTP excluded. */
  readonly matmulFlops: number;
  /** Causal attention core (QKᵀ, AV). */
  readonly attentionFlops: number;
  readonly totalFlops: number;
  /** MTP modules (DeepSeek), reported apart from the main model. */
  readonly mtpFlops: number;
}

function forwardParts(arch: ModelArchitecture, seqLen: number): { matmul: number; attention: number; mtp: number } {
  const h = arch.hiddenSize;
  const lmHead = arch.vocabSize * h; // the head multiplies whether or not it is tied to the embedding
  let matmul = 2 * lmHead;
  let attention = 0;
  for (const layer of arch.layers) {
    matmul += 2 * layerMatmulParams(arch, layer);
    const keys = meanCausalKeys(seqLen, layer.attention === 'sliding' ? arch.attention.slidingWindow : null);
    attention += attentionCoreFlopsPerToken(arch, keys);
  }
  const last = arch.layers[arch.layers.length - 1];
  // one MTP module: eh_proj (2h x h), one decoder layer like the last one, the shared head
  const mtpPerModule = last ? 2 * (2 * h * h + layerMatmulParams(arch, last) + lmHead) + attentionCoreFlopsPerToken(arch, meanCausalKeys(seqLen, null)) : 0;
  return { matmul, attention, mtp: arch.mtpLayers * mtpPerModule };
}

/** Forward FLOPs per token at a causal context of `seqLen` (prefill-style accounting, MHA form of MLA). */
export function forwardFlopsPerToken(arch: ModelArchitecture, seqLen: number): FlopsPerToken {
  const p = forwardParts(arch, seqLen);
  return { matmulFlops: p.matmul, attentionFlops: p.attention, totalFlops: p.matmul + p.attention, mtpFlops: p.mtp };
}

/** Training FLOPs per token (forward + backward = 3 x forward), causal attention, MTP separate. */
export function trainingFlopsPerToken(arch: ModelArchitecture, seqLen: number): FlopsPerToken {
  const p = forwardParts(arch, seqLen);
  const k = TRAINING_FLOPS_PER_FORWARD_FLOP;
  return { matmulFlops: k * p.matmul, attentionFlops: k * p.attention, totalFlops: k * (p.matmul + p.attention), mtpFlops: k * p.mtp };
}
