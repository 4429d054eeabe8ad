import { routingMaxOverMean, saturatingGemmEfficiency } from '../kernels/kernel-efficiency.js';
import { gemmShapeUtilization } from '../kernels/gemm-shape.js';
import type { AttentionKernel } from '@gcp/contract';
import { attentionCoreSeconds } from './attention-core.js';
import { expertQuantBytes, NO_QUANT, slicedK, slicedN, tokenQuantBytes } from './fp8-quant-bytes.js';
import { BYTES_PER_ELEMENT, convert } from '../units/units.js';
import type { EfficiencyParameters } from './efficiency.js';
import type { Hardware } from './hardware.js';
import type { GemmSpec, LayerKindProfile, ModelProfile } from './model-profile.js';
import type { Fp8Scaling, RecomputeMode, TrainingPrecision } from './types.js';

/**
 * Compute time of one micro-batch through one layer on one GPU.
 *
 * GEMM: roofline of max(FLOPs ÷ (peak × η(M)), bytes ÷ (HBM × η_hbm)), with tile
 * quantisation (128×128 output tiles) on the M and N dimensions and the saturating
 * η(M) = η_max · M / (M + M½) in the token count M (kernels/kernel-efficiency.ts, shared with
 * the inference planner). FP8 GEMMs use the FP8 peak and η_fp8; the router, LM head and
 * attention core stay BF16. Backward = dgrad (M×N×K) + wgrad (K×M×N).
 * Routed experts: M = tokens one expert receives per micro-batch; the busiest EP rank holds routingMaxOverMean × the
 * mean load (Poisson routing statistics) and sets the pace; grouped GEMMs also pay the fitted residual `groupedGemm`.
 * MLA's KV up-projection runs on every gathered key token: cp × the rank's tokens under context parallelism.
 * Attention core: model FLOPs ÷ (BF16 peak × η_attn), backward 2×. Element-wise work (norms, residuals, SwiGLU, router,
 * permutation) is memory-bound: bytes ÷ (HBM × η_hbm), backward 2×. FP8 (de)quantisation: forward reads each FP8 GEMM input
 * (BF16), writes it in FP8 plus its transposed FP8 copy for wgrad; backward does the same for each output gradient.
 * Recomputation adds to the backward: selective the GEMMs marked selectiveRecompute plus half the forward element-wise
 * work and gap; selective-op (torchtitan's op-level policy) the recomputed share of each token GEMM's forward
 * (opSelectiveRecomputedShare), all the forward element-wise work and its FP8 casts, and one gap (the attention core and
 * the routed grouped GEMMs are kept); full the whole forward.
 */
export interface ComputeContext {
  readonly hw: Hardware;
  readonly eff: EfficiencyParameters;
  readonly precision: TrainingPrecision;
  readonly tp: number;
  readonly ep: number;
  /** Tokens of one micro-batch on this rank (mbs × seq / cp). */
  readonly tokens: number;
  /** Context-parallel ranks of the layout: a `perGatheredKeyToken` GEMM runs on cp × `tokens` rows (1 when not given). */
  readonly cp?: number;
  /** Attention-core kernel family (attention-core.ts); flash when not given. */
  readonly attentionKernel?: AttentionKernel;
  /** FP8 scaling recipe (fp8-quant-bytes.ts); delayed when not given. */
  readonly fp8Scaling?: Fp8Scaling;
}

/** Seconds of one pass (one layer, head or MTP block; one micro-batch). */
export interface PassCost {
  readonly forwardS: number;
  /** Full backward (input and weight gradients). */
  readonly backwardS: number;
  /** Weight-gradient part of the backward (DualPipe's W). */
  readonly weightGradS: number;
  /** Extra forward work recomputation adds to the backward. */
  readonly recomputeS: number;
}

/**
 * The cost of one pass under each recomputation mode. Forward, backward and weight
 * gradient do not depend on the mode, only `recompute` does, so all three come out of
 * one accumulation (the layout search needs them all for the same shape).
 */
export type PassCostByMode = Readonly<Record<RecomputeMode, PassCost>>;

