import type { GpuSpec } from '../gpus/types.js';
import type { Figure } from '../units/figure.js';
import { convert } from '../units/units.js';
import { estimateEnergy } from './energy.js';
import { GPUS_PER_STAFF_UNIT, OWNERSHIP_DEFAULTS, type OwnershipDefaults } from './ownership-defaults.js';
import { explainOwnership } from '../explain/ownership.js';
import type { Explanations } from '@gcp/contract';

/** The inputs of a buy-vs-rent comparison; every optional number falls back to a sourced default. */
export interface OwnershipInput {
  readonly gpu: GpuSpec;
  readonly gpuCount: number;
  /** Prices resolved by the caller (request or price catalog), each with its source. */
  readonly prices: {
    readonly rentUsdPerGpuHour: Figure;
    /** One 8-GPU server (GPUs included); when absent, gpus × gpuUsd + serverOverheadUsdPerNode. */
    readonly serverUsd?: Figure;
    readonly gpuUsd?: Figure;
  };
  /** Overrides of OWNERSHIP_DEFAULTS by name (numbers given by the request). */
  readonly overrides?: Partial<Record<keyof OwnershipDefaults, number>>;
  /** A run to cost both ways (its GPU-hours). */
  readonly runGpuHours?: number;
}

export interface OwnershipAssumption {
  readonly name: string;
  readonly value: number;
  readonly kind: string;
  readonly source: string;
  /** True when the request gave the value. */
  readonly given: boolean;
}

export interface OwnershipBreakdown {
  /** Capex by part, USD. */
  readonly capexUsd: { readonly servers: number; readonly networking: number; readonly storage: number };
  /** Owned cost per useful GPU-hour by part, USD. */
  readonly usdPerGpuHour: { readonly depreciation: number; readonly power: number; readonly facility: number; readonly staff: number };
  /** Owned cost per year by part, USD. */
  readonly usdPerYear: { readonly depreciation: number; readonly power: number; readonly facility: number; readonly staff: number };
}

export interface SensitivityRow {
  readonly input: string;
  readonly low: number;
  readonly high: number;
  /** Owned USD per GPU-hour with the input at low / high, the others at their values. */
  readonly ownUsdPerGpuHourAtLow: number;
  readonly ownUsdPerGpuHourAtHigh: number;
}

export interface OwnershipResult {
  readonly gpuCount: number;
  readonly nodes: number;
  readonly capexUsd: number;
  readonly effectiveUsdPerGpuHour: { readonly own: number; readonly rent: number };
  /** The run both ways, and with the experiment multiplier (ablations, failed runs) on top. */
  readonly runCostUsd?: { readonly own: number; readonly rent: number };
  readonly runWithExperimentsCostUsd?: { readonly own: number; readonly rent: number };
  /** Months of continuous use after which owning has cost less than renting (null: never within the depreciation period). */
  readonly breakEvenMonths: number | null;
  /** Cumulative cost of owning (capex up front + running costs) vs renting, month by month over the depreciation period. */
  readonly rentVsBuyByMonth: ReadonlyArray<{ readonly month: number; readonly ownUsd: number; readonly rentUsd: number }>;
  readonly facilityPowerKw: number;
  readonly breakdown: OwnershipBreakdown;
  readonly sensitivity: readonly SensitivityRow[];
  readonly assumptions: readonly OwnershipAssumption[];
  /** Formula and values of capex, the owned GPU-hour, the run both ways and the break-even month (explain/ownership.ts). */
  readonly explanations: Explanations;
}

/** The `source` of a figure the request itself gave. */
export const REQUEST_SOURCE = 'request';

/** Sensitivity range: each main input at this share and this multiple of its value. */
export const SENSITIVITY_LOW_SHARE = 0.5;
export const SENSITIVITY_HIGH_MULTIPLE = 1.5;

type Values = { readonly [K in keyof OwnershipDefaults]: number };

