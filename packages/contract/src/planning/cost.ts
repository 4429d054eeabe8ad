import * as v from 'valibot';
import { explanationsSchema } from '../explanations.js';
import { trainingModelSchema } from './training.js';

/** Largest GPU count a TCO or audit request accepts (the training planner's bound). */
export const MAX_COST_GPU_COUNT = 1_000_000;
/** Largest USD figure accepted for one price or per-node cost. */
const MAX_UNIT_USD = 1e9;

const positive = (name: string, max: number, description: string) =>
  v.pipe(
    v.number(`${name} must be a number`),
    v.gtValue(0, `${name} must be positive`),
    v.maxValue(max, `${name} must be at most ${max}`),
    v.description(description),
  );
const nonNegative = (name: string, max: number, description: string) =>
  v.pipe(
    v.number(`${name} must be a number`),
    v.minValue(0, `${name} must be ≥ 0`),
    v.maxValue(max, `${name} must be at most ${max}`),
    v.description(description),
  );

/** POST /v1/cost/tco body: every omitted number falls back to a sourced default, echoed in `assumptions`. */
export const tcoRequestSchema = v.strictObject({
  gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100), v.description('GPU id from GET /v1/gpus')),
  gpuCount: v.pipe(
    v.number('gpuCount must be a number'),
    v.integer('gpuCount must be a whole number'),
    v.minValue(1, 'gpuCount must be at least 1'),
    v.maxValue(MAX_COST_GPU_COUNT, `gpuCount must be at most ${MAX_COST_GPU_COUNT}`),
    v.description('GPUs owned or rented'),
  ),
  gpuUsd: v.optional(positive('gpuUsd', MAX_UNIT_USD, 'Purchase price of one GPU, USD (default: the GPU price file)')),
  serverUsd: v.optional(positive('serverUsd', MAX_UNIT_USD, 'Purchase price of one 8-GPU server incl. GPUs, USD (default: the GPU price file)')),
  rentUsdPerGpuHour: v.optional(positive('rentUsdPerGpuHour', 1000, 'Rental price, USD per GPU-hour (default: the GPU price file)')),
  networkingUsdPerNode: v.optional(nonNegative('networkingUsdPerNode', MAX_UNIT_USD, 'Scale-out network per node, USD')),
  storageUsdPerNode: v.optional(nonNegative('storageUsdPerNode', MAX_UNIT_USD, 'Storage per node, USD')),
  serverOverheadUsdPerNode: v.optional(
    nonNegative('serverOverheadUsdPerNode', MAX_UNIT_USD, 'Non-GPU server parts per node when only a GPU price is known, USD'),
  ),
  pue: v.optional(
    v.pipe(
      v.number('pue must be a number'),
      v.minValue(1, 'pue must be at least 1'),
      v.maxValue(3, 'pue must be at most 3'),
      v.description('Power usage effectiveness (facility ÷ IT power)'),
    ),
  ),
  usdPerKwh: v.optional(nonNegative('usdPerKwh', 10, 'Electricity, USD per kWh')),
  depreciationYears: v.optional(positive('depreciationYears', 20, 'Straight-line depreciation period, years')),
  lifetimeUtilization: v.optional(
    v.pipe(
      v.number('lifetimeUtilization must be a number'),
      v.gtValue(0, 'lifetimeUtilization must be positive'),
      v.maxValue(1, 'lifetimeUtilization must be at most 1'),
      v.description('Share of owned hours doing useful work'),
    ),
  ),
  gpuPowerShareOfTdp: v.optional(
    v.pipe(
      v.number('gpuPowerShareOfTdp must be a number'),
      v.gtValue(0, 'gpuPowerShareOfTdp must be positive'),
      v.maxValue(1.5, 'gpuPowerShareOfTdp must be at most 1.5'),
      v.description('Mean GPU draw ÷ TDP'),
    ),
  ),
  serverPowerPerGpuWatt: v.optional(
    v.pipe(
      v.number('serverPowerPerGpuWatt must be a number'),
      v.minValue(1, 'serverPowerPerGpuWatt must be at least 1'),
      v.maxValue(5, 'serverPowerPerGpuWatt must be at most 5'),
      v.description('Server watts per watt of GPU TDP'),
    ),
  ),
  facilityUsdPerKwMonth: v.optional(nonNegative('facilityUsdPerKwMonth', 10_000, 'Facility (space, cooling) per kW of IT load per month, USD')),
  staffFtePer1000Gpus: v.optional(nonNegative('staffFtePer1000Gpus', 1000, 'Operations staff per 1,000 GPUs, FTE')),
  usdPerFteYear: v.optional(nonNegative('usdPerFteYear', 1e7, 'Loaded cost of one FTE per year, USD')),
  experimentMultiplier: v.optional(nonNegative('experimentMultiplier', 100, 'Compute on ablations and failed runs per unit of the final run')),
  run: v.optional(v.strictObject({ gpuHours: positive('run.gpuHours', 1e12, 'GPU-hours of the run to cost both ways') })),
});

const perPart = v.looseObject({ depreciation: v.number(), power: v.number(), facility: v.number(), staff: v.number() });
const ownRent = v.looseObject({ own: v.number(), rent: v.number() });

