import * as v from 'valibot';
import { TRAINING_BOUNDS as BOUNDS } from '../bounds.js';
import {
  ATTENTION_KERNELS,
  FP8_SCALINGS,
  GRADIENT_PRECISIONS,
  OPTIMIZER_STATE_PRECISIONS,
  PIPELINE_SCHEDULES,
  RECOMPUTE_MODES,
  TRAINING_PRECISIONS,
  ZERO_STAGES,
} from '../formats.js';
import { jsonObjectSchema } from '../json-object.js';

/** A whole number in [1, max], messages naming the field. */
export const positiveInt = (field: string, max: number) =>
  v.pipe(
    v.number(`${field} must be a number`),
    v.integer(`${field} must be a whole number`),
    v.minValue(1, `${field} must be at least 1`),
    v.maxValue(max, `${field} must be at most ${max}`),
  );

const finiteNumber = (field: string) => v.pipe(v.number(`${field} must be a number`), v.finite(`${field} must be finite`));

/** Grid carbon intensity, kg CO₂ per kWh (coal-heavy grids ~1; the planner reports CO₂ only when given). */
export const MAX_GRID_KG_CO2_PER_KWH = 2;
export const gridIntensitySchema = v.pipe(
  v.number('gridKgCo2PerKwh must be a number'),
  v.minValue(0, 'gridKgCo2PerKwh must be ≥ 0'),
  v.maxValue(MAX_GRID_KG_CO2_PER_KWH, `gridKgCo2PerKwh must be at most ${MAX_GRID_KG_CO2_PER_KWH}`),
  v.description('Grid carbon intensity, kg CO₂ per kWh; when given, plans report CO₂ tonnes'),
);

/** `model` of a training request: a catalog id or a pasted config.json. */
export const trainingModelSchema = v.union(
  [
    v.pipe(v.string(), v.minLength(1, 'model must not be empty'), v.maxLength(BOUNDS.modelIdLength)),
    v.strictObject({ config: jsonObjectSchema('model.config must be a JSON object (the contents of config.json)') }),
  ],
  'model must be a catalog id or {"config": {...}}',
);

/** A layout as a request may pin it; unset optional fields are searched. */
export const trainingParallelismSchema = v.strictObject({
  tp: positiveInt('tp', BOUNDS.tp),
  pp: positiveInt('pp', BOUNDS.pp),
  dp: positiveInt('dp', BOUNDS.dp),
  ep: positiveInt('ep', BOUNDS.ep),
  cp: v.optional(positiveInt('cp', BOUNDS.cp)),
  zero: v.optional(v.picklist(ZERO_STAGES, 'zero must be 0, 1, 2 or 3')),
  microBatchSize: v.optional(positiveInt('microBatchSize', BOUNDS.microBatchSize)),
  schedule: v.optional(v.picklist(PIPELINE_SCHEDULES, "schedule must be '1f1b', 'interleaved', 'zerobubble' or 'dualpipe'")),
  virtualStages: v.optional(positiveInt('virtualStages', BOUNDS.virtualStages)),
  recompute: v.optional(v.picklist(RECOMPUTE_MODES, "recompute must be 'none', 'selective', 'selective-op' or 'full'")),
});

/**
 * Fields every searched layout must have (the rest searched): e.g. `{ tp: 1 }` for a stack without
 * tensor parallelism, `{ pp: 8, schedule: 'interleaved' }`: `parallelism`'s fields and bounds, all
 * optional; a request gives one or the other.
 */
export const trainingLayoutConstraintsSchema = v.partial(trainingParallelismSchema);

/** The rule a request (or phase) breaks when it gives both parallelism and layoutConstraints (reported on layoutConstraints). */
export const PIN_OR_CONSTRAIN_MESSAGE = 'give parallelism (one layout) or layoutConstraints (fields every searched layout keeps), not both';
/** PIN_OR_CONSTRAIN_MESSAGE's rule: at most one of the two is given. */
export const pinsOrConstrains = (p: { parallelism?: unknown; layoutConstraints?: unknown }): boolean =>
  p.parallelism === undefined || p.layoutConstraints === undefined;

