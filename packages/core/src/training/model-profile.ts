import { attentionCoreFlopsPerToken, meanCausalKeys, trainingFlopsPerToken } from '../accounting/flops.js';
import { attentionParamsPerLayer, denseFfnParams, embeddingParams, layerNormParams, moeLayerParams } from '../accounting/params.js';
import type { LayerSpec, ModelArchitecture } from '../models/types.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';

/**
 * Everything about a model the training planner needs, computed once per
 * (architecture, sequence length) and shared by every layout of a search.
 */

/** One weight GEMM per token: input width k, output width n. */
export interface GemmSpec {
  readonly name: string;
  readonly k: number;
  readonly n: number;
  /** How tensor parallelism slices it: column (n/tp), row (k/tp), or replicated (MLA down-projections). */
  readonly split: 'column' | 'row' | 'replicated';
  /** Runs in FP8 under an FP8 recipe (linear layers); router and LM head stay BF16. */
  readonly fp8: boolean;
  /** Recomputed under selective recomputation (MLA up-projections, after DeepSeek-V3 §3.3.4). */
  readonly selectiveRecompute: boolean;
  /**
   * Runs once per key/value token the rank attends to, not once per token it holds: MLA's KV
   * up-projection, since context parallelism gathers the latent (the smallest thing to move,
   * `kvElementsPerToken`) and every rank then up-projects the gathered keys and values, cp × its
   * own tokens. Absent: once per token held.
   */
  readonly perGatheredKeyToken?: true;
  /**
   * Output widths of the separate linear layers this fused GEMM stands for, in module order
   * (q, k, v for a fused QKV; gate, up for a fused gate/up). Absent: one linear of width n.
   */
  readonly unfusedN?: readonly number[];
  /**
   * Share of the output width that op-level selective recomputation (recompute 'selective-op')
   * rebuilds in the backward: the linears at even positions of the layer (withOpSelectiveShares).
   * Absent: 0 (the LM head, MTP projection and routed experts sit outside it).
   */
  readonly opSelectiveRecomputedShare?: number;
}

/** Activation elements saved per token per layer for the backward pass, by storage class. */
export interface ActivationElements {
  /** Residual-stream tensors (layer input, mid-layer residual), BF16 always. */
  readonly residual: number;
  /** Inputs of linear layers that selective recomputation keeps (FP8 under an FP8 recipe). */
  readonly linearInputsKept: number;
  /** Inputs of linear layers recomputed under selective recomputation (norm outputs, SwiGLU outputs). */
  readonly linearInputsRecomputable: number;
  /** SwiGLU inputs (gate/up outputs): FP8 under an FP8 recipe (V3 §3.3.4), BF16 otherwise. */
  readonly swigluInputs: number;
  /** Attention tensors kept under selective recomputation (attention output, softmax stats). */
  readonly attentionKept: number;
  /** Attention tensors selective recomputation drops (Q, K, V when an up-projection can rebuild them). */
  readonly attentionRecomputable: number;
  /**
   * Elements op-level selective recomputation ('selective-op') keeps, all BF16: the layer input, the
   * outputs of the linears it does not recompute, the attention output and its softmax statistics,
   * and (MoE) the routed tensors 'selective' keeps.
   */
  readonly opSelectiveKept: number;
}

export interface LayerKindProfile {
  readonly kind: 'dense' | 'moe';
  /** GEMMs every token runs through (attention projections, dense FFN or shared experts, router). */
  readonly gemms: readonly GemmSpec[];
  /** Routed-expert GEMMs of one expert (gate+up fused, down); empty for dense layers. */
  readonly expertGemms: readonly GemmSpec[];
  /** Forward attention-core FLOPs per token at the mean causal context. */
  readonly attentionFlopsPerToken: number;
  /** The same over every key of the window, causal mask applied but not skipped (a materialised s×s attention's FLOPs). */
  readonly attentionFullFlopsPerToken: number;
  /** Score-matrix elements one token's row holds over all heads (heads × keys in its window), for a materialised attention. */
  readonly attentionScoreElementsPerToken: number;
  /** Forward bytes of memory-bound element-wise work per token every token runs (norms, residuals, dense/shared SwiGLU, router softmax/top-k), BF16 tensors; FP8 quantisation added at run time. */
  readonly elementwiseBytesPerToken: number;
  /** Forward bytes per token of the routed part (routed SwiGLU, permutation and unpermutation of the top-k copies): runs on the busiest EP rank's load. */
  readonly routedElementwiseBytesPerToken: number;
  readonly activations: ActivationElements;
  /** Non-expert parameters (attention, dense FFN, shared experts, router, norms). */
  readonly denseParams: number;
  /** Parameters of FP8-eligible GEMMs among denseParams. */
  readonly denseFp8Params: number;
  /** All routed-expert parameters of the layer. */
  readonly expertParams: number;
}