export const tcoResponseSchema = v.looseObject({
  gpu: v.string(),
  gpuCount: v.number(),
  nodes: v.number(),
  capexUsd: v.number(),
  effectiveUsdPerGpuHour: ownRent,
  runCostUsd: v.optional(ownRent),
  runWithExperimentsCostUsd: v.optional(ownRent),
  breakEvenMonths: v.nullable(v.number()),
  rentVsBuyByMonth: v.array(v.looseObject({ month: v.number(), ownUsd: v.number(), rentUsd: v.number() })),
  facilityPowerKw: v.number(),
  rentalPrice: v.looseObject({ usdPerGpuHour: v.number(), kind: v.string(), source: v.string() }),
  breakdown: v.looseObject({
    capexUsd: v.looseObject({ servers: v.number(), networking: v.number(), storage: v.number() }),
    usdPerGpuHour: perPart,
    usdPerYear: perPart,
  }),
  sensitivity: v.array(
    v.looseObject({ input: v.string(), low: v.number(), high: v.number(), ownUsdPerGpuHourAtLow: v.number(), ownUsdPerGpuHourAtHigh: v.number() }),
  ),
  assumptions: v.array(v.looseObject({ name: v.string(), value: v.number(), kind: v.string(), source: v.string(), given: v.boolean() })),
  /** Formula and values of capex, the owned GPU-hour, the run both ways and the break-even month. */
  explanations: explanationsSchema,
});

/** POST /v1/audit body: a published training claim. Exactly one of days and gpuHours. */
export const auditRequestSchema = v.pipe(
  v.strictObject({
    model: trainingModelSchema,
    tokens: v.pipe(
      v.number('tokens must be a number'),
      v.gtValue(0, 'tokens must be positive'),
      v.maxValue(1e18, 'tokens must be at most 1e18'),
      v.description('Training tokens claimed'),
    ),
    gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100), v.description('GPU id from GET /v1/gpus')),
    gpuCount: v.pipe(
      v.number('gpuCount must be a number'),
      v.integer('gpuCount must be a whole number'),
      v.minValue(1, 'gpuCount must be at least 1'),
      v.maxValue(MAX_COST_GPU_COUNT, `gpuCount must be at most ${MAX_COST_GPU_COUNT}`),
      v.description('GPUs claimed'),
    ),
    precision: v.optional(v.picklist(['fp8', 'bf16'], "precision must be 'fp8' or 'bf16'")),
    sequenceLength: v.optional(
      v.pipe(
        v.number('sequenceLength must be a number'),
        v.integer('sequenceLength must be a whole number'),
        v.minValue(1, 'sequenceLength must be at least 1'),
        v.maxValue(10_000_000, 'sequenceLength must be at most 10000000'),
        v.description('Training sequence length (default 4096)'),
      ),
    ),
    globalBatchTokens: v.optional(
      v.pipe(
        v.number('globalBatchTokens must be a number'),
        v.gtValue(0, 'globalBatchTokens must be positive'),
        v.maxValue(1e12, 'globalBatchTokens must be at most 1e12'),
        v.description("Tokens per step of the claimed run, for the planner's prediction"),
      ),
    ),
    days: v.optional(
      v.pipe(
        v.number('days must be a number'),
        v.gtValue(0, 'days must be positive'),
        v.maxValue(36_500, 'days must be at most 36500'),
        v.description('Claimed wall-clock days'),
      ),
    ),
    gpuHours: v.optional(
      v.pipe(
        v.number('gpuHours must be a number'),
        v.gtValue(0, 'gpuHours must be positive'),
        v.maxValue(1e12, 'gpuHours must be at most 1e12'),
        v.description('Claimed GPU-hours'),
      ),
    ),
    costUsd: v.optional(
      v.pipe(
        v.number('costUsd must be a number'),
        v.gtValue(0, 'costUsd must be positive'),
        v.maxValue(1e13, 'costUsd must be at most 1e13'),
        v.description('Claimed cost, USD'),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['days'], ['gpuHours']],
      (claim: { days?: unknown; gpuHours?: unknown }) => (claim.days === undefined) !== (claim.gpuHours === undefined),
      'give exactly one of days and gpuHours',
    ),
    ['days'],
  ),
);

export const auditResponseSchema = v.looseObject({
  verdict: v.picklist(['plausible', 'optimistic', 'physically impossible']),
  reasons: v.array(v.string()),
  gpuHours: v.number(),
  wallClockDays: v.number(),
  impliedTokensPerSecondPerGpu: v.number(),
  impliedMfu: v.number(),
  shareOfPrecisionPeak: v.number(),
  predicted: v.optional(v.looseObject({ gpuHours: v.number(), tokensPerSecondPerGpu: v.number(), claimedToPredictedSpeed: v.number() })),
  impliedUsdPerGpuHour: v.optional(v.number()),
  leftOut: v.array(v.looseObject({ item: v.string(), estimateUsd: v.number(), source: v.string() })),
  rentalPrice: v.looseObject({ usdPerGpuHour: v.number(), kind: v.string(), source: v.string() }),
  explanations: explanationsSchema,
});
