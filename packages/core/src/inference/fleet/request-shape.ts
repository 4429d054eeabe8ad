import type { InferenceWorkload } from '@gcp/contract';
import { PlannerInputError } from '../../errors.js';
import type { ModelArchitecture } from '../../models/types.js';
import type { AggregatedRequestShape } from '../serving/aggregated.js';
import { contextWithinModel } from '../inputs.js';

/**
 * The mean request of the day for the aggregated closed loop: `workload.averageInputTokens` /
 * `averageOutputTokens` when given; otherwise the prompt is `averageContextTokens` (what the
 * prefill pool computes, hits at `cacheHitRate`) and the output follows from the daily volumes
 * (output ÷ input tokens per day × prompt), capped so the sequence fits the model's positions.
 */
export function requestShape(
  w: Pick<InferenceWorkload, 'averageInputTokens' | 'averageOutputTokens'>,
  c: { arch: ModelArchitecture; averageContextTokens: number; cacheHitRate: number; inputTokensPerDay: number; outputTokensPerDay: number },
  assumptions: string[],
): AggregatedRequestShape {
  const ratio = c.outputTokensPerDay / c.inputTokensPerDay;
  const givenIn = w.averageInputTokens;
  const givenOut = w.averageOutputTokens;
  if (givenIn !== undefined) contextWithinModel(c.arch, givenIn + 1, 'workload.averageInputTokens');
  let input = givenIn ?? (givenOut !== undefined ? givenOut / ratio : c.averageContextTokens);
  input = Math.max(1, Math.round(Math.min(input, c.arch.maxPositionEmbeddings - 1)));
  let output = Math.max(1, Math.round(givenOut ?? input * ratio));
  if (input + output > c.arch.maxPositionEmbeddings) {
    if (givenIn !== undefined && givenOut !== undefined)
      throw PlannerInputError.at('workload.averageOutputTokens', "with averageInputTokens exceeds the model's max_position_embeddings");
    output = c.arch.maxPositionEmbeddings - input;
    assumptions.push("aggregated: output tokens per request capped at the model's max_position_embeddings");
  }
  if (givenIn === undefined && givenOut === undefined)
    assumptions.push('aggregated: prompt = averageContextTokens, output per request from the daily output ÷ input volumes');
  return { inputTokens: input, outputTokens: output, cacheHitRate: c.cacheHitRate };
}