export interface ModelProfile {
  readonly arch: ModelArchitecture;
  readonly sequenceLength: number;
  readonly hidden: number;
  /** Index into `kinds` per decoder layer. */
  readonly layerKinds: readonly number[];
  readonly kinds: readonly LayerKindProfile[];
  /** Index of the kind an MTP module repeats (the last layer's), -1 without MTP. */
  readonly mtpKind: number;
  readonly mtpModules: number;
  readonly head: GemmSpec;
  /** MTP projection (2h → h) per module. */
  readonly mtpProjection: GemmSpec;
  readonly embeddingParams: number;
  /** LM head parameters (0 when tied, but the head GEMM still runs). */
  readonly headParams: number;
  readonly vocab: number;
  /** Main-model training FLOPs per token, causal attention, MTP excluded (the MFU numerator). */
  readonly mfuFlopsPerToken: number;
  readonly topK: number;
  readonly numExperts: number;
  readonly numGroups: number | null;
  readonly topKGroups: number | null;
  /** Elements of K/V (or MLA latent) per token per layer that context parallelism all-gathers. */
  readonly kvElementsPerToken: number;
}

const BF16_BYTES = BYTES_PER_ELEMENT.bf16,
  FP32_BYTES = BYTES_PER_ELEMENT.fp32;

/** Element accesses of a norm: a read and a write. */
const NORM_ACCESSES = 2;
/** Element accesses of a residual add: two reads and a write. */
const RESIDUAL_ADD_ACCESSES = 3;
/** Norms and residual adds per decoder layer (one each for attention and the FFN). */
const NORMS_PER_LAYER = 2;
const RESIDUAL_ADDS_PER_LAYER = 2;
/** Element accesses of SwiGLU per inner element: gate and up read, their product written. */
const SWIGLU_ACCESSES = 3;
/** Router scores per routed expert (logits → softmax/sigmoid → top-k): a read and a write, FP32. */
const ROUTER_SCORE_ACCESSES = 2;
/** Token permutations per routed copy (permute before the experts, unpermute after), each a read and a write. */
const PERMUTATIONS_PER_COPY = 2;
const PERMUTATION_ACCESSES = 2;
/**
 * Element accesses per latent element of MLA's latent norms (the q and kv latents): 4, as the
 * model profile has counted them from the start (the split into reads and writes is not recorded).
 */
const MLA_LATENT_NORM_ACCESSES = 4;
/** An FP32 tensor (softmax statistics, router probabilities) in BF16-sized activation elements. */
const FP32_IN_BF16_ELEMENTS = FP32_BYTES / BF16_BYTES;

function attentionGemms(arch: ModelArchitecture): GemmSpec[] {
  const h = arch.hiddenSize;
  const a = arch.attention;
  if (a.mla) {
    const m = a.mla;
    const qHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const list: GemmSpec[] = [];
    if (m.qLoraRank === null) {
      list.push({ name: 'attn.q_proj', k: h, n: a.numHeads * qHead, split: 'column', fp8: true, selectiveRecompute: false });
      list.push({ name: 'attn.kv_a', k: h, n: m.kvLoraRank + m.qkRopeHeadDim, split: 'replicated', fp8: true, selectiveRecompute: false });
    } else {
      list.push({ name: 'attn.q_a+kv_a', k: h, n: m.qLoraRank + m.kvLoraRank + m.qkRopeHeadDim, split: 'replicated', fp8: true, selectiveRecompute: false });
      list.push({ name: 'attn.q_b', k: m.qLoraRank, n: a.numHeads * qHead, split: 'column', fp8: true, selectiveRecompute: true });
    }
    list.push({
      name: 'attn.kv_b',
      k: m.kvLoraRank,
      n: a.numHeads * (m.qkNopeHeadDim + m.vHeadDim),
      split: 'column',
      fp8: true,
      selectiveRecompute: true,
      perGatheredKeyToken: true,
    });
    list.push({ name: 'attn.o', k: a.numHeads * m.vHeadDim, n: h, split: 'row', fp8: true, selectiveRecompute: false });
    return list;
  }
  const q = a.numHeads * a.qkHeadDim,
    kv = a.numKvHeads * a.qkHeadDim;
  return [
    { name: 'attn.qkv', k: h, n: q + 2 * kv, split: 'column', fp8: true, selectiveRecompute: false, unfusedN: [q, kv, kv] },
    { name: 'attn.o', k: a.numHeads * a.vHeadDim, n: h, split: 'row', fp8: true, selectiveRecompute: false },
  ];
}

function swigluGemms(prefix: string, h: number, inner: number): GemmSpec[] {
  return [
    { name: `${prefix}.gate_up`, k: h, n: 2 * inner, split: 'column', fp8: true, selectiveRecompute: false, unfusedN: [inner, inner] },
    { name: `${prefix}.down`, k: inner, n: h, split: 'row', fp8: true, selectiveRecompute: false },
  ];
}