/** FLOPs per multiply-accumulate. */
export const FLOPS_PER_MAC = 2;
/** GEMMs each weight takes part in per training step: forward, input gradient (dgrad), weight gradient (wgrad). */
export const GEMMS_PER_WEIGHT = 3;
/** Training FLOPs per weight per token (6: the familiar 6 × parameters). */
export const TRAINING_FLOPS_PER_WEIGHT = GEMMS_PER_WEIGHT * FLOPS_PER_MAC;
/** Attention-core FLOPs of a training step per forward FLOP: the forward and a backward of twice its FLOPs. */
export const ATTENTION_TRAINING_FLOPS_PER_FORWARD_FLOP = 3;
/**
 * The share of a layer's forward element-wise work (norms, activation functions) and of its fixed
 * per-layer gap that selective recomputation repeats: about half. A planner assumption.
 */
export const SELECTIVE_RECOMPUTE_ELEMENTWISE_SHARE = 0.5;

/**
 * One GEMM (m×k by k×n) whose token dimension holds `tokens` rows (m for forward and dgrad,
 * the reduction for wgrad): roofline with tile and wave quantisation over the GPU's SMs
 * (kernels/gemm-shape.ts; `groups` GEMMs of this shape scheduled together, as a grouped expert
 * GEMM is) and the saturating η(tokens).
 */
export function gemmSeconds(m: number, k: number, n: number, fp8: boolean, hw: Hardware, eff: EfficiencyParameters, tokens: number = m, groups = 1): number {
  if (m <= 0 || k <= 0 || n <= 0) return 0;
  const useFp8 = fp8 && hw.fp8GemmCeilingFlopsPerSecond !== null;
  const peak = useFp8
    ? hw.fp8GemmCeilingFlopsPerSecond! * saturatingGemmEfficiency(eff.fp8Gemm, tokens, eff.gemmHalfSaturationTokens)
    : hw.bf16GemmCeilingFlopsPerSecond * saturatingGemmEfficiency(eff.bf16Gemm, tokens, eff.gemmHalfSaturationTokens);
  const compute = (FLOPS_PER_MAC * m * k * n) / (peak * gemmShapeUtilization(m, n, hw.smCount, groups));
  const inBytes = useFp8 ? BYTES_PER_ELEMENT.fp8 : BYTES_PER_ELEMENT.bf16;
  const bytes = (m * k + k * n) * inBytes + m * n * BYTES_PER_ELEMENT.bf16;
  return Math.max(compute, bytes / (hw.hbmBytesPerSecond * eff.hbm));
}

/** Running sums of one pass, seconds; `selectiveRecomputeS` collects the forward work selective recomputation repeats. */
interface Acc {
  forwardS: number;
  backwardS: number;
  weightGradS: number;
  selectiveRecomputeS: number;
  /** Forward GEMM work op-level selective recomputation repeats. */
  opSelectiveRecomputeS: number;
}

function newAcc(): Acc {
  return { forwardS: 0, backwardS: 0, weightGradS: 0, selectiveRecomputeS: 0, opSelectiveRecomputeS: 0 };
}

function addGemm(acc: Acc, g: GemmSpec, m: number, tp: number, ctx: ComputeContext, scale: number, fp8Allowed: boolean, groups = 1): void {
  const k = slicedK(g, tp),
    n = slicedN(g, tp);
  const fp8 = fp8Allowed && g.fp8;
  const forwardS = gemmSeconds(m, k, n, fp8, ctx.hw, ctx.eff, m, groups) * scale;
  const dgradS = gemmSeconds(m, n, k, fp8, ctx.hw, ctx.eff, m, groups) * scale;
  const wgradS = gemmSeconds(k, m, n, fp8, ctx.hw, ctx.eff, m, groups) * scale;
  acc.forwardS += forwardS;
  acc.backwardS += dgradS + wgradS;
  acc.weightGradS += wgradS;
  if (g.selectiveRecompute) acc.selectiveRecomputeS += forwardS;
  if (g.opSelectiveRecomputedShare) acc.opSelectiveRecomputeS += forwardS * g.opSelectiveRecomputedShare;
}

function elementwiseSeconds(bytes: number, ctx: ComputeContext): number {
  return bytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);
}