/** Training precision, and the recipe's state precisions and FP8 scaling: one rule each for plan requests, programmes and RL. */
export const trainingPrecisionSchema = v.picklist(TRAINING_PRECISIONS, "precision must be 'fp8' or 'bf16'");
export const optimizerStatePrecisionSchema = v.picklist(OPTIMIZER_STATE_PRECISIONS, "optimizerStatePrecision must be 'fp32' or 'bf16'");
export const gradientPrecisionSchema = v.picklist(GRADIENT_PRECISIONS, "gradientPrecision must be 'fp32' or 'bf16'");
export const fp8ScalingSchema = v.picklist(FP8_SCALINGS, "fp8Scaling must be 'delayed', 'blockwise' or 'current'");

/**
 * POST /v1/training/plan body. Megatron layout: tp × pp × dp (× cp) = gpuCount, ep divides tp × dp
 * (checked by the planner, with the rules that need the model and the GPU); a global batch holds
 * at least one sequence (checked here).
 */
export const trainingPlanRequestSchema = v.pipe(
  v.strictObject({
    model: trainingModelSchema,
    gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(BOUNDS.gpuIdLength)),
    gpuCount: positiveInt('gpuCount', BOUNDS.gpuCount),
    tokens: v.pipe(finiteNumber('tokens'), v.gtValue(0, 'tokens must be positive'), v.maxValue(BOUNDS.tokens, 'tokens must be at most 1e18')),
    sequenceLength: positiveInt('sequenceLength', BOUNDS.sequenceLength),
    globalBatchTokens: v.optional(
      v.pipe(finiteNumber('globalBatchTokens'), v.minValue(1, 'globalBatchTokens must be positive'), v.maxValue(BOUNDS.globalBatchTokens)),
    ),
    precision: trainingPrecisionSchema,
    parallelism: v.optional(trainingParallelismSchema),
    layoutConstraints: v.optional(trainingLayoutConstraintsSchema),
    pricePerGpuHourUsd: v.optional(
      v.pipe(finiteNumber('pricePerGpuHourUsd'), v.minValue(0, 'pricePerGpuHourUsd must be ≥ 0'), v.maxValue(BOUNDS.pricePerGpuHourUsd)),
    ),
    optimizerStatePrecision: v.optional(optimizerStatePrecisionSchema),
    gradientPrecision: v.optional(gradientPrecisionSchema),
    fp8Scaling: v.optional(fp8ScalingSchema),
    attentionKernel: v.optional(
      v.pipe(
        v.picklist(ATTENTION_KERNELS, "attentionKernel must be 'flash' or 'materialized'"),
        v.description(
          "Attention-core kernels of the training stack: 'flash' (default; FlashAttention-style, scores never in HBM) or 'materialized' (s×s scores in HBM, pre-2022 stacks such as 2021 Megatron-LM)",
        ),
      ),
    ),
    tpCommOverlap: v.optional(
      v.pipe(
        v.boolean('tpCommOverlap must be true or false'),
        v.description(
          'Overlap tensor-parallel all-gathers / reduce-scatters with the GEMMs (Megatron-Core / Transformer Engine tp_comm_overlap); default false. timeBreakdown reports exposed and overlapped TP time.',
        ),
      ),
    ),
    alternatives: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(BOUNDS.alternatives))),
    gridKgCo2PerKwh: v.optional(gridIntensitySchema),
  }),
  v.forward(
    v.partialCheck(
      [['globalBatchTokens'], ['sequenceLength']],
      (request) => request.globalBatchTokens === undefined || request.globalBatchTokens >= request.sequenceLength,
      'globalBatchTokens must hold at least one sequence (≥ sequenceLength)',
    ),
    ['globalBatchTokens'],
  ),
  v.forward(v.partialCheck([['parallelism'], ['layoutConstraints']], pinsOrConstrains, PIN_OR_CONSTRAIN_MESSAGE), ['layoutConstraints']),
);