const valuesOf = (o: OwnershipInput['overrides']): Values => {
  const out = {} as Record<keyof OwnershipDefaults, number>;
  for (const k of Object.keys(OWNERSHIP_DEFAULTS) as Array<keyof OwnershipDefaults>) out[k] = o?.[k] ?? OWNERSHIP_DEFAULTS[k].value;
  return out;
};

interface Core {
  capex: OwnershipBreakdown['capexUsd'];
  perYear: OwnershipBreakdown['usdPerYear'];
  usefulGpuHoursPerYear: number;
  facilityPowerKw: number;
}

function ownershipCore(i: OwnershipInput, v: Values): Core {
  const gpn = i.gpu.gpusPerNode.value;
  const nodes = Math.ceil(i.gpuCount / gpn);
  const serverUsd = i.prices.serverUsd?.value ?? gpn * (i.prices.gpuUsd?.value ?? 0) + v.serverOverheadUsdPerNode;
  const capex = { servers: nodes * serverUsd, networking: nodes * v.networkingUsdPerNode, storage: nodes * v.storageUsdPerNode };
  const capexTotal = capex.servers + capex.networking + capex.storage;
  const hoursPerYear = convert(1, 'year', 'h');
  const energy = estimateEnergy({
    gpuCount: i.gpuCount,
    tdpW: i.gpu.tdpW.value,
    hours: hoursPerYear * v.lifetimeUtilization,
    gpuPowerShareOfTdp: v.gpuPowerShareOfTdp,
    serverPowerPerGpuWatt: v.serverPowerPerGpuWatt,
    pue: v.pue,
  });
  const perYear = {
    depreciation: capexTotal / v.depreciationYears,
    power: convert(energy.energyMWh, 'MWh', 'kWh') * v.usdPerKwh,
    facility: energy.itPowerKw * v.facilityUsdPerKwMonth * convert(1, 'year', 'month'),
    staff: (i.gpuCount / GPUS_PER_STAFF_UNIT) * v.staffFtePer1000Gpus * v.usdPerFteYear,
  };
  return { capex, perYear, usefulGpuHoursPerYear: i.gpuCount * hoursPerYear * v.lifetimeUtilization, facilityPowerKw: energy.facilityPowerKw };
}

const ownRate = (c: Core) => (c.perYear.depreciation + c.perYear.power + c.perYear.facility + c.perYear.staff) / c.usefulGpuHoursPerYear;

/** The inputs the sensitivity table varies. */
const SENSITIVE: ReadonlyArray<keyof OwnershipDefaults> = [
  'depreciationYears',
  'lifetimeUtilization',
  'usdPerKwh',
  'pue',
  'facilityUsdPerKwMonth',
  'experimentMultiplier',
];

/**
 * Buy vs rent. Owning: capex (servers — the 8-GPU server price, or GPUs + the rest of the server —
 * plus scale-out network and storage per node) depreciated straight-line, power (GPU mean draw ×
 * server overhead × PUE × $/kWh over the hours the cluster runs), facility (per kW of IT load per
 * month) and staff (FTE per 1,000 GPUs); all divided by the useful GPU-hours per year (owned hours
 * × lifetime utilisation). Renting: the price per GPU-hour. A run costs its GPU-hours × each rate;
 * × (1 + experiment multiplier) with ablations and failed runs.
 */
