/**
 * Where every GPU's maximum achievable matmul throughput (`maxAchievableMatmulTflops`) comes from.
 * Stas Bekman measured it with `mamf-finder.py`: a brute-force search over GEMM shapes, the mean of
 * 100 iterations after 50 warm-up ones at the best shape found, through torch's BLAS (cuBLAS /
 * hipBLASLt) at the chip's own clock and power limits.
 */
export const MAMF_SOURCE =
  'Stas Bekman, "Machine Learning Engineering Open Book", compute/accelerator/README.md, "Maximum Achievable Matmul FLOPS comparison table" (github.com/stas00/ml-engineering, mamf-finder.py; mean of 100 iterations after 50 warm-up at the best shape found)';