/** The modes of one pass whose recomputation is `selectiveS` (selective), `opSelectiveS` (selective-op) or `fullS` (full; the whole forward). */
function byMode(forwardS: number, backwardS: number, weightGradS: number, selectiveS: number, opSelectiveS: number, fullS: number): PassCostByMode {
  return {
    none: { forwardS, backwardS, weightGradS, recomputeS: 0 },
    selective: { forwardS, backwardS, weightGradS, recomputeS: selectiveS },
    'selective-op': { forwardS, backwardS, weightGradS, recomputeS: opSelectiveS },
    full: { forwardS, backwardS, weightGradS, recomputeS: fullS },
  };
}

function fp8Recipe(ctx: ComputeContext): boolean {
  return ctx.precision === 'fp8' && ctx.hw.fp8GemmCeilingFlopsPerSecond !== null;
}

/**
 * The part of one layer that every token runs and that EP does not change: token GEMMs
 * (attention projections, dense FFN or shared experts, router), attention core, element-wise
 * work and its FP8 quantisation passes, in seconds. `elementwiseForwardS` is the forward
 * element-wise time (selective recomputation repeats half of it). EP sizes of one (tp, cp,
 * micro-batch) shape share it.
 */
export interface TokenPart {
  readonly forwardS: number;
  readonly backwardS: number;
  readonly weightGradS: number;
  readonly selectiveRecomputeS: number;
  /** What op-level selective recomputation repeats of the token part (its GEMM share, the element-wise work and FP8 casts, one gap). */
  readonly opSelectiveRecomputeS: number;
  readonly elementwiseForwardS: number;
  /** Forward + backward seconds of the layer's TP-sliced token GEMMs alone (what TP communication overlap hides behind). */
  readonly gemmS: number;
}

export function tokenPart(kind: LayerKindProfile, ctx: ComputeContext): TokenPart {
  const acc = newAcc();
  const fp8 = fp8Recipe(ctx);
  const gemms = kind.gemms;
  const gatheredTokens = ctx.tokens * (ctx.cp ?? 1);
  for (let i = 0; i < gemms.length; i++) {
    const g = gemms[i]!;
    addGemm(acc, g, g.perGatheredKeyToken ? gatheredTokens : ctx.tokens, ctx.tp, ctx, 1, fp8);
  }
  const T = ctx.tokens;
  const hbmBytesPerS = ctx.hw.hbmBytesPerSecond * ctx.eff.hbm;
  const tq = fp8 ? tokenQuantBytes(kind, ctx.tp, ctx.fp8Scaling ?? 'delayed') : NO_QUANT;
  const elementwiseS = (kind.elementwiseBytesPerToken * T) / ctx.tp / hbmBytesPerS;
  const attention = attentionCoreSeconds(kind, ctx.attentionKernel ?? 'flash', T / ctx.tp, ctx.hw, ctx.eff);
  // fixed per-layer gaps: once per forward, twice per backward (dgrad and wgrad kernels)
  const gapS = convert(ctx.eff.layerOverheadUs, 'us', 's');
  const castForwardS = (tq.forwardBytes * T) / hbmBytesPerS;
  return {
    forwardS: acc.forwardS + elementwiseS + castForwardS + attention.forwardS + gapS,
    backwardS: acc.backwardS + 2 * elementwiseS + (tq.backwardBytes * T) / hbmBytesPerS + attention.backwardS + 2 * gapS,
    weightGradS: acc.weightGradS + gapS,
    selectiveRecomputeS: acc.selectiveRecomputeS + SELECTIVE_RECOMPUTE_ELEMENTWISE_SHARE * gapS,
    opSelectiveRecomputeS: acc.opSelectiveRecomputeS + elementwiseS + castForwardS + gapS,
    elementwiseForwardS: elementwiseS,
    gemmS: acc.forwardS + acc.backwardS,
  };
}

/** Per-rank routed work of one micro-batch: the expert's tokens (busiest rank) and the routed copies the rank holds. */
function routedLoad(profile: ModelProfile, ctx: ComputeContext): { tokensPerExpert: number; expertsHere: number; tokenCopies: number } {
  const tokensPerGpu = ctx.tokens / ctx.tp;
  const meanPerExpert = (tokensPerGpu * ctx.ep * profile.topK) / profile.numExperts;
  const expertsHere = profile.numExperts / ctx.ep;
  // the busiest EP rank's load sets the pace (Poisson routing statistics over its token copies)
  const busiest = meanPerExpert * routingMaxOverMean(meanPerExpert * expertsHere, ctx.ep);
  return { tokensPerExpert: busiest, expertsHere, tokenCopies: busiest * expertsHere };
}

