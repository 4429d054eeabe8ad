import type { GpuSpec } from '../gpus/types.js';
import { convert } from '../units/units.js';

/** A GPU's peaks in base units (FLOP/s, bytes/s, bytes). */
export interface Hardware {
  readonly bf16FlopsPerSecond: number;
  /** null when the chip has no FP8 tensor path (A100). */
  readonly fp8FlopsPerSecond: number | null;
  readonly hbmBytesPerSecond: number;
  readonly hbmCapacityBytes: number;
  /** Streaming multiprocessors (compute units on AMD): GEMM tiles run in waves over them. */
  readonly smCount: number;
}

export function hardwareOf(gpu: GpuSpec): Hardware {
  const fp8 = gpu.denseTflops.fp8?.value;
  return {
    bf16FlopsPerSecond: convert(gpu.denseTflops.bf16.value, 'TFLOP', 'FLOP'),
    fp8FlopsPerSecond: fp8 === undefined ? null : convert(fp8, 'TFLOP', 'FLOP'),
    hbmBytesPerSecond: convert(gpu.hbmBandwidthTBps.value, 'TB', 'B'),
    hbmCapacityBytes: convert(gpu.hbmCapacityGB.value, 'GB', 'B'),
    smCount: gpu.smCount.value,
  };
}
