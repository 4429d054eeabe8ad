import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { EfficiencyParameters } from './efficiency.js';
import type { Hardware } from './hardware.js';
import type { GemmSpec, LayerKindProfile, ModelProfile } from './model-profile.js';
import type { RecomputeMode, TrainingPrecision } from './types.js';

/**
 * Compute time of one micro-batch through one layer on one GPU.
 *
 * GEMM: roofline of max(FLOPs ÷ (peak × η), bytes ÷ (HBM × η_hbm)), with tile
 * quantisation (128×128 output tiles) on the M and N dimensions. FP8 GEMMs use the
 * FP8 peak and η_fp8; the router, LM head and attention core stay BF16.
 * Backward = dgrad (M×N×K) + wgrad (K×M×N). Routed experts: M = tokens per expert
 * (balanced routing), divided by η_expert. Attention core: model FLOPs ÷ (BF16 peak × η_attn),
 * backward 2×. Element-wise work (norms, residuals, SwiGLU, permutation, FP8 quantisation)
 * is memory-bound: bytes ÷ (HBM × η_hbm), backward 2×.
 */
export interface ComputeContext {
  readonly hw: Hardware;
  readonly eff: EfficiencyParameters;
  readonly precision: TrainingPrecision;
  readonly tp: number;
  readonly ep: number;
  /** Tokens of one micro-batch on this rank (mbs × seq / cp). */
  readonly tokens: number;
}

export interface PassCost {
  readonly forward: number;
  /** Full backward (input and weight gradients). */
  readonly backward: number;
  /** Weight-gradient part of the backward (DualPipe's W). */
  readonly weightGrad: number;
  /** Extra forward work recomputation adds to the backward. */
  readonly recompute: number;
}

/**
 * The cost of one pass under each recomputation mode. Forward, backward and weight
 * gradient do not depend on the mode, only `recompute` does, so all three come out of
 * one accumulation (the layout search needs them all for the same shape).
 */
export type PassCostByMode = Readonly<Record<RecomputeMode, PassCost>>;

const TILE = 128;

function tileUtil(x: number): number {
  if (x <= 0) return 1;
  return x / (Math.ceil(x / TILE) * TILE);
}

export function gemmSeconds(m: number, k: number, n: number, fp8: boolean, hw: Hardware, eff: EfficiencyParameters): number {
  if (m <= 0 || k <= 0 || n <= 0) return 0;
  const useFp8 = fp8 && hw.fp8FlopsPerSecond !== null;
  const peak = useFp8 ? hw.fp8FlopsPerSecond! * eff.fp8Gemm : hw.bf16FlopsPerSecond * eff.bf16Gemm;
  const compute = (2 * m * k * n) / (peak * tileUtil(m) * tileUtil(n));
  const inBytes = useFp8 ? BYTES_PER_ELEMENT.fp8 : BYTES_PER_ELEMENT.bf16;
  const bytes = (m * k + k * n) * inBytes + m * n * BYTES_PER_ELEMENT.bf16;
  return Math.max(compute, bytes / (hw.hbmBytesPerSecond * eff.hbm));
}

/** Input width of `g` on one rank of a `tp`-way tensor-parallel group. */
function slicedK(g: GemmSpec, tp: number): number {
  return g.split === 'row' ? g.k / tp : g.k;
}

/** Output width of `g` on one rank of a `tp`-way tensor-parallel group. */
function slicedN(g: GemmSpec, tp: number): number {
  return g.split === 'column' ? g.n / tp : g.n;
}

/** Running sums of one pass; `selective` collects the forward work selective recomputation repeats. */
interface Acc { f: number; b: number; w: number; selective: number }

function newAcc(): Acc {
  return { f: 0, b: 0, w: 0, selective: 0 };
}

function addGemm(acc: Acc, g: GemmSpec, m: number, tp: number, ctx: ComputeContext, scale: number, fp8Allowed: boolean): void {
  const k = slicedK(g, tp), n = slicedN(g, tp);
  const fp8 = fp8Allowed && g.fp8;
  const f = gemmSeconds(m, k, n, fp8, ctx.hw, ctx.eff) * scale;
  const dgrad = gemmSeconds(m, n, k, fp8, ctx.hw, ctx.eff) * scale;
  const wgrad = gemmSeconds(k, m, n, fp8, ctx.hw, ctx.eff) * scale;
  acc.f += f; acc.b += dgrad + wgrad; acc.w += wgrad;
  if (g.selectiveRecompute) acc.selective += f;
}

function elementwiseSeconds(bytes: number, ctx: ComputeContext): number {
  return bytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);
}

/** FP8 quantisation traffic per token (read BF16, write FP8) of every FP8 GEMM input. */
function quantBytesPerToken(kind: LayerKindProfile, topK: number, tp: number): number {
  let elems = 0;
  for (const g of kind.gemms) if (g.fp8) elems += slicedK(g, tp);
  for (const g of kind.expertGemms) elems += topK * g.k / tp;
  return elems * (BYTES_PER_ELEMENT.bf16 + BYTES_PER_ELEMENT.fp8);
}

