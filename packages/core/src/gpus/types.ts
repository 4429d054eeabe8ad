import type { Figure } from '../units/figure.js';

/** Dense tensor-core throughput by format (no 2:4 sparsity). Absent = the chip has no such tensor path. */
export interface DenseTflops {
  readonly fp4?: Figure;
  readonly fp8?: Figure;
  readonly int8?: Figure;
  readonly bf16: Figure;
  readonly fp16: Figure;
  readonly tf32?: Figure;
}

/**
 * Maximum achievable matmul throughput (MAMF), dense TFLOP/s by format: what the chip's best large GEMM
 * sustains through its BLAS library, clock and power limits included (A100 holds its clock and reaches
 * ~87% of peak; H100 and B200 throttle under dense GEMMs and reach ~78-80%). The training planner's
 * fitted GEMM efficiencies are fractions of it, so they carry over between chips. `fp8` is present
 * exactly when the chip has an FP8 tensor path.
 */
export interface MaxAchievableMatmulTflops {
  readonly bf16: Figure;
  readonly fp8?: Figure;
}

export interface GpuSpec {
  readonly id: string;
  readonly name: string;
  readonly vendor: 'nvidia' | 'amd';
  readonly architecture: string;
  readonly denseTflops: DenseTflops;
  readonly maxAchievableMatmulTflops: MaxAchievableMatmulTflops;
  /** HBM capacity in GB (10^9 bytes). */
  readonly hbmCapacityGB: Figure;
  readonly hbmBandwidthTBps: Figure;
  /**
   * Streaming multiprocessors (NVIDIA) or compute units (AMD) enabled on the chip, a count: the
   * share of the chip that communication kernels launched on a fixed number of SMs take
   * (kernels/communication-sms.ts).
   */
  readonly smCount: Figure;
  /** Scale-up link (NVLink, Infinity Fabric) by interconnect id; bandwidth lives in the interconnect file. */
  readonly scaleUpInterconnect: string;
  /** Scale-out fabric (InfiniBand / RoCE) by interconnect id. */
  readonly scaleOutInterconnect: string;
  /** Scale-out NICs per GPU in the reference node (1 for 8x400G nodes, 0.5 for H20 nodes with 4x400G). */
  readonly scaleOutNicsPerGpu: Figure;
  readonly gpusPerNode: Figure;
  readonly tdpW: Figure;
  /** Die area used by the export-control performance-density rule (mm²). */
  readonly dieAreaMm2?: Figure;
}
