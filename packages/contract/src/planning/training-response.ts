import * as v from 'valibot';
import { calibrationSummarySchema } from '../calibration-band.js';
import { explanationsSchema } from '../explanations.js';

const layoutSchema = v.looseObject({
  tp: v.number(),
  cp: v.number(),
  pp: v.number(),
  dp: v.number(),
  ep: v.number(),
  zero: v.number(),
  microBatchSize: v.number(),
  schedule: v.string(),
  virtualStages: v.number(),
  recompute: v.string(),
});

/**
 * 200 for every plannable request. `feasible: false` (with `fits: false` and `reasons`) when no
 * layout fits in HBM: the closest layout is returned with its memory breakdown.
 */
export const trainingPlanResponseSchema = v.looseObject({
  feasible: v.boolean(),
  fits: v.boolean(),
  reasons: v.array(v.string()),
  /** Inputs that waste the cluster (a global batch too small for the GPU count, a pinned layout far from the best); [] when none. */
  warnings: v.array(v.string()),
  gpuHours: v.number(),
  wallClockDays: v.number(),
  costUsd: v.number(),
  /** The rental price charged and its source: the request's, or the GPU's default from its price file. */
  price: v.looseObject({ usdPerGpuHour: v.number(), kind: v.string(), source: v.string(), date: v.optional(v.string()) }),
  /** Facility energy of the run, MWh; CO₂ tonnes when the request gives gridKgCo2PerKwh. */
  energyMWh: v.number(),
  co2Tonnes: v.optional(v.number()),
  tokensPerSecondPerGpu: v.number(),
  calibration: v.optional(calibrationSummarySchema),
  stepTimeSeconds: v.number(),
  mfu: v.number(),
  mfuBasis: v.string(),
  parallelism: layoutSchema,
  hbmCapacityBytes: v.pipe(v.number(), v.description('HBM capacity of one GPU, bytes (what memoryPerGpuBytes.total must fit in)')),
  memoryPerGpuBytes: v.looseObject({
    total: v.number(),
    weights: v.number(),
    fp8WeightCopies: v.number(),
    gradients: v.number(),
    optimizerStates: v.number(),
    activations: v.number(),
    transient: v.number(),
  }),
  timeBreakdown: v.looseObject({
    compute: v.number(),
    pipelineBubble: v.number(),
    optimizerStep: v.number(),
    overlappedCommunication: v.number(),
    overlappedTensorParallel: v.optional(
      v.pipe(v.number(), v.description('Tensor-parallel collectives hidden behind the GEMMs by TP communication overlap, s per step (0 unless tpCommOverlap)')),
    ),
    exposedCommunication: v.looseObject({
      tensorParallel: v.number(),
      contextParallel: v.number(),
      expertAllToAll: v.number(),
      pipelineSend: v.number(),
      dataParallel: v.number(),
    }),
  }),
  bottleneck: v.string(),
  alternatives: v.array(v.looseObject({ parallelism: layoutSchema, stepTimeSeconds: v.number(), gpuHours: v.number() })),
  rejectedLayouts: v.record(v.string(), v.number()),
  efficiencyParameters: v.record(v.string(), v.number()),
  assumptions: v.array(v.string()),
  /** Formula and values of each headline number (gpuHours, wallClockDays, costUsd, tokensPerSecondPerGpu, mfu, stepTimeSeconds, steps, memoryPerGpuBytes.total). */
  explanations: explanationsSchema,
});
