/**
 * How much of a GEMM's tensor-core time does useful work, from its shape alone (shared by the
 * training and inference planners):
 *
 * - **Tile quantisation.** A kernel computes its output in `GEMM_TILE_EDGE`-square tiles; an M or N
 *   that is not a multiple of the edge pads the last tile (utilisation x ÷ ⌈x/edge⌉·edge per axis).
 * - **Wave quantisation.** The tiles run in waves of one tile per SM; the last, partial wave leaves
 *   the other SMs idle (utilisation tiles ÷ (⌈tiles/SMs⌉ · SMs)). A GEMM of a few hundred tiles on a
 *   108- or 132-SM GPU loses up to a tenth of its time this way; a large one loses almost nothing.
 *   Grouped GEMMs (MoE experts) schedule all groups' tiles together, so the waves count every group.
 *
 * Stream-K / split-K kernels that cut the last wave's work finer are not modelled (pessimistic for
 * shapes with few tiles); the K-loop prologue and epilogue and small-M inefficiency are the
 * saturating η(M) curve (kernel-efficiency.ts), the memory-bound limit is the caller's roofline.
 */

/** Output tile edge (M and N) of the Hopper/Ampere BF16 and FP8 GEMM kernels modelled: CUTLASS/cuBLAS and DeepGEMM use 128-row tiles. */
export const GEMM_TILE_EDGE = 128;

/** Useful fraction of one axis of `x` elements padded to whole tiles. */
export function tileUtilization(x: number, edge: number = GEMM_TILE_EDGE): number {
  if (x <= 0) return 1;
  return x / (Math.ceil(x / edge) * edge);
}

/** Useful fraction of the SM-waves `tiles` output tiles take on `smCount` SMs. */
export function waveUtilization(tiles: number, smCount: number): number {
  if (tiles <= 0 || smCount <= 0) return 1;
  const whole = Math.ceil(tiles);
  return whole / (Math.ceil(whole / smCount) * smCount);
}

/**
 * Tile × wave utilisation of `groups` GEMMs of an m×n output each, scheduled together on `smCount`
 * SMs (groups = 1 for a plain GEMM).
 */
export function gemmShapeUtilization(m: number, n: number, smCount: number, groups = 1): number {
  const tiles = Math.max(1, Math.round(groups)) * Math.ceil(m / GEMM_TILE_EDGE) * Math.ceil(n / GEMM_TILE_EDGE);
  return tileUtilization(m) * tileUtilization(n) * waveUtilization(tiles, smCount);
}
