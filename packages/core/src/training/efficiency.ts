import type { GpuSpec } from '../gpus/types.js';
import { COMMUNICATION_SMS, communicationSmShare } from '../kernels/communication-sms.js';
import { GEMM_HALF_SATURATION_TOKENS } from '../kernels/kernel-efficiency.js';

/**
 * The few achieved-fraction-of-peak parameters of the training planner — the ONLY
 * place where "how fast kernels really run" enters. Everything else is counted
 * (FLOPs, bytes, link bandwidths from the catalogs).
 *
 * Fitted by `calibration/training/run.ts` (`npm run calibrate -w @gcp/core`) on a fixed
 * subset of public runs (see docs/training-accuracy.md for the fit, the subset and the
 * error on every other run). Re-run the script after changing the model; it prints the
 * optimum next to the values stored here and fails loudly if they drifted apart.
 *
 * No formula branches on a model or GPU id: these apply to every model and chip.
 */
export interface EfficiencyParameters {
  /**
   * Large BF16/FP16 GEMM throughput as a fraction of the chip's maximum achievable matmul throughput
   * (MAMF, `gpu.maxAchievableMatmulTflops.bf16`: the best GEMM shape's measured TFLOP/s, clock and
   * power limits included), for a GEMM that is compute-bound, tile-aligned and deep (smaller/skinny
   * GEMMs fall back to the HBM roofline, tile quantisation and the η(M) saturation curve
   * automatically). Measured per chip, the MAMF carries the difference between chips that hold their
   * clocks (A100: 87% of peak) and chips that throttle under dense GEMMs (H100: 80%, B200: 78%); this
   * fraction is what real training GEMMs lose beyond that. Fixed per-layer gaps are `layerOverheadUs`.
   * Fitted on the fit subset (docs/training-accuracy.md).
   */
  readonly bf16Gemm: number;
  /**
   * Large FP8 GEMM throughput as a fraction of the chip's FP8 MAMF (`gpu.maxAchievableMatmulTflops.fp8`,
   * per-tensor-scaled `torch._scaled_mm`), scaling (per-tensor or per-tile) included. Quantisation
   * passes are counted separately as memory traffic. At most 1: no training GEMM outruns the best
   * shape's measured throughput. Fitted on the fit subset (docs/training-accuracy.md).
   */
  readonly fp8Gemm: number;
  /**
   * Attention core (QKᵀ, softmax, AV; FlashAttention-style, forward + backward) as a
   * fraction of dense BF16 peak, counted on model FLOPs (backward = 2 × forward; the
   * kernel's own recomputation is inside this fraction).
   * Fitted on the fit subset (docs/training-accuracy.md); long-context Llama 3 405B (131K) pins it.
   */
  readonly attention: number;
  /**
   * Routed-expert grouped GEMMs relative to a dense GEMM of the same precision and token
   * count M — the residual the modelled MoE effects leave unexplained. Modelled separately,
   * NOT in this factor: the small-M saturation of every GEMM (`gemmHalfSaturationTokens`),
   * the busiest EP rank's Poisson routing excess, permutation/unpermutation, router
   * softmax/top-k and FP8 (de)quantisation passes as HBM traffic, DualPipe's communication
   * SMs, MLA up-projection/RMSNorm recomputation and per-layer gaps (`layerOverheadUs`). What is left (grouped-GEMM scheduling of fine-grained experts,
   * per-micro-batch routing skew beyond Poisson) is fitted here, on several MoE runs of the fit
   * subset (DeepSeek-V3, DeepSeek-V2, gpt-oss-120b, Qwen3-235B-A22B), not on one.
   */
  readonly groupedGemm: number;
  /**
   * Token count M at which a GEMM reaches half its large-GEMM efficiency:
   * η(M) = η_max · M / (M + M½), η_max = `bf16Gemm` or `fp8Gemm`. M is the token rows of one
   * micro-batch on a rank (dense and shared-expert GEMMs) or the tokens one routed expert
   * receives per micro-batch (grouped GEMMs). Sourced, not fitted here: the inference
   * planner's fit on measured serving GEMMs (GEMM_HALF_SATURATION_TOKENS in
   * kernels/kernel-efficiency.ts), one curve for both.
   */
  readonly gemmHalfSaturationTokens: number;
  /**
   * Fixed GPU time per decoder layer per micro-batch forward pass, µs (the backward pays twice
   * this, recomputation repeats it): the launch gaps and ramp/tail of the ~20-40 kernels of a
   * layer (norms, RoPE, attention, FP8 amax/cast, residual adds, bias/activation), framework
   * dispatch between them, and for MoE layers the host synchronisation a dropless token
   * dispatcher needs for its split sizes. Independent of tokens, so it weighs on small models
   * and small micro-batches. The inference planner's counterpart is `layerOverheadUs` /
   * `prefillLayerOverheadUs`. Fitted on the fit subset.
   */
  readonly layerOverheadUs: number;
  /**
   * Achievable HBM bandwidth fraction for memory-bound kernels (element-wise ops,
   * norms, FP8 quantisation, skinny GEMMs, optimizer step). Assumed, not fitted:
   * DeepSeek's FlashMLA reaches ~3,000 of 3,352 GB/s (0.9) on its best memory-bound
   * kernel; ordinary element-wise kernels do worse, so 0.8.
   */
  readonly hbm: number;
  /**
   * SMs taken by communication kernels while expert all-to-all is overlapped with compute
   * (DualPipe). Sourced, not fitted: COMMUNICATION_SMS (kernels/communication-sms.ts),
   * DeepSeek-V3 report §3.2.2, "we allocate 20 out of the 132 SMs available in the H800 GPU".
   */
  readonly communicationSms: number;
  /**
   * The fraction of the GPU's SMs they take: communicationSms ÷ the GPU's SM count (20/132 on
   * H800, H100, H200), resolved per GPU by resolveEfficiency; an explicit override wins.
   */
  readonly overlappedCommSmFraction: number;
}

