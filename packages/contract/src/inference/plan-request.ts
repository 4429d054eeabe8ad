import * as v from 'valibot';
import { gridIntensitySchema } from '../planning/training.js';
import {
  DEFAULT_LOAD_FOLLOWING_UTILIZATION,
  HOURS_PER_DAY,
  INFERENCE_BOUNDS as BOUNDS,
  MAX_DRAFT_TOKENS,
  MAX_MIN_INSTANCES,
  MAX_PEAK_TO_AVERAGE,
  MIN_TOKENS_PER_DAY,
} from '../bounds.js';
import { DEPLOYMENT_MODES } from '../formats.js';
import { backendSchema, count, gpuIdSchema, layoutSchema, modelSchema, positive, precisionSchema, unit } from './common.js';

/** A daily token volume: at least MIN_TOKENS_PER_DAY, at most the planner's bound. */
const tokensPerDay = (field: string, description: string) =>
  v.pipe(
    v.number(`${field} must be a number`),
    v.minValue(MIN_TOKENS_PER_DAY, `${field} must be at least ${MIN_TOKENS_PER_DAY} token per day`),
    v.maxValue(BOUNDS.tokensPerDay, `${field} must be at most ${BOUNDS.tokensPerDay}`),
    v.description(description),
  );

/** POST /v1/inference/plan body: a daily token volume to serve, its SLO, price and deployment choices. */
export const inferencePlanRequestSchema = v.strictObject({
  model: modelSchema,
  gpu: gpuIdSchema,
  precision: precisionSchema,
  workload: v.strictObject({
    inputTokensPerDay: tokensPerDay('workload.inputTokensPerDay', 'Prompt tokens per day, cache hits included'),
    cacheHitRate: v.optional(unit('workload.cacheHitRate', 'Share of input tokens served from the prefix (disk) cache')),
    outputTokensPerDay: tokensPerDay('workload.outputTokensPerDay', 'Generated tokens per day'),
    averageContextTokens: v.optional(
      positive('workload.averageContextTokens', BOUNDS.contextTokens, "Mean context a token sees (tokens); default min(4096, the model's positions)"),
    ),
    peakToAverage: v.optional(
      v.pipe(
        v.number('workload.peakToAverage must be a number'),
        v.minValue(1, 'workload.peakToAverage must be at least 1'),
        v.maxValue(MAX_PEAK_TO_AVERAGE, `workload.peakToAverage must be at most ${MAX_PEAK_TO_AVERAGE}`),
        v.description('Busiest hour ÷ daily average of the default daily shape (one smooth peak a day); ignored when hourlyLoad is given'),
      ),
    ),
    hourlyLoad: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.number('workload.hourlyLoad values must be numbers'),
            v.minValue(0, 'workload.hourlyLoad values must be ≥ 0'),
            v.maxValue(BOUNDS.hourlyLoad, `workload.hourlyLoad values must be at most ${BOUNDS.hourlyLoad}`),
          ),
        ),
        v.length(HOURS_PER_DAY, `workload.hourlyLoad must list ${HOURS_PER_DAY} hourly values`),
        v.check((load) => load.some((value) => value > 0), 'workload.hourlyLoad must have some load (a positive sum)'),
        v.description('Relative load of each hour of the day (any scale, normalised to mean 1); the fleet scales in whole instances hour by hour'),
      ),
    ),
    utilization: v.optional(
      v.pipe(
        v.number('workload.utilization must be a number'),
        v.gtValue(0, 'workload.utilization must be positive'),
        v.maxValue(1, 'workload.utilization must be at most 1'),
        v.description(
          `Share of an instance's engine capacity it delivers on average (headroom, bursts, restarts); default ${DEFAULT_LOAD_FOLLOWING_UTILIZATION}, fitted on DeepSeek's Day-6 disclosure (a fit of one value on two figures)`,
        ),
      ),
    ),
    // aggregated mode's mean request; default: prompt = averageContextTokens, output from the daily output ÷ input volumes
    averageInputTokens: v.optional(positive('workload.averageInputTokens', BOUNDS.contextTokens, 'Mean prompt tokens per request (aggregated mode)')),
    averageOutputTokens: v.optional(positive('workload.averageOutputTokens', BOUNDS.contextTokens, 'Mean output tokens per request (aggregated mode)')),
  }),
  slo: v.optional(
    v.strictObject({
      minOutputTokensPerSecondPerUser: v.optional(
        positive('slo.minOutputTokensPerSecondPerUser', BOUNDS.tokensPerSecondPerUser, 'Least decode speed each user sees, tokens/s'),
      ),
      maxTtftMs: v.optional(positive('slo.maxTtftMs', BOUNDS.ttftMs, 'Mean time to first token limit, ms')),
    }),
  ),
  pricePerGpuHourUsd: v.optional(
    positive('pricePerGpuHourUsd', BOUNDS.pricePerGpuHourUsd, "Rental price, USD per GPU-hour (default: the GPU's price file, named in `price`)"),
  ),
  gridKgCo2PerKwh: v.optional(gridIntensitySchema),
  deployment: v.optional(
    v.strictObject({
      // disaggregated: prefill + decode pools; aggregated: one pool doing both; auto (default unless a pool layout is pinned): both sized, the cheaper feasible one answers
      mode: v.optional(v.picklist(DEPLOYMENT_MODES, 'deployment.mode must be one of disaggregated, aggregated, auto')),
      minInstances: v.optional(count('deployment.minInstances', MAX_MIN_INSTANCES, 'Instances every pool keeps at any hour (default 1)')),
      prefill: v.optional(layoutSchema),
      decode: v.optional(layoutSchema),
      aggregated: v.optional(layoutSchema),
      twoBatchOverlap: v.optional(v.boolean()),
      expertSkew: v.optional(
        v.pipe(
          v.number('deployment.expertSkew must be a number'),
          v.minValue(1, 'deployment.expertSkew must be at least 1'),
          v.maxValue(BOUNDS.expertSkew, `deployment.expertSkew must be at most ${BOUNDS.expertSkew}`),
          v.description('Busiest EP rank load ÷ mean (1 = balanced routing)'),
        ),
      ),
      mtp: v.optional(
        v.strictObject({
          draftTokens: v.optional(count('deployment.mtp.draftTokens', MAX_DRAFT_TOKENS, 'Draft tokens per step')),
          acceptance: v.optional(unit('deployment.mtp.acceptance', 'Chained acceptance probability of each draft token')),
        }),
      ),
      backend: v.optional(backendSchema),
    }),
  ),
});