export function compareOwnership(i: OwnershipInput): OwnershipResult {
  const v = valuesOf(i.overrides);
  const core = ownershipCore(i, v);
  const own = ownRate(core);
  const rent = i.prices.rentUsdPerGpuHour.value;
  const capexUsd = core.capex.servers + core.capex.networking + core.capex.storage;
  const per = (x: number) => x / core.usefulGpuHoursPerYear;
  const months = Math.round(v.depreciationYears * convert(1, 'year', 'month'));
  const runningPerMonth = (core.perYear.power + core.perYear.facility + core.perYear.staff) / convert(1, 'year', 'month');
  const rentPerMonth = (core.usefulGpuHoursPerYear / convert(1, 'year', 'month')) * rent;
  const byMonth: Array<{ month: number; ownUsd: number; rentUsd: number }> = [];
  let breakEvenMonths: number | null = null;
  for (let m = 0; m <= months; m++) {
    const ownUsd = capexUsd + runningPerMonth * m,
      rentUsd = rentPerMonth * m;
    byMonth.push({ month: m, ownUsd, rentUsd });
    if (breakEvenMonths === null && m > 0 && ownUsd <= rentUsd) breakEvenMonths = m;
  }
  const sensitivity = SENSITIVE.map((name) => {
    const base = v[name];
    const low = base * SENSITIVITY_LOW_SHARE,
      high = base * SENSITIVITY_HIGH_MULTIPLE;
    const at = (x: number) => {
      const vv = { ...v, [name]: name === 'lifetimeUtilization' ? Math.min(1, x) : x };
      if (name === 'experimentMultiplier') return (own * (1 + x)) / (1 + base);
      return ownRate(ownershipCore(i, vv));
    };
    return {
      input: name,
      low,
      high: name === 'lifetimeUtilization' ? Math.min(1, high) : high,
      ownUsdPerGpuHourAtLow: at(low),
      ownUsdPerGpuHourAtHigh: at(high),
    };
  });
  const assumptions: OwnershipAssumption[] = (Object.keys(OWNERSHIP_DEFAULTS) as Array<keyof OwnershipDefaults>).map((name) => ({
    name,
    value: v[name],
    kind: i.overrides?.[name] !== undefined ? 'assumed' : OWNERSHIP_DEFAULTS[name].kind,
    source: i.overrides?.[name] !== undefined ? REQUEST_SOURCE : OWNERSHIP_DEFAULTS[name].source,
    given: i.overrides?.[name] !== undefined,
  }));
  for (const [name, f] of Object.entries(i.prices))
    if (f) assumptions.push({ name, value: f.value, kind: f.kind, source: f.source, given: f.source === REQUEST_SOURCE });
  const run = i.runGpuHours;
  const runCostUsd = run !== undefined ? { own: run * own, rent: run * rent } : undefined;
  const explanations = explainOwnership({
    gpuCount: i.gpuCount,
    capexUsd,
    capex: core.capex,
    perYear: core.perYear,
    hoursPerYear: convert(1, 'year', 'h'),
    lifetimeUtilization: v.lifetimeUtilization,
    usefulGpuHoursPerYear: core.usefulGpuHoursPerYear,
    own,
    rent,
    ...(run !== undefined && runCostUsd ? { runGpuHours: run, runCostUsd } : {}),
    runningPerMonthUsd: runningPerMonth,
    rentPerMonthUsd: rentPerMonth,
    breakEvenMonths,
  });
  return {
    gpuCount: i.gpuCount,
    nodes: Math.ceil(i.gpuCount / i.gpu.gpusPerNode.value),
    capexUsd,
    effectiveUsdPerGpuHour: { own, rent },
    ...(run !== undefined && runCostUsd
      ? {
          runCostUsd,
          runWithExperimentsCostUsd: { own: run * own * (1 + v.experimentMultiplier), rent: run * rent * (1 + v.experimentMultiplier) },
        }
      : {}),
    breakEvenMonths,
    rentVsBuyByMonth: byMonth,
    facilityPowerKw: core.facilityPowerKw,
    breakdown: {
      capexUsd: core.capex,
      usdPerYear: core.perYear,
      usdPerGpuHour: {
        depreciation: per(core.perYear.depreciation),
        power: per(core.perYear.power),
        facility: per(core.perYear.facility),
        staff: per(core.perYear.staff),
      },
    },
    sensitivity,
    assumptions,
    explanations,
  };
}