/** Forward and backward seconds of the routed element-wise work and its FP8 quantisation for `copies` token copies. */
function routedElementwise(
  profile: ModelProfile,
  kind: LayerKindProfile,
  ctx: ComputeContext,
  copies: number,
): { forwardS: number; backwardS: number; elementwiseForwardS: number } {
  const hbmBytesPerS = ctx.hw.hbmBytesPerSecond * ctx.eff.hbm;
  const elementwiseS = ((kind.routedElementwiseBytesPerToken / profile.topK) * copies) / hbmBytesPerS;
  const eq = fp8Recipe(ctx) ? expertQuantBytes(kind, ctx.fp8Scaling ?? 'delayed') : NO_QUANT;
  return {
    forwardS: elementwiseS + (eq.forwardBytes * copies) / hbmBytesPerS,
    backwardS: 2 * elementwiseS + (eq.backwardBytes * copies) / hbmBytesPerS,
    elementwiseForwardS: elementwiseS,
  };
}

/**
 * A lower bound, valid for every EP size, on the forward + backward seconds of a layer's routed
 * experts: the mean routed copies per rank (T·topK/tp, whatever EP) at the large-GEMM peak
 * (η(M) ≤ η_max, tile utilisation ≤ 1, imbalance ≥ 1). The layout search orders groups by it
 * before it computes any EP-dependent cost.
 */
export function routedLowerBoundSeconds(profile: ModelProfile, kind: LayerKindProfile, ctx: ComputeContext): number {
  if (kind.expertGemms.length === 0 || profile.numExperts <= 0) return 0;
  const copies = (ctx.tokens / ctx.tp) * profile.topK;
  const useFp8 = fp8Recipe(ctx);
  let seconds = 0;
  for (const g of kind.expertGemms) {
    const fp8 = useFp8 && g.fp8;
    const peak = fp8 ? ctx.hw.fp8GemmCeilingFlopsPerSecond! * ctx.eff.fp8Gemm : ctx.hw.bf16GemmCeilingFlopsPerSecond * ctx.eff.bf16Gemm;
    seconds += (GEMMS_PER_WEIGHT * FLOPS_PER_MAC * copies * g.k * g.n) / (peak * ctx.eff.groupedGemm);
  }
  const routedEw = routedElementwise(profile, kind, ctx, copies);
  return seconds + routedEw.forwardS + routedEw.backwardS;
}

/**
 * Forward + backward seconds of a layer's routed experts at the EP size of `ctx`: the routed
 * GEMMs and element-wise work layerCosts adds to the token part, summed on their own (another
 * order of additions: the layout search uses it, a hair lowered, as a bound without building
 * the layer's costs under every recomputation mode).
 */
export function routedSeconds(profile: ModelProfile, kind: LayerKindProfile, ctx: ComputeContext): number {
  if (kind.expertGemms.length === 0 || profile.numExperts <= 0) return 0;
  const load = routedLoad(profile, ctx);
  const m = load.tokensPerExpert;
  const fp8 = fp8Recipe(ctx);
  const { hw, eff } = ctx;
  let seconds = 0;
  const gemms = kind.expertGemms;
  const groups = load.expertsHere;
  for (let i = 0; i < gemms.length; i++) {
    const g = gemms[i]!;
    const gf = fp8 && g.fp8;
    seconds +=
      (gemmSeconds(m, g.k, g.n, gf, hw, eff, m, groups) + gemmSeconds(m, g.n, g.k, gf, hw, eff, m, groups) + gemmSeconds(g.k, m, g.n, gf, hw, eff, m, groups)) *
      (load.expertsHere / eff.groupedGemm);
  }
  const routedEw = routedElementwise(profile, kind, ctx, load.tokenCopies);
  return seconds + routedEw.forwardS + routedEw.backwardS;
}

