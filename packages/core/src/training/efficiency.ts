import { INFERENCE_EFFICIENCY } from '../inference/efficiency.js';

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
   * Large BF16/FP16 GEMM throughput as a fraction of the chip's dense BF16 peak, for a
   * GEMM that is compute-bound and tile-aligned (smaller/skinny GEMMs fall back to the
   * HBM roofline and tile quantisation automatically). Also absorbs kernel-launch gaps
   * and framework overhead of dense runs.
   * Fitted on: Llama 3 405B, 8,192 H100, TP8 PP16 DP64, seq 8K, 43% MFU (Llama 3 paper, Table 4).
   */
  readonly bf16Gemm: number;
  /**
   * Large FP8 GEMM throughput as a fraction of the chip's dense FP8 peak, scaling
   * (per-tensor or per-tile) included. Quantisation passes are counted separately as
   * memory traffic.
   * Fitted on: NeMo 24.12 GPT3-175B, 512 H100, FP8, TP4 PP8 VP6, 825 tokens/s/GPU.
   */
  readonly fp8Gemm: number;
  /**
   * Attention core (QKᵀ, softmax, AV; FlashAttention-style, forward + backward) as a
   * fraction of dense BF16 peak, counted on model FLOPs (backward = 2 × forward; the
   * kernel's own recomputation is inside this fraction).
   * Fitted on: Llama 3 405B, 16,384 H100, TP8 CP16 PP16 DP8, seq 131K, 38% MFU.
   */
  readonly attention: number;
  /**
   * Routed-expert grouped GEMMs relative to a dense GEMM of the same precision and token
   * count M — the residual the modelled MoE effects leave unexplained. Modelled separately,
   * NOT in this factor: the small-M saturation of every GEMM (`gemmHalfSaturationTokens`),
   * the busiest EP rank's Poisson routing excess, permutation/unpermutation, router
   * softmax/top-k and FP8 (de)quantisation passes as HBM traffic, DualPipe's communication
   * SMs, MLA up-projection/RMSNorm recomputation. What is left (grouped-GEMM scheduling of
   * fine-grained experts, per-micro-batch routing skew beyond Poisson) is fitted here.
   * Fitted on: DeepSeek-V3, 2,048 H800, FP8, PP16 EP64 DualPipe, ISCA'25 Table 4 (19.926 s/step)
   * — the only MoE run in the fit subset, so it is one run's number; DeepSeek-V2 (held out) is its check.
   */
  readonly groupedGemm: number;
  /**
   * Token count M at which a GEMM reaches half its large-GEMM efficiency:
   * η(M) = η_max · M / (M + M½), η_max = `bf16Gemm` or `fp8Gemm`. M is the token rows of one
   * micro-batch on a rank (dense and shared-expert GEMMs) or the tokens one routed expert
   * receives per micro-batch (grouped GEMMs). Sourced, not fitted here: the inference
   * planner's fit on measured serving GEMMs (src/inference/efficiency.ts), one curve for both.
   */
  readonly gemmHalfSaturationTokens: number;
  /**
   * Achievable HBM bandwidth fraction for memory-bound kernels (element-wise ops,
   * norms, FP8 quantisation, skinny GEMMs, optimizer step). Assumed, not fitted:
   * DeepSeek's FlashMLA reaches ~3,000 of 3,352 GB/s (0.9) on its best memory-bound
   * kernel; ordinary element-wise kernels do worse, so 0.8.
   */
  readonly hbm: number;
  /**
   * Fraction of SMs taken by communication kernels while expert all-to-all is
   * overlapped with compute (DualPipe). Sourced, not fitted: DeepSeek-V3 report §3.2.2,
   * "we allocate 20 out of the 132 SMs available in the H800 GPU" → 20/132.
   */
  readonly overlappedCommSmFraction: number;
}

/** The stored fit (see the doc comment of each field). */
export const DEFAULT_EFFICIENCY: EfficiencyParameters = {
  bf16Gemm: 0.604,
  fp8Gemm: 0.711,
  attention: 0.510,
  groupedGemm: 0.336,
  hbm: 0.8,
  gemmHalfSaturationTokens: INFERENCE_EFFICIENCY.gemmHalfSaturationTokens,
  overlappedCommSmFraction: 20 / 132,
};

/** The parameters the calibration fits (the others are sourced or assumed). */
export const FITTED_EFFICIENCY_KEYS = ['bf16Gemm', 'fp8Gemm', 'attention', 'groupedGemm'] as const;

export function resolveEfficiency(overrides?: Partial<EfficiencyParameters>): EfficiencyParameters {
  return { ...DEFAULT_EFFICIENCY, ...(overrides ?? {}) };
}