/**
 * torchtitan's op-level selective activation checkpointing keeps the output of every compute op of
 * a layer except every second matmul, counted in module order per layer ("Saves output of all
 * compute ops, except every second mm", torchtitan parallelisms/parallelize_llama.py); norms,
 * activation functions and the other element-wise ops are rebuilt. Each GEMM gets the share of its
 * output width at even positions, a fused GEMM counting as its separate linears (unfusedN).
 */
export function withOpSelectiveShares(gemms: readonly GemmSpec[]): GemmSpec[] {
  let position = 0;
  return gemms.map((g) => {
    let recomputed = 0;
    for (const n of g.unfusedN ?? [g.n]) {
      position++;
      if (position % 2 === 0) recomputed += n;
    }
    return { ...g, opSelectiveRecomputedShare: recomputed / g.n };
  });
}

/** Output elements per token of the linears op-level selective recomputation keeps. */
function opSelectiveKeptOutputs(gemms: readonly GemmSpec[]): number {
  let kept = 0;
  for (const g of gemms) kept += g.n * (1 - (g.opSelectiveRecomputedShare ?? 0));
  return kept;
}

function attentionActivations(arch: ModelArchitecture): { kept: number; recomputable: number; linearKept: number; outputWithStats: number } {
  const a = arch.attention;
  const lse = a.numHeads; // softmax statistics (FP32: counted as FP32_IN_BF16_ELEMENTS BF16-sized elements)
  const out = a.numHeads * a.vHeadDim; // attention output = o_proj input, kept
  const outputWithStats = out + FP32_IN_BF16_ELEMENTS * lse;
  if (a.mla) {
    const m = a.mla;
    // latents feeding the up-projections are kept; Q, K, V are rebuilt from them under selective recompute
    const latents = (m.qLoraRank ?? 0) + m.kvLoraRank + m.qkRopeHeadDim;
    const qkv = a.numHeads * (2 * a.qkHeadDim + a.vHeadDim);
    return { kept: outputWithStats, recomputable: qkv, linearKept: latents, outputWithStats };
  }
  const qkv = a.numHeads * a.qkHeadDim + 2 * a.numKvHeads * a.qkHeadDim;
  return { kept: outputWithStats + qkv, recomputable: 0, linearKept: 0, outputWithStats };
}