/** One layer of `kind`, one micro-batch, under each recomputation mode; `token` when already computed for this tp and token count. */
export function layerCosts(profile: ModelProfile, kind: LayerKindProfile, ctx: ComputeContext, token: TokenPart = tokenPart(kind, ctx)): PassCostByMode {
  const acc: Acc = {
    forwardS: token.forwardS,
    backwardS: token.backwardS,
    weightGradS: token.weightGradS,
    selectiveRecomputeS: token.selectiveRecomputeS,
    opSelectiveRecomputeS: token.opSelectiveRecomputeS,
  };
  let elementwiseForwardS = token.elementwiseForwardS;
  if (kind.expertGemms.length > 0 && profile.numExperts > 0) {
    const load = routedLoad(profile, ctx);
    // experts are not tensor-sliced (expert-TP = 1)
    const gemms = kind.expertGemms;
    for (let i = 0; i < gemms.length; i++)
      addGemm(acc, gemms[i]!, load.tokensPerExpert, 1, ctx, load.expertsHere / ctx.eff.groupedGemm, fp8Recipe(ctx), load.expertsHere);
    const r = routedElementwise(profile, kind, ctx, load.tokenCopies);
    acc.forwardS += r.forwardS;
    acc.backwardS += r.backwardS;
    elementwiseForwardS += r.elementwiseForwardS;
    // op-level: the routed element-wise work (SwiGLU, permutations) is rebuilt, the grouped GEMMs' outputs are kept
    acc.opSelectiveRecomputeS += r.elementwiseForwardS;
  }
  // selective also repeats norms and activation functions (about half the element-wise work); full repeats the whole forward
  return byMode(
    acc.forwardS,
    acc.backwardS,
    acc.weightGradS,
    acc.selectiveRecomputeS + SELECTIVE_RECOMPUTE_ELEMENTWISE_SHARE * elementwiseForwardS,
    acc.opSelectiveRecomputeS,
    acc.forwardS,
  );
}

/** LM head GEMM (BF16) plus the cross-entropy over the vocabulary (memory-bound, FP32 logits), under each recomputation mode. */
export function headCosts(profile: ModelProfile, ctx: ComputeContext): PassCostByMode {
  const acc = newAcc();
  addGemm(acc, profile.head, ctx.tokens, ctx.tp, ctx, 1, false);
  const logitBytes = ctx.tokens * (profile.vocab / ctx.tp) * BYTES_PER_ELEMENT.fp32;
  const crossEntropyS = elementwiseSeconds(2 * logitBytes, ctx); // softmax read + write
  acc.forwardS += crossEntropyS;
  acc.backwardS += crossEntropyS;
  // only full recomputation repeats the head
  return byMode(acc.forwardS, acc.backwardS, acc.weightGradS, 0, 0, acc.forwardS);
}

const NO_PASS: PassCost = { forwardS: 0, backwardS: 0, weightGradS: 0, recomputeS: 0 };

/**
 * All MTP modules: projection, one decoder layer like the last one, the shared head; under
 * each recomputation mode. `layer` and `head` when already computed for this context.
 */
export function mtpCosts(profile: ModelProfile, ctx: ComputeContext, layer?: PassCostByMode, head: PassCostByMode = headCosts(profile, ctx)): PassCostByMode {
  const kind = profile.kinds[profile.mtpKind];
  if (profile.mtpModules <= 0 || !kind) return { none: NO_PASS, selective: NO_PASS, 'selective-op': NO_PASS, full: NO_PASS };
  const acc = newAcc();
  addGemm(acc, profile.mtpProjection, ctx.tokens, ctx.tp, ctx, 1, fp8Recipe(ctx));
  const lay = layer ?? layerCosts(profile, kind, ctx);
  const n = profile.mtpModules;
  const l = lay.none,
    h = head.none;
  // the projection's own recomputation: its selective part under 'selective', nothing extra under 'full'
  return byMode(
    n * (acc.forwardS + l.forwardS + h.forwardS),
    n * (acc.backwardS + l.backwardS + h.backwardS),
    n * (acc.weightGradS + l.weightGradS + h.weightGradS),
    n * (acc.selectiveRecomputeS + lay.selective.recomputeS + head.selective.recomputeS),
    n * (lay['selective-op'].recomputeS + head['selective-op'].recomputeS),
    n * (lay.full.recomputeS + head.full.recomputeS),
  );
}
