/**
 * Kernel-efficiency curves shared by the training and the inference planner (one implementation,
 * two sets of fitted asymptotes, one half-saturation point).
 */

/**
 * Token rows M at which a GEMM reaches half its large-GEMM efficiency (M½ of the curve below).
 * Fitted by the inference calibration (calibration/inference/run.ts) on measured serving GEMMs
 * and copied here by hand; the training planner uses the same value (one curve for both).
 */
export const GEMM_HALF_SATURATION_TOKENS = 69.9;

/** Floor on token rows so an empty GEMM has efficiency → 0 rather than 0/0. */
const MIN_GEMM_ROWS = 1e-9;

/**
 * Achieved fraction of tensor peak of a GEMM with `m` token rows: `peak · m / (m + halfM)`.
 * Skinny GEMMs (few tokens: decode batches, routed experts with few tokens each) leave tensor
 * cores idle (tile quantisation, wave tails, fixed prologue/epilogue); large ones approach `peak`.
 */
export function saturatingGemmEfficiency(peak: number, m: number, halfM: number): number {
  const mm = Math.max(m, MIN_GEMM_ROWS);
  return (peak * mm) / (mm + halfM);
}

/**
 * Busiest EP rank's routed-token load ÷ mean load from routing statistics alone: a rank's load
 * over many tokens is ≈ Poisson with mean `meanTokens`; the expected maximum over `ranks`
 * independent ranks is ≈ mean + σ·√(2 ln ranks) (Gaussian extreme value), σ = √mean.
 * Popularity skew that balancing does not remove comes on top (callers add it).
 */
export function routingMaxOverMean(meanTokens: number, ranks: number): number {
  if (ranks <= 1 || meanTokens <= 0) return 1;
  return 1 + Math.sqrt(2 * Math.log(ranks)) / Math.sqrt(meanTokens);
}
