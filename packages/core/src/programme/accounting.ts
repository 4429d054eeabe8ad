/**
 * Cost accounting of GPU-hours: rental price × hours, with no discounting, utilisation factor or
 * rounding (the DeepSeek-V3 report Table 1 convention: 2,788K H800 GPU-hours × $2 = $5.576M).
 */

export function gpuHoursCostUsd(gpuHours: number, pricePerGpuHourUsd: number): number {
  return gpuHours * pricePerGpuHourUsd;
}

/** Sum of GPU-hours over parts of a programme (phases, stages). */
export function totalGpuHours(parts: readonly { readonly gpuHours: number }[]): number {
  return parts.reduce((sum, p) => sum + p.gpuHours, 0);
}
