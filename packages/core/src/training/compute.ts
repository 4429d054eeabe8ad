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
  readonly recompute: RecomputeMode;
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

function sliced(g: GemmSpec, tp: number): { k: number; n: number } {
  if (g.split === 'column') return { k: g.k, n: g.n / tp };
  if (g.split === 'row') return { k: g.k / tp, n: g.n };
  return { k: g.k, n: g.n };
}

interface Acc { f: number; b: number; w: number; r: number }

function addGemm(acc: Acc, g: GemmSpec, m: number, ctx: ComputeContext, scale: number, fp8Allowed: boolean): void {
  const { k, n } = sliced(g, ctx.tp);
  const fp8 = fp8Allowed && g.fp8;
  const f = gemmSeconds(m, k, n, fp8, ctx.hw, ctx.eff) * scale;
  const dgrad = gemmSeconds(m, n, k, fp8, ctx.hw, ctx.eff) * scale;
  const wgrad = gemmSeconds(k, m, n, fp8, ctx.hw, ctx.eff) * scale;
  acc.f += f; acc.b += dgrad + wgrad; acc.w += wgrad;
  if (ctx.recompute === 'selective' && g.selectiveRecompute) acc.r += f;
}

function elementwiseSeconds(bytes: number, ctx: ComputeContext): number {
  return bytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);
}

/** FP8 quantisation traffic per token (read BF16, write FP8) of every FP8 GEMM input. */
function quantBytesPerToken(kind: LayerKindProfile, topK: number, tp: number): number {
  let elems = 0;
  for (const g of kind.gemms) if (g.fp8) elems += sliced(g, tp).k;
  for (const g of kind.expertGemms) elems += topK * g.k / tp;
  return elems * (BYTES_PER_ELEMENT.bf16 + BYTES_PER_ELEMENT.fp8);
}

/** One layer of `kind`, one micro-batch. */
export function layerCost(profile: ModelProfile, kind: LayerKindProfile, ctx: ComputeContext): PassCost {
  const acc: Acc = { f: 0, b: 0, w: 0, r: 0 };
  const fp8 = ctx.precision === 'fp8' && ctx.hw.fp8FlopsPerSecond !== null;
  const T = ctx.tokens;
  for (const g of kind.gemms) addGemm(acc, g, T, ctx, 1, fp8);
  if (kind.expertGemms.length > 0 && profile.numExperts > 0) {
    const tokensPerGpu = T / ctx.tp;
    const perExpert = (tokensPerGpu * ctx.ep * profile.topK) / profile.numExperts;
    const expertsHere = profile.numExperts / ctx.ep;
    const scale = expertsHere / ctx.eff.routedExpertGemm;
    const local = { ...ctx, tp: 1 }; // experts are not tensor-sliced (expert-TP = 1)
    for (const g of kind.expertGemms) addGemm(acc, g, perExpert, local, scale, fp8);
  }
  const attF = (T * kind.attentionFlopsPerToken) / ctx.tp / (ctx.hw.bf16FlopsPerSecond * ctx.eff.attention);
  acc.f += attF; acc.b += 2 * attF;
  const ewBytes = (kind.elementwiseBytesPerToken + (fp8 ? quantBytesPerToken(kind, profile.topK, ctx.tp) : 0)) * T / ctx.tp;
  const ewF = elementwiseSeconds(ewBytes, ctx);
  acc.f += ewF; acc.b += 2 * ewF;
  if (ctx.recompute === 'selective') acc.r += 0.5 * ewF; // norms and activation functions
  if (ctx.recompute === 'full') acc.r = acc.f;
  return { forward: acc.f, backward: acc.b, weightGrad: acc.w, recompute: acc.r };
}

/** LM head GEMM (BF16) plus the cross-entropy over the vocabulary (memory-bound, FP32 logits). */
export function headCost(profile: ModelProfile, ctx: ComputeContext): PassCost {
  const acc: Acc = { f: 0, b: 0, w: 0, r: 0 };
  addGemm(acc, profile.head, ctx.tokens, ctx, 1, false);
  const logitBytes = ctx.tokens * (profile.vocab / ctx.tp) * BYTES_PER_ELEMENT.fp32;
  const ce = elementwiseSeconds(2 * logitBytes, ctx); // softmax read + write
  acc.f += ce; acc.b += ce;
  return { forward: acc.f, backward: acc.b, weightGrad: acc.w, recompute: ctx.recompute === 'full' ? acc.f : 0 };
}

/** All MTP modules: projection, one decoder layer like the last one, the shared head. */
export function mtpCost(profile: ModelProfile, ctx: ComputeContext): PassCost {
  const kind = profile.kinds[profile.mtpKind];
  if (profile.mtpModules <= 0 || !kind) return { forward: 0, backward: 0, weightGrad: 0, recompute: 0 };
  const acc: Acc = { f: 0, b: 0, w: 0, r: 0 };
  addGemm(acc, profile.mtpProjection, ctx.tokens, ctx, 1, ctx.precision === 'fp8' && ctx.hw.fp8FlopsPerSecond !== null);
  const layer = layerCost(profile, kind, ctx);
  const head = headCost(profile, ctx);
  const n = profile.mtpModules;
  return {
    forward: n * (acc.f + layer.forward + head.forward),
    backward: n * (acc.b + layer.backward + head.backward),
    weightGrad: n * (acc.w + layer.weightGrad + head.weightGrad),
    recompute: n * (acc.r + layer.recompute + head.recompute),
  };
}
