import type { GpuSpec } from '../gpus/types.js';
import { convert } from '../units/units.js';

/** A GPU's peaks in base units (FLOP/s, bytes/s, bytes). */
export interface Hardware {
  readonly bf16FlopsPerSecond: number;
  /** null when the chip has no FP8 tensor path (A100). */
  readonly fp8FlopsPerSecond: number | null;
  /**
   * The chip's maximum achievable matmul throughput (MAMF, gpu.maxAchievableMatmulTflops): what the fitted
   * `bf16Gemm` / `fp8Gemm` are fractions of. null for FP8 when the chip has no FP8 tensor path.
   */
  readonly bf16GemmCeilingFlopsPerSecond: number;
  readonly fp8GemmCeilingFlopsPerSecond: number | null;
  readonly hbmBytesPerSecond: number;
  readonly hbmCapacityBytes: number;
  /** Streaming multiprocessors (compute units on AMD): GEMM tiles run in waves over them. */
  readonly smCount: number;
}

export function hardwareOf(gpu: GpuSpec): Hardware {
  const fp8 = gpu.denseTflops.fp8?.value;
  const fp8Ceiling = gpu.maxAchievableMatmulTflops.fp8?.value;
  return {
    bf16FlopsPerSecond: convert(gpu.denseTflops.bf16.value, 'TFLOP', 'FLOP'),
    fp8FlopsPerSecond: fp8 === undefined ? null : convert(fp8, 'TFLOP', 'FLOP'),
    bf16GemmCeilingFlopsPerSecond: convert(gpu.maxAchievableMatmulTflops.bf16.value, 'TFLOP', 'FLOP'),
    fp8GemmCeilingFlopsPerSecond: fp8 === undefined || fp8Ceiling === undefined ? null : convert(fp8Ceiling, 'TFLOP', 'FLOP'),
    hbmBytesPerSecond: convert(gpu.hbmBandwidthTBps.value, 'TB', 'B'),
    hbmCapacityBytes: convert(gpu.hbmCapacityGB.value, 'GB', 'B'),
    smCount: gpu.smCount.value,
  };
}
