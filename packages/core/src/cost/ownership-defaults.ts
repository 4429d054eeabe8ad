import { figure, type Figure } from '../units/figure.js';

/**
 * Defaults of the ownership (TCO) model, each a sourced figure. Every one appears in a TCO
 * response with its source, and every one can be overridden by the request.
 */
export interface OwnershipDefaults {
  /** Power usage effectiveness: total facility power ÷ IT power. */
  readonly pue: Figure;
  /** Electricity price, USD per kWh. */
  readonly usdPerKwh: Figure;
  /** Years over which the hardware is depreciated (straight line). */
  readonly depreciationYears: Figure;
  /** Share of the hardware's life it does useful work (GPU-hours sold or used ÷ GPU-hours owned). */
  readonly lifetimeUtilization: Figure;
  /** Mean power draw of a GPU under load as a share of its TDP. */
  readonly gpuPowerShareOfTdp: Figure;
  /** Server power (CPUs, memory, NICs, fans, NVSwitch) per watt of GPU TDP: node maximum ÷ GPU TDPs. */
  readonly serverPowerPerGpuWatt: Figure;
  /** Scale-out network (switches, optics, cables) per node, USD. */
  readonly networkingUsdPerNode: Figure;
  /** Shared storage per node, USD. */
  readonly storageUsdPerNode: Figure;
  /** Non-GPU parts of an 8-GPU server (chassis, CPUs, memory, NICs) when only a GPU price is known, USD. */
  readonly serverOverheadUsdPerNode: Figure;
  /** Facility (colocation space, cooling plant, racks) per kW of IT load per month, USD. */
  readonly facilityUsdPerKwMonth: Figure;
  /** Operations staff per 1,000 GPUs, full-time equivalents. */
  readonly staffFtePer1000Gpus: Figure;
  /** Loaded cost of one operations FTE per year, USD. */
  readonly usdPerFteYear: Figure;
  /** Compute spent on ablations, failed and restarted runs per unit of the final run's compute. */
  readonly experimentMultiplier: Figure;
}

const SPREADSHEET = 'public H100-cluster cost spreadsheet (Aug 2024; docs.google.com/spreadsheets/d/1Ft3RbeZ-w43kYSiLfYc1vxO41mK5lmJpcPC9GOYHAWc), secondary';

export const OWNERSHIP_DEFAULTS: OwnershipDefaults = {
  pue: figure(
    1.58,
    'measured',
    'Uptime Institute Global Data Center Survey 2023: "In 2023, industry average PUE stood at 1.58" (intelligence.uptimeinstitute.com, UII update 221, Nov 2023); new AI halls run lower (1.1-1.3)',
  ),
  usdPerKwh: figure(0.0806, 'measured', 'US EIA via Statista: industrial consumers paid on average 8.06 US cents per kWh in 2023'),
  depreciationYears: figure(
    5,
    'assumed',
    'straight-line over 5 years: hyperscalers depreciate servers over 5-6 years (Microsoft, Alphabet extended to 6 in 2022); GPUs lose value faster than CPUs, so the shorter end',
  ),
  lifetimeUtilization: figure(
    0.7,
    'assumed',
    "a cluster is busy 70% of its owned hours over its life (maintenance, failures, scheduling gaps, idle periods between projects); rental prices embed the provider's own utilisation",
  ),
  gpuPowerShareOfTdp: figure(
    0.8,
    'assumed',
    'large training jobs draw most of TDP but not all of it (memory- and communication-bound phases); Llama 3 paper §3.3.4 reports tens-of-megawatt swings as GPUs idle between phases',
  ),
  serverPowerPerGpuWatt: figure(
    10200 / (8 * 700),
    'derived',
    'NVIDIA DGX H100 datasheet: 10.2 kW max system power for 8 × 700 W H100 → 10,200 ÷ 5,600 = 1.82 W of server per W of GPU TDP',
  ),
  networkingUsdPerNode: figure(
    (3_456_000 + 5_242_880) / 256,
    'derived',
    `${SPREADSHEET}: 2,048 H100 (256 nodes) need 96 64-port 400G InfiniBand switches ($3,456,000 at $36k, FS.com) and $5,242,880 of connectors and cables → ÷ 256 nodes`,
  ),
  storageUsdPerNode: figure(
    10_000,
    'assumed',
    'shared parallel file system sized ~50 TB per node at ~$200/TB all-flash; datasets and checkpoints, no published figure',
  ),
  serverOverheadUsdPerNode: figure(
    110_000,
    'derived',
    `${SPREADSHEET}: an 8×H100 node at ~$310k incl. InfiniBand cards (thinkmate quotation) less 8 × ~$25k GPUs ≈ $110k of chassis, CPUs, memory and NICs`,
  ),
  facilityUsdPerKwMonth: figure(
    150,
    'assumed',
    'wholesale colocation for high-density AI halls, ~$120-180 per kW of IT load per month (space, cooling plant, racks; power billed separately)',
  ),
  staffFtePer1000Gpus: figure(2, 'assumed', 'site reliability and hardware operations: about two full-time engineers per 1,000 GPUs at scale'),
  usdPerFteYear: figure(250_000, 'assumed', 'loaded cost of an infrastructure engineer (salary, benefits, overhead) in the US'),
  experimentMultiplier: figure(
    1,
    'assumed',
    'ablations and failed runs cost about as much as the final run again (DeepSeek-V3 report §1: the $5.576M "excludes the costs associated with prior research and ablation experiments"); no lab publishes the ratio',
  ),
};

/** GPUs the staffing figure is given per. */
export const GPUS_PER_STAFF_UNIT = 1000;
