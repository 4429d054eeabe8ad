import { explanationsSchema } from '../explanations.js';
import * as v from 'valibot';
import { MAX_PROGRAMME_PHASES } from '../bounds.js';
import {
  fp8ScalingSchema,
  gradientPrecisionSchema,
  optimizerStatePrecisionSchema,
  PIN_OR_CONSTRAIN_MESSAGE,
  pinsOrConstrains,
  positiveInt,
  trainingLayoutConstraintsSchema,
  trainingModelSchema,
  trainingParallelismSchema,
  trainingPrecisionSchema as precision,
} from './training.js';

const positive = (name: string, max: number) =>
  v.pipe(v.number(`${name} must be a number`), v.gtValue(0, `${name} must be positive`), v.maxValue(max, `${name} must be at most ${max}`));

/** One phase: exactly one of tokens / steps and one of globalBatchTokens / batchSequences (checked by the core, naming the field). */
const phaseSchema = v.pipe(
  v.strictObject({
    name: v.pipe(v.string('name must be a string'), v.minLength(1), v.maxLength(100)),
    tokens: v.optional(positive('tokens', 1e18)),
    steps: v.optional(positiveInt('steps', 1e9)),
    sequenceLength: positiveInt('sequenceLength', 10_000_000),
    globalBatchTokens: v.optional(positive('globalBatchTokens', 1e12)),
    batchSequences: v.optional(positiveInt('batchSequences', 1e9)),
    precision: v.optional(precision),
    parallelism: v.optional(trainingParallelismSchema),
    layoutConstraints: v.optional(trainingLayoutConstraintsSchema),
  }),
  v.forward(
    v.partialCheck(
      [['tokens'], ['steps']],
      (p: { tokens?: unknown; steps?: unknown }) => (p.tokens === undefined) !== (p.steps === undefined),
      'give exactly one of tokens and steps',
    ),
    ['tokens'],
  ),
  v.forward(
    v.partialCheck(
      [['globalBatchTokens'], ['batchSequences']],
      (p: { globalBatchTokens?: unknown; batchSequences?: unknown }) => (p.globalBatchTokens === undefined) !== (p.batchSequences === undefined),
      'give exactly one of globalBatchTokens and batchSequences',
    ),
    ['globalBatchTokens'],
  ),
  v.forward(v.partialCheck([['parallelism'], ['layoutConstraints']], pinsOrConstrains, PIN_OR_CONSTRAIN_MESSAGE), ['layoutConstraints']),
);

/** POST /v1/training/program body. */
export const programmeRequestSchema = v.strictObject({
  model: trainingModelSchema,
  gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100)),
  gpuCount: positiveInt('gpuCount', 1_000_000),
  phases: v.pipe(
    v.array(phaseSchema),
    v.minLength(1, 'phases must list at least one phase'),
    v.maxLength(MAX_PROGRAMME_PHASES, `phases must list at most ${MAX_PROGRAMME_PHASES}`),
  ),
  precision: v.optional(precision),
  optimizerStatePrecision: v.optional(optimizerStatePrecisionSchema),
  gradientPrecision: v.optional(gradientPrecisionSchema),
  fp8Scaling: v.optional(fp8ScalingSchema),
  pricePerGpuHourUsd: v.optional(v.pipe(v.number(), v.minValue(0, 'pricePerGpuHourUsd must be ≥ 0'), v.maxValue(1e6))),
});

export const programmeResponseSchema = v.looseObject({
  phases: v.array(v.looseObject({ name: v.string(), gpuHours: v.number(), wallClockDays: v.number(), costUsd: v.number(), plan: v.looseObject({}) })),
  totals: v.looseObject({ gpuHours: v.number(), wallClockDays: v.number(), costUsd: v.number(), energyMWh: v.number() }),
  warnings: v.array(v.string()),
  assumptions: v.array(v.string()),
  explanations: explanationsSchema,
});

/** POST /v1/training/rl body: GRPO vs PPO for one policy and the same rollouts. */
export const rlRequestSchema = v.pipe(
  v.strictObject({
    model: trainingModelSchema,
    gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100)),
    gpuCount: positiveInt('gpuCount', 100_000),
    promptsPerStep: positiveInt('promptsPerStep', 1_000_000),
    groupSize: positiveInt('groupSize', 1024),
    promptTokens: positiveInt('promptTokens', 1_000_000),
    responseTokens: positiveInt('responseTokens', 1_000_000),
    maxResponseTokens: v.optional(positiveInt('maxResponseTokens', 1_000_000)),
    steps: positiveInt('steps', 10_000_000),
    criticModel: v.optional(trainingModelSchema),
    rewardModel: v.optional(v.nullable(trainingModelSchema)),
    referenceModel: v.optional(v.nullable(trainingModelSchema)),
    generationGpuShare: v.optional(
      v.pipe(
        v.number('generationGpuShare must be a number'),
        v.gtValue(0, 'generationGpuShare must be positive'),
        v.maxValue(1, 'generationGpuShare must be at most 1'),
      ),
    ),
    miniBatchesPerStep: v.optional(positiveInt('miniBatchesPerStep', 1_000_000)),
    precision: v.optional(precision),
    pricePerGpuHourUsd: v.optional(v.pipe(v.number(), v.minValue(0, 'pricePerGpuHourUsd must be ≥ 0'), v.maxValue(1e6))),
  }),
  v.forward(
    v.partialCheck(
      [['miniBatchesPerStep'], ['promptsPerStep'], ['groupSize']],
      (r) => r.miniBatchesPerStep === undefined || (r.promptsPerStep * r.groupSize) % r.miniBatchesPerStep === 0,
      'miniBatchesPerStep must divide the rollouts per step (promptsPerStep × groupSize)',
    ),
    ['miniBatchesPerStep'],
  ),
  v.forward(
    v.partialCheck(
      [['maxResponseTokens'], ['responseTokens']],
      (r: { maxResponseTokens?: number; responseTokens: number }) => r.maxResponseTokens === undefined || r.maxResponseTokens >= r.responseTokens,
      'maxResponseTokens must be at least responseTokens (the mean response)',
    ),
    ['maxResponseTokens'],
  ),
);

const algorithm = v.looseObject({
  gpuHours: v.number(),
  wallClockHours: v.number(),
  costUsd: v.number(),
  stages: v.array(v.looseObject({ name: v.string(), gpuHours: v.number() })),
});

export const rlResponseSchema = v.looseObject({
  grpo: algorithm,
  ppo: algorithm,
  ppoToGrpoCostRatio: v.number(),
  warnings: v.array(v.string()),
  assumptions: v.array(v.string()),
  explanations: explanationsSchema,
});
