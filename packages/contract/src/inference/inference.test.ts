import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import { DEFAULT_LOAD_FOLLOWING_UTILIZATION, HOURS_PER_DAY, MAX_SERVING_INSTANCE_GPUS } from '../bounds.js';
import { KV_FORMATS, WEIGHT_FORMATS } from '../formats.js';
import type { InferencePlanRequest, ThroughputRequest } from '../types.js';
import { kvFormatSchema, weightFormatSchema } from './common.js';
import { kvCacheRequestSchema } from './kv-cache.js';
import { inferencePlanRequestSchema } from './plan-request.js';
import { throughputRequestSchema } from './throughput.js';

const PLAN: InferencePlanRequest = {
  model: 'llama-3.1-70b',
  gpu: 'h100',
  precision: { weights: 'fp8', kvCache: 'fp8' },
  workload: { inputTokensPerDay: 1e10, outputTokensPerDay: 2e9 },
};
const THROUGHPUT: ThroughputRequest = {
  model: 'llama-3.1-8b',
  gpu: 'h100',
  gpuCount: 1,
  precision: { weights: 'bf16', kvCache: 'bf16' },
  inputTokens: 10,
  outputTokens: 10,
  concurrency: 1,
};
const plan = (patch: Partial<InferencePlanRequest>) => issuesOf(inferencePlanRequestSchema, { ...PLAN, ...patch });
const workload = (patch: Record<string, unknown>) => plan({ workload: { ...PLAN.workload, ...patch } as InferencePlanRequest['workload'] });

describe('inference request schemas', () => {
  it('accept a valid request as is', () => {
    expect(plan({})).toEqual([]);
    expect(issuesOf(throughputRequestSchema, THROUGHPUT)).toEqual([]);
    expect(issuesOf(kvCacheRequestSchema, { model: { config: { hidden_size: 1 } }, contextTokens: 4096 })).toEqual([]);
  });

  it('an unknown deployment.mode names it', () => {
    expect(plan({ deployment: { mode: 'both' as never } })).toEqual(['deployment.mode: deployment.mode must be one of disaggregated, aggregated, auto']);
  });

  it('unknown precisions name the field and list the formats', () => {
    expect(issuesOf(kvCacheRequestSchema, { model: 'llama-3.1-8b', contextTokens: 10, kvCacheDtype: 'fp7' })).toEqual([
      `kvCacheDtype: KV-cache precision must be one of ${KV_FORMATS.join(', ')}`,
    ]);
    expect(issuesOf(weightFormatSchema, 'fp7')).toEqual([`: precision.weights must be one of ${WEIGHT_FORMATS.join(', ')}`]);
    expect(issuesOf(kvFormatSchema, 'bf16')).toEqual([]);
  });

  it('counts are whole numbers from 1 to their bound: zero concurrency, 100,000 GPUs, fractional layouts', () => {
    expect(issuesOf(throughputRequestSchema, { ...THROUGHPUT, concurrency: 0 })).toEqual(['concurrency: concurrency must be at least 1']);
    expect(issuesOf(throughputRequestSchema, { ...THROUGHPUT, gpuCount: 100_000 })).toEqual([
      `gpuCount: gpuCount must be at most ${MAX_SERVING_INSTANCE_GPUS}`,
    ]);
    expect(issuesOf(throughputRequestSchema, { ...THROUGHPUT, parallelism: { attentionTp: 1.5, attentionDp: 1, moeTp: 1, moeEp: 1 } })).toEqual([
      'parallelism.attentionTp: attentionTp must be a whole number',
    ]);
  });

  it('workload bounds: positive volumes, utilisation in (0, 1], peak ÷ average ≥ 1', () => {
    expect(workload({ inputTokensPerDay: 0 })).toEqual(['workload.inputTokensPerDay: workload.inputTokensPerDay must be at least 1 token per day']);
    expect(workload({ utilization: 0 })).toEqual(['workload.utilization: workload.utilization must be positive']);
    expect(workload({ utilization: 1.5 })).toEqual(['workload.utilization: workload.utilization must be at most 1']);
    expect(workload({ peakToAverage: 0.5 })).toEqual(['workload.peakToAverage: workload.peakToAverage must be at least 1']);
    expect(workload({ cacheHitRate: 1.5 })).toEqual(['workload.cacheHitRate: workload.cacheHitRate must be ≤ 1']);
  });

  it(`hourlyLoad: ${HOURS_PER_DAY} values ≥ 0 with some load`, () => {
    expect(workload({ hourlyLoad: [1, 2, 3] })).toEqual([`workload.hourlyLoad: workload.hourlyLoad must list ${HOURS_PER_DAY} hourly values`]);
    expect(workload({ hourlyLoad: Array.from({ length: HOURS_PER_DAY }, () => 0) })).toEqual([
      'workload.hourlyLoad: workload.hourlyLoad must have some load (a positive sum)',
    ]);
    expect(workload({ hourlyLoad: Array.from({ length: HOURS_PER_DAY }, (_, h) => (h === 3 ? -1 : 1)) })).toEqual([
      'workload.hourlyLoad.3: workload.hourlyLoad values must be ≥ 0',
    ]);
    expect(workload({ hourlyLoad: Array.from({ length: HOURS_PER_DAY }, (_, h) => (h === 14 ? 1 : 0)) })).toEqual([]);
  });

  it('unknown fields are refused (strict objects), at any depth', () => {
    expect(plan({ extra: true } as Partial<InferencePlanRequest>)).toEqual(['extra: Invalid key: Expected never but received "extra"']);
    expect(plan({ deployment: { mtp: { draftTokens: 9 } } })).toEqual(['deployment.mtp.draftTokens: deployment.mtp.draftTokens must be at most 8']);
  });

  it('documents the default utilisation it states', () => {
    const utilization = inferencePlanRequestSchema.entries.workload.entries.utilization.wrapped;
    const description = utilization.pipe.find((item) => item.type === 'description') as { description: string } | undefined;
    expect(description?.description).toContain(`default ${DEFAULT_LOAD_FOLLOWING_UTILIZATION}`);
  });
});
