import type { LayerSpec, ModelArchitecture } from '../models/types.js';

/** Weight matrices of a SwiGLU FFN: gate, up, down. */
export const SWIGLU_MATRICES = 3;

/**
 * Parameter counts, exact to the published module shapes.
 *
 * Convention (used everywhere in the planner):
 *  - `totalParams`: every weight of the main model, input embedding and LM head included
 *    (the head counted separately unless `tie_word_embeddings`), MTP modules excluded.
 *  - `activeParams`: weights a token touches in the main model: attention, dense FFNs,
 *    top-k routed + shared experts, routers, norms, embedding row and LM head
 *    (DeepSeek's README counts 36.7B "including 0.9B for Embedding and 0.9B for the output Head").
 *  - `mtpParams`: unique weights of the MTP modules (excluding the embedding and head they share).
 */

/** Attention block of one layer: projections (+ biases), MLA norms, Qwen3 q/k norms, gpt-oss sinks. */
export function attentionParamsPerLayer(arch: ModelArchitecture): number {
  const h = arch.hiddenSize;
  const a = arch.attention;
  if (a.mla) {
    const m = a.mla;
    const qHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const q = m.qLoraRank === null ? h * a.numHeads * qHead : h * m.qLoraRank + m.qLoraRank /* q_a_layernorm */ + m.qLoraRank * a.numHeads * qHead;
    const kvA = h * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank /* kv_a_layernorm */;
    const kvB = m.kvLoraRank * a.numHeads * (m.qkNopeHeadDim + m.vHeadDim);
    const o = a.numHeads * m.vHeadDim * h;
    return q + kvA + kvB + o;
  }
  const qOut = a.numHeads * a.qkHeadDim;
  const kvOut = a.numKvHeads * a.qkHeadDim;
  let p = h * qOut + 2 * h * kvOut + qOut * h;
  if (a.bias) p += qOut + 2 * kvOut + h;
  if (arch.modelType === 'qwen3' || arch.modelType === 'qwen3_moe') p += 2 * a.qkHeadDim; // q_norm, k_norm
  if (arch.modelType === 'gpt_oss') p += a.numHeads; // attention sinks
  return p;
}

/** SwiGLU FFN with inner size `inner`: gate, up, down (+ biases for gpt-oss experts). */
export function swigluParams(arch: ModelArchitecture, inner: number, withBias: boolean): number {
  const h = arch.hiddenSize;
  return SWIGLU_MATRICES * h * inner + (withBias ? 2 * inner + h : 0);
}

export interface MoeLayerParams {
  readonly perRoutedExpert: number;
  readonly routedTotal: number;
  readonly shared: number;
  readonly router: number;
}

export function moeLayerParams(arch: ModelArchitecture): MoeLayerParams {
  const moe = arch.moe;
  if (!moe) return { perRoutedExpert: 0, routedTotal: 0, shared: 0, router: 0 };
  const perRoutedExpert = swigluParams(arch, moe.expertIntermediateSize, moe.routerBias);
  const shared = moe.numSharedExperts > 0 ? swigluParams(arch, moe.sharedExpertIntermediateSize * moe.numSharedExperts, false) : 0;
  // DeepSeek noaux_tc keeps a per-expert score-correction bias; gpt-oss a router bias: E either way.
  const routerBiasOrCorrection = moe.routerBias || arch.modelType === 'deepseek_v3' || arch.modelType === 'kimi_k2' ? moe.numRoutedExperts : 0;
  const qwenSharedGate = arch.modelType === 'qwen2_moe' && moe.numSharedExperts > 0 ? arch.hiddenSize : 0;
  const router = arch.hiddenSize * moe.numRoutedExperts + routerBiasOrCorrection + qwenSharedGate;
  return { perRoutedExpert, routedTotal: perRoutedExpert * moe.numRoutedExperts, shared, router };
}

export function denseFfnParams(arch: ModelArchitecture): number {
  return swigluParams(arch, arch.denseIntermediateSize, false);
}

