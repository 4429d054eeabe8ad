import type { DenseTflops, GpuSpec } from './types.js';

/** Operand bit length of each tensor format, for Total Processing Performance. */
const BIT_LENGTH: Record<keyof DenseTflops, number> = {
  fp4: 4,
  fp8: 8,
  int8: 8,
  bf16: 16,
  fp16: 16,
  tf32: 32,
};

export interface ExportControlFigures {
  /** Total Processing Performance: max over formats of dense TOPS x operand bit length (US ECCN 3A090). */
  readonly tpp: number;
  /** TPP / applicable die area (mm²); absent where the catalog has no die area. */
  readonly performanceDensity?: number;
  /** ECCN 3A090.a under the Oct-2023 rule: TPP >= 4800, or TPP >= 1600 with PD >= 5.92. */
  readonly exceeds3A090a: boolean;
}

export function exportControlFigures(gpu: GpuSpec): ExportControlFigures {
  let tpp = 0;
  for (const [format, fig] of Object.entries(gpu.denseTflops) as [keyof DenseTflops, { value: number } | undefined][]) {
    if (fig) tpp = Math.max(tpp, fig.value * BIT_LENGTH[format]);
  }
  const area = gpu.dieAreaMm2?.value;
  const performanceDensity = area ? tpp / area : undefined;
  const exceeds3A090a = tpp >= 4800 || (tpp >= 1600 && (performanceDensity ?? 0) >= 5.92);
  return performanceDensity === undefined ? { tpp, exceeds3A090a } : { tpp, performanceDensity, exceeds3A090a };
}
