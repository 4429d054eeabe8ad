import { convert, energyWh } from '../units/units.js';
import { OWNERSHIP_DEFAULTS } from './ownership-defaults.js';

/** Energy of running `gpuCount` GPUs for `hours`: GPU draw × server overhead × PUE. */
export interface EnergyInput {
  readonly gpuCount: number;
  readonly tdpW: number;
  readonly hours: number;
  readonly gpuPowerShareOfTdp?: number;
  readonly serverPowerPerGpuWatt?: number;
  readonly pue?: number;
  /** Grid carbon intensity, kg CO₂ per kWh (carbon is reported only when given). */
  readonly gridKgCo2PerKwh?: number;
}

export interface EnergyEstimate {
  /** Facility energy (IT × PUE), MWh. */
  readonly energyMWh: number;
  /** IT power while running (GPUs at their mean draw + the rest of the servers), kW. */
  readonly itPowerKw: number;
  /** Facility power (IT × PUE), kW. */
  readonly facilityPowerKw: number;
  readonly pue: number;
  readonly gpuPowerShareOfTdp: number;
  readonly serverPowerPerGpuWatt: number;
  /** Tonnes of CO₂ when a grid intensity is given. */
  readonly co2Tonnes?: number;
}

const KG_PER_TONNE = 1000;

/**
 * energy = gpus × TDP × mean draw ÷ TDP × (server W per GPU W) × PUE × hours. The server factor
 * charges the CPUs, memory, NICs and fans in proportion to the GPUs (DGX H100: 10.2 kW for
 * 8 × 700 W GPUs); defaults are OWNERSHIP_DEFAULTS' sourced figures.
 */
export function estimateEnergy(i: EnergyInput): EnergyEstimate {
  const share = i.gpuPowerShareOfTdp ?? OWNERSHIP_DEFAULTS.gpuPowerShareOfTdp.value;
  const server = i.serverPowerPerGpuWatt ?? OWNERSHIP_DEFAULTS.serverPowerPerGpuWatt.value;
  const pue = i.pue ?? OWNERSHIP_DEFAULTS.pue.value;
  const itW = i.gpuCount * i.tdpW * share * server;
  const facilityW = itW * pue;
  const energyMWh = convert(energyWh(facilityW, i.hours), 'Wh', 'MWh');
  const co2 = i.gridKgCo2PerKwh === undefined ? undefined : (convert(energyMWh, 'MWh', 'kWh') * i.gridKgCo2PerKwh) / KG_PER_TONNE;
  return {
    energyMWh,
    itPowerKw: convert(itW, 'W', 'kW'),
    facilityPowerKw: convert(facilityW, 'W', 'kW'),
    pue,
    gpuPowerShareOfTdp: share,
    serverPowerPerGpuWatt: server,
    ...(co2 !== undefined ? { co2Tonnes: co2 } : {}),
  };
}

/** The factors of an energy estimate with defaults filled in (overrides by name). */
export type EnergyFactors = Pick<EnergyEstimate, 'pue' | 'gpuPowerShareOfTdp' | 'serverPowerPerGpuWatt'>;

export function energyFactors(i: Partial<EnergyFactors> = {}): EnergyFactors {
  return {
    pue: i.pue ?? OWNERSHIP_DEFAULTS.pue.value,
    gpuPowerShareOfTdp: i.gpuPowerShareOfTdp ?? OWNERSHIP_DEFAULTS.gpuPowerShareOfTdp.value,
    serverPowerPerGpuWatt: i.serverPowerPerGpuWatt ?? OWNERSHIP_DEFAULTS.serverPowerPerGpuWatt.value,
  };
}

/** One line per factor, for a plan's assumptions: the value and, when it is the default, its source. */
export function energyAssumptions(f: EnergyFactors): string[] {
  const d = OWNERSHIP_DEFAULTS;
  const src = (value: number, def: { value: number; kind: string; source: string }) => (value === def.value ? `${def.kind}: ${def.source}` : 'as given');
  return [
    'Energy = GPUs × TDP × mean draw ÷ TDP × server watts per GPU watt × wall-clock hours × PUE (idle time between phases not counted).',
    `Mean GPU draw ${f.gpuPowerShareOfTdp} × TDP (${src(f.gpuPowerShareOfTdp, d.gpuPowerShareOfTdp)}).`,
    `Server power ${f.serverPowerPerGpuWatt.toFixed(2)} W per GPU W (${src(f.serverPowerPerGpuWatt, d.serverPowerPerGpuWatt)}).`,
    `PUE ${f.pue} (${src(f.pue, d.pue)}).`,
  ];
}