/** Two RMSNorms per decoder layer. */
export function layerNormParams(arch: ModelArchitecture): number {
  return 2 * arch.hiddenSize;
}

export function embeddingParams(arch: ModelArchitecture): number {
  return arch.vocabSize * arch.hiddenSize;
}

/** LM head (0 when tied to the embedding). */
export function headParams(arch: ModelArchitecture): number {
  return arch.tieWordEmbeddings ? 0 : arch.vocabSize * arch.hiddenSize;
}

/** All weights of one layer (every expert). */
export function layerTotalParams(arch: ModelArchitecture, layer: LayerSpec): number {
  const ffn =
    layer.ffn === 'moe'
      ? (() => {
          const m = moeLayerParams(arch);
          return m.routedTotal + m.shared + m.router;
        })()
      : denseFfnParams(arch);
  return attentionParamsPerLayer(arch) + ffn + layerNormParams(arch);
}

/** Weights one token touches in one layer (top-k routed + shared experts). */
export function layerActiveParams(arch: ModelArchitecture, layer: LayerSpec): number {
  if (layer.ffn === 'dense' || !arch.moe) return attentionParamsPerLayer(arch) + denseFfnParams(arch) + layerNormParams(arch);
  const m = moeLayerParams(arch);
  return attentionParamsPerLayer(arch) + arch.moe.topK * m.perRoutedExpert + m.shared + m.router + layerNormParams(arch);
}

/** The layer an MTP module repeats: DeepSeek uses the last layer's kind (a MoE layer in V3). */
function mtpLayer(arch: ModelArchitecture): LayerSpec {
  return arch.layers[arch.layers.length - 1] ?? { attention: 'full', ffn: 'dense' };
}

/** One MTP module: enorm + hnorm + eh_proj (2h x h) + one decoder layer + its final norm; shares embedding and head. */
export function mtpModuleParams(arch: ModelArchitecture): number {
  const h = arch.hiddenSize;
  return 2 * h + 2 * h * h + layerTotalParams(arch, mtpLayer(arch)) + h;
}

export function mtpModuleActiveParams(arch: ModelArchitecture): number {
  const h = arch.hiddenSize;
  return 2 * h + 2 * h * h + layerActiveParams(arch, mtpLayer(arch)) + h;
}

export interface ParameterCount {
  readonly totalParams: number;
  readonly activeParams: number;
  readonly mtpParams: number;
  readonly mtpActiveParams: number;
  readonly embeddingParams: number;
  readonly headParams: number;
  readonly attentionParams: number;
  readonly denseFfnParams: number;
  readonly routedExpertParams: number;
  readonly sharedExpertParams: number;
  readonly routerParams: number;
  readonly normParams: number;
}

export function countParameters(arch: ModelArchitecture): ParameterCount {
  let attention = 0,
    dense = 0,
    routed = 0,
    shared = 0,
    router = 0,
    norms = arch.hiddenSize /* final norm */,
    active = 0;
  const moe = moeLayerParams(arch);
  for (const layer of arch.layers) {
    attention += attentionParamsPerLayer(arch);
    norms += layerNormParams(arch);
    if (layer.ffn === 'moe') {
      routed += moe.routedTotal;
      shared += moe.shared;
      router += moe.router;
    } else {
      dense += denseFfnParams(arch);
    }
    active += layerActiveParams(arch, layer);
  }
  const emb = embeddingParams(arch);
  const head = headParams(arch);
  const total = attention + dense + routed + shared + router + norms + emb + head;
  const mtp = arch.mtpLayers * mtpModuleParams(arch);
  return {
    totalParams: total,
    activeParams: active + arch.hiddenSize + emb + head,
    mtpParams: mtp,
    mtpActiveParams: arch.mtpLayers * mtpModuleActiveParams(arch),
    embeddingParams: emb,
    headParams: head,
    attentionParams: attention,
    denseFfnParams: dense,
    routedExpertParams: routed,
    sharedExpertParams: shared,
    routerParams: router,
    normParams: norms,
  };
}