/** The three modes of one pass whose `recompute` is `selective` (selective) or the whole forward (full). */
function byMode(f: number, b: number, w: number, selective: number, full: number): PassCostByMode {
  return {
    none: { forward: f, backward: b, weightGrad: w, recompute: 0 },
    selective: { forward: f, backward: b, weightGrad: w, recompute: selective },
    full: { forward: f, backward: b, weightGrad: w, recompute: full },
  };
}

function fp8Recipe(ctx: ComputeContext): boolean {
  return ctx.precision === 'fp8' && ctx.hw.fp8FlopsPerSecond !== null;
}

/** Sums of the GEMMs every token of a layer runs through (not the routed experts); `ctx.ep` plays no part, so EP sizes share them. */
export type TokenGemmSums = Readonly<Acc>;

export function tokenGemmSums(kind: LayerKindProfile, ctx: ComputeContext): TokenGemmSums {
  const acc = newAcc();
  const fp8 = fp8Recipe(ctx);
  for (const g of kind.gemms) addGemm(acc, g, ctx.tokens, ctx.tp, ctx, 1, fp8);
  return acc;
}

/** One layer of `kind`, one micro-batch, under each recomputation mode; `tokenGemms` when already computed for this tp and token count. */
export function layerCosts(profile: ModelProfile, kind: LayerKindProfile, ctx: ComputeContext, tokenGemms: TokenGemmSums = tokenGemmSums(kind, ctx)): PassCostByMode {
  const acc: Acc = { ...tokenGemms };
  const fp8 = fp8Recipe(ctx);
  const T = ctx.tokens;
  if (kind.expertGemms.length > 0 && profile.numExperts > 0) {
    const tokensPerGpu = T / ctx.tp;
    const perExpert = (tokensPerGpu * ctx.ep * profile.topK) / profile.numExperts;
    const expertsHere = profile.numExperts / ctx.ep;
    const scale = expertsHere / ctx.eff.routedExpertGemm;
    // experts are not tensor-sliced (expert-TP = 1)
    for (const g of kind.expertGemms) addGemm(acc, g, perExpert, 1, ctx, scale, fp8);
  }
  const attF = (T * kind.attentionFlopsPerToken) / ctx.tp / (ctx.hw.bf16FlopsPerSecond * ctx.eff.attention);
  acc.f += attF; acc.b += 2 * attF;
  const ewBytes = (kind.elementwiseBytesPerToken + (fp8 ? quantBytesPerToken(kind, profile.topK, ctx.tp) : 0)) * T / ctx.tp;
  const ewF = elementwiseSeconds(ewBytes, ctx);
  acc.f += ewF; acc.b += 2 * ewF;
  // selective also repeats norms and activation functions; full repeats the whole forward
  return byMode(acc.f, acc.b, acc.w, acc.selective + 0.5 * ewF, acc.f);
}

/** LM head GEMM (BF16) plus the cross-entropy over the vocabulary (memory-bound, FP32 logits), under each recomputation mode. */
export function headCosts(profile: ModelProfile, ctx: ComputeContext): PassCostByMode {
  const acc = newAcc();
  addGemm(acc, profile.head, ctx.tokens, ctx.tp, ctx, 1, false);
  const logitBytes = ctx.tokens * (profile.vocab / ctx.tp) * BYTES_PER_ELEMENT.fp32;
  const ce = elementwiseSeconds(2 * logitBytes, ctx); // softmax read + write
  acc.f += ce; acc.b += ce;
  // only full recomputation repeats the head
  return byMode(acc.f, acc.b, acc.w, 0, acc.f);
}

const NO_PASS: PassCost = { forward: 0, backward: 0, weightGrad: 0, recompute: 0 };

/**
 * All MTP modules: projection, one decoder layer like the last one, the shared head; under
 * each recomputation mode. `layer` and `head` when already computed for this context.
 */
export function mtpCosts(profile: ModelProfile, ctx: ComputeContext, layer?: PassCostByMode, head: PassCostByMode = headCosts(profile, ctx)): PassCostByMode {
  const kind = profile.kinds[profile.mtpKind];
  if (profile.mtpModules <= 0 || !kind) return { none: NO_PASS, selective: NO_PASS, full: NO_PASS };
  const acc = newAcc();
  addGemm(acc, profile.mtpProjection, ctx.tokens, ctx.tp, ctx, 1, fp8Recipe(ctx));
  const lay = layer ?? layerCosts(profile, kind, ctx);
  const n = profile.mtpModules;
  const l = lay.none, h = head.none;
  // the projection's own recomputation: its selective part under 'selective', nothing extra under 'full'
  return byMode(
    n * (acc.f + l.forward + h.forward),
    n * (acc.b + l.backward + h.backward),
    n * (acc.w + l.weightGrad + h.weightGrad),
    n * (acc.selective + lay.selective.recompute + head.selective.recompute),
    n * (lay.full.recompute + head.full.recompute),
  );
}