function kindProfile(arch: ModelArchitecture, layer: LayerSpec, seqLen: number): LayerKindProfile {
  const h = arch.hiddenSize;
  const att = attentionGemms(arch);
  const keys = meanCausalKeys(seqLen, layer.attention === 'sliding' ? arch.attention.slidingWindow : null);
  const attFlops = attentionCoreFlopsPerToken(arch, keys);
  const windowKeys = layer.attention === 'sliding' && arch.attention.slidingWindow ? Math.min(seqLen, arch.attention.slidingWindow) : seqLen;
  const attScores = {
    attentionFullFlopsPerToken: attentionCoreFlopsPerToken(arch, windowKeys),
    attentionScoreElementsPerToken: arch.attention.numHeads * windowKeys,
  };
  const attAct = attentionActivations(arch);
  // the layer input, the attention output and its FP32 softmax statistics: what op-level selective recomputation keeps besides linear outputs
  const opKeptBase = h + attAct.outputWithStats;
  const norms = layerNormParams(arch);
  const attParams = attentionParamsPerLayer(arch);
  const mlaNormBytes = arch.attention.mla ? MLA_LATENT_NORM_ACCESSES * ((arch.attention.mla.qLoraRank ?? 0) + arch.attention.mla.kvLoraRank) * BF16_BYTES : 0;
  // norms 2 × (read + write h), residual adds 2 × (2 reads + 1 write), all BF16
  const baseElementwise = (NORMS_PER_LAYER * NORM_ACCESSES * h + RESIDUAL_ADDS_PER_LAYER * RESIDUAL_ADD_ACCESSES * h) * BF16_BYTES + mlaNormBytes;
  if (layer.ffn === 'moe' && arch.moe) {
    const moe = arch.moe;
    const mp = moeLayerParams(arch);
    const sharedInner = moe.numSharedExperts > 0 ? moe.sharedExpertIntermediateSize * moe.numSharedExperts : 0;
    const listed: GemmSpec[] = [...att, { name: 'moe.router', k: h, n: moe.numRoutedExperts, split: 'replicated', fp8: false, selectiveRecompute: false }];
    if (sharedInner > 0) listed.push(...swigluGemms('moe.shared', h, sharedInner));
    const gemms = withOpSelectiveShares(listed);
    const expertGemms = swigluGemms('moe.expert', h, moe.expertIntermediateSize);
    const routedInner = moe.topK * moe.expertIntermediateSize;
    // SwiGLU (read 2i, write i) for shared; router logits → softmax/sigmoid → top-k (FP32 read + write)
    const elementwise = baseElementwise + SWIGLU_ACCESSES * BF16_BYTES * sharedInner + ROUTER_SCORE_ACCESSES * FP32_BYTES * moe.numRoutedExperts;
    // routed SwiGLU; permute + unpermute of topK copies (read + write each, BF16)
    const routedElementwise = SWIGLU_ACCESSES * BF16_BYTES * routedInner + PERMUTATIONS_PER_COPY * PERMUTATION_ACCESSES * BF16_BYTES * moe.topK * h;
    const sharedFp8 = sharedInner > 0 ? mp.shared : 0;
    return {
      kind: 'moe',
      gemms,
      expertGemms,
      attentionFlopsPerToken: attFlops,
      ...attScores,
      elementwiseBytesPerToken: elementwise,
      routedElementwiseBytesPerToken: routedElementwise,
      activations: {
        residual: 2 * h,
        linearInputsKept: attAct.linearKept + moe.topK * h + (sharedInner > 0 ? h : 0),
        linearInputsRecomputable: h /* attention norm out */ + h /* MoE norm out (router input) */ + routedInner + sharedInner,
        swigluInputs: 2 * (routedInner + sharedInner),
        attentionKept: attAct.kept + FP32_IN_BF16_ELEMENTS * moe.numRoutedExperts /* router probabilities, FP32 */,
        attentionRecomputable: attAct.recomputable,
        // routed copies dispatched (topK·h) and the routed SwiGLU inputs, as 'selective' keeps them
        opSelectiveKept: opKeptBase + opSelectiveKeptOutputs(gemms) + moe.topK * h + 2 * routedInner,
      },
      denseParams: attParams + mp.shared + mp.router + norms,
      denseFp8Params: attParams + sharedFp8,
      expertParams: mp.routedTotal,
    };
  }
  const inner = arch.denseIntermediateSize;
  const ffn = denseFfnParams(arch);
  const gemms = withOpSelectiveShares([...att, ...swigluGemms('ffn', h, inner)]);
  return {
    kind: 'dense',
    gemms,
    expertGemms: [],
    attentionFlopsPerToken: attFlops,
    ...attScores,
    elementwiseBytesPerToken: baseElementwise + SWIGLU_ACCESSES * BF16_BYTES * inner,
    routedElementwiseBytesPerToken: 0,
    activations: {
      residual: 2 * h,
      linearInputsKept: attAct.linearKept,
      linearInputsRecomputable: 2 * h + inner,
      swigluInputs: 2 * inner,
      attentionKept: attAct.kept,
      attentionRecomputable: attAct.recomputable,
      opSelectiveKept: opKeptBase + opSelectiveKeptOutputs(gemms),
    },
    denseParams: attParams + ffn + norms,
    denseFp8Params: attParams + ffn,
    expertParams: 0,
  };
}

export function buildModelProfile(arch: ModelArchitecture, sequenceLength: number): ModelProfile {
  const kinds: LayerKindProfile[] = [];
  const keyOf: string[] = [];
  const layerKinds = arch.layers.map((l) => {
    const key = `${l.ffn}/${l.attention}`;
    let i = keyOf.indexOf(key);
    if (i < 0) {
      i = kinds.length;
      keyOf.push(key);
      kinds.push(kindProfile(arch, l, sequenceLength));
    }
    return i;
  });
  const h = arch.hiddenSize;
  const a = arch.attention;
  const kvElementsPerToken = a.mla ? a.mla.kvLoraRank + a.mla.qkRopeHeadDim : 2 * a.numKvHeads * a.qkHeadDim;
  return {
    arch,
    sequenceLength,
    hidden: h,
    layerKinds,
    kinds,
    mtpKind: arch.mtpLayers > 0 ? (layerKinds[layerKinds.length - 1] ?? -1) : -1,
    mtpModules: arch.mtpLayers,
    head: { name: 'lm_head', k: h, n: arch.vocabSize, split: 'column', fp8: false, selectiveRecompute: false },
    mtpProjection: { name: 'mtp.eh_proj', k: 2 * h, n: h, split: 'replicated', fp8: true, selectiveRecompute: false },
    embeddingParams: embeddingParams(arch),
    headParams: arch.tieWordEmbeddings ? 0 : arch.vocabSize * h,
    vocab: arch.vocabSize,
    mfuFlopsPerToken: trainingFlopsPerToken(arch, sequenceLength).totalFlops,
    topK: arch.moe?.topK ?? 0,
    numExperts: arch.moe?.numRoutedExperts ?? 0,
    numGroups: arch.moe?.numGroups ?? null,
    topKGroups: arch.moe?.topKGroups ?? null,
    kvElementsPerToken,
  };
}
