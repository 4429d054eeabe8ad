/**
 * Published ceilings of the best kernels DeepSeek measured on Hopper: the upper bounds of every
 * achieved-fraction-of-peak parameter both planners fit (inference/step/efficiency.ts, training/efficiency.ts).
 *
 * Source: shared/reference/published-figures.json, `deepseek_kernels` (open-infra-index):
 *  - DeepGEMM: "up to 1350+ FP8 TFLOPS on Hopper" = 0.68 of the 1,979 dense FP8 peak → GEMM ≤ 0.68;
 *  - FlashMLA on H800: 580 BF16 TFLOPS compute-bound (0.59 of 989) → attention ≤ 0.59;
 *    3000 GB/s memory-bound (0.895 of 3,352 GB/s) → HBM streaming ≤ 0.895.
 */
export const KERNEL_CEILINGS = {
  /** DeepGEMM 1350 ÷ 1979 dense FP8 TFLOPS (H800/H100). */
  gemm: 1350 / 1979,
  /** FlashMLA 580 ÷ 989 dense BF16 TFLOPS (H800). */
  attention: 580 / 989,
  /** FlashMLA 3000 ÷ 3352 GB/s (H800). */
  hbm: 3000 / 3352,
} as const;

/**
 * Achieved fraction of dense BF16 peak for MLA's absorbed decode attention, which engines run with
 * FlashMLA (DeepSeek's decode kernel for MLA: SGLang, vLLM and TensorRT-LLM ship it or its port).
 * NOT fitted: FlashMLA's published compute-bound figure, 580 of 989 TFLOPS on H800 (open-infra-index).
 * The fitted `attentionEfficiency` describes the other attention kernels (FlashAttention /
 * FlashInfer prefill and GQA decode), whose measured rows dominate the fit.
 */
export const MLA_DECODE_ATTENTION_EFFICIENCY = KERNEL_CEILINGS.attention;
