import { figure, type Figure } from '../units/figure.js';

/**
 * Facility energy of a GPU job: GPUs × TDP × average power fraction × server factor × hours × PUE.
 * Pure arithmetic on named, sourced defaults; the training programme and the cost endpoints use it.
 */

/** Watt-hours in one megawatt-hour (energy has no dimension in units.ts; the factor is named here). */
export const WATT_HOURS_PER_MWH = 1e6;

/** Power usage effectiveness: facility power ÷ IT power. */
export const DEFAULT_PUE: Figure = figure(
  1.58, 'measured',
  'Uptime Institute Global Data Center Survey 2023: industry-average annual PUE 1.58 (a survey average over operators, not an AI-specific facility)',
);

/** Mean GPU board power during training, as a fraction of TDP. */
export const DEFAULT_TRAINING_POWER_FRACTION_OF_TDP: Figure = figure(
  0.8, 'assumed',
  'GEMM-bound training at 35–45% MFU holds the tensor cores near the power limit, while exposed communication, pipeline bubbles, optimizer steps and checkpoint/data stalls pull the average below TDP; 0.8 is a planning figure, not a measurement of a particular run',
);

/** NVIDIA DGX H100 datasheet: maximum system power ~10.2 kW. */
export const DGX_H100_MAX_SYSTEM_POWER_W = 10_200;
/** GPUs in one DGX H100. */
export const DGX_H100_GPUS = 8;
/** H100 SXM board power (NVIDIA H100 datasheet). */
export const H100_SXM_TDP_W = 700;

/** Server power (CPUs, NICs, NVSwitches, fans, drives) over GPU power: whole-server watts per GPU watt. */
export const DEFAULT_SERVER_POWER_PER_GPU_POWER: Figure = figure(
  DGX_H100_MAX_SYSTEM_POWER_W / (DGX_H100_GPUS * H100_SXM_TDP_W), 'derived',
  `NVIDIA DGX H100 datasheet: ${DGX_H100_MAX_SYSTEM_POWER_W.toLocaleString('en-US')} W max system power with ${DGX_H100_GPUS} × ${H100_SXM_TDP_W} W H100 SXM: ${DGX_H100_MAX_SYSTEM_POWER_W} ÷ ${DGX_H100_GPUS * H100_SXM_TDP_W} ≈ 1.82; applied to any GPU's TDP, and assumed to scale with the GPUs' average power fraction`,
);

export interface EnergyInput {
  readonly gpuCount: number;
  /** Board power of one GPU, W (GpuSpec.tdpW). */
  readonly tdpW: number;
  /** Wall-clock hours the GPUs run. */
  readonly hours: number;
  readonly pue?: number;
  readonly averagePowerFractionOfTdp?: number;
  readonly serverPowerPerGpuPower?: number;
}

/** The factors energyMWh used, defaults filled in. */
export interface EnergyFactors {
  readonly pue: number;
  readonly averagePowerFractionOfTdp: number;
  readonly serverPowerPerGpuPower: number;
}

export function energyFactors(i: Omit<EnergyInput, 'gpuCount' | 'tdpW' | 'hours'> = {}): EnergyFactors {
  return {
    pue: i.pue ?? DEFAULT_PUE.value,
    averagePowerFractionOfTdp: i.averagePowerFractionOfTdp ?? DEFAULT_TRAINING_POWER_FRACTION_OF_TDP.value,
    serverPowerPerGpuPower: i.serverPowerPerGpuPower ?? DEFAULT_SERVER_POWER_PER_GPU_POWER.value,
  };
}

/** Facility energy, MWh. Inputs are trusted numbers (callers validate requests). */
export function energyMWh(i: EnergyInput): number {
  const f = energyFactors(i);
  const itPowerW = i.gpuCount * i.tdpW * f.averagePowerFractionOfTdp * f.serverPowerPerGpuPower;
  return (itPowerW * f.pue * i.hours) / WATT_HOURS_PER_MWH;
}

/** One line per factor, for a plan's assumptions. */
export function energyAssumptions(f: EnergyFactors): string[] {
  const src = (given: number, d: Figure) => (given === d.value ? `${d.kind}: ${d.source}` : 'as given');
  return [
    'Energy = GPUs × TDP × average power fraction × server power per GPU power × wall-clock hours × PUE (idle time between phases not counted).',
    `Average GPU power ${f.averagePowerFractionOfTdp} × TDP (${src(f.averagePowerFractionOfTdp, DEFAULT_TRAINING_POWER_FRACTION_OF_TDP)}).`,
    `Server power ${f.serverPowerPerGpuPower.toFixed(2)} × GPU power (${src(f.serverPowerPerGpuPower, DEFAULT_SERVER_POWER_PER_GPU_POWER)}).`,
    `PUE ${f.pue} (${src(f.pue, DEFAULT_PUE)}).`,
  ];
}