/** The parameters that do not depend on the GPU: all but the per-GPU `overlappedCommSmFraction`. */
export type StoredEfficiency = Omit<EfficiencyParameters, 'overlappedCommSmFraction'>;

/** The stored fit (see the doc comment of each field). */
export const DEFAULT_EFFICIENCY: StoredEfficiency = {
  bf16Gemm: 0.744,
  fp8Gemm: 0.873,
  attention: 0.601,
  groupedGemm: 0.463,
  hbm: 0.8,
  gemmHalfSaturationTokens: GEMM_HALF_SATURATION_TOKENS,
  layerOverheadUs: 506.7,
  communicationSms: COMMUNICATION_SMS,
};

/** The parameters the calibration fits (the others are sourced or assumed). */
export const FITTED_EFFICIENCY_KEYS = ['bf16Gemm', 'fp8Gemm', 'attention', 'groupedGemm', 'layerOverheadUs'] as const;

/** Box of each fitted parameter for the calibration (GEMM fractions of the chip's MAMF and attention of peak in [0.05, 1], µs ≥ 0). */
export const FIT_BOUNDS: Readonly<Record<(typeof FITTED_EFFICIENCY_KEYS)[number], readonly [number, number]>> = {
  bf16Gemm: [0.05, 1],
  fp8Gemm: [0.05, 1],
  attention: [0.05, 1],
  groupedGemm: [0.05, 1],
  layerOverheadUs: [0, 3000],
};

/** The stored fit with `overrides` applied, and the communication-SM share of `gpu` unless overridden. */
export function resolveEfficiency(gpu: GpuSpec, overrides?: Partial<EfficiencyParameters>): EfficiencyParameters {
  const stored: StoredEfficiency = { ...DEFAULT_EFFICIENCY, ...(overrides ?? {}) };
  return { ...stored, overlappedCommSmFraction: overrides?.overlappedCommSmFraction ?? communicationSmShare(gpu, stored.communicationSms) };
}
