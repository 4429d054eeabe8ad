/**
 * The planner's entry points take requests that passed the contract's schemas (@gcp/contract);
 * the requests the core's own golden test, benches and calibration feed them directly must be
 * ones the API would accept, or they would exercise inputs no caller can send.
 */
import * as v from 'valibot';
import { inferencePlanRequestSchema, kvCacheRequestSchema, throughputRequestSchema, trainingPlanRequestSchema } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { FLEET_BENCH_CASES } from '../bench/inference-requests.js';
import { BENCH_CASES } from '../bench/training-requests.js';
import { DEEPSEEK_DAY6 } from '../calibration/inference/fleet.js';
import { GOLDEN_KV_CACHE, GOLDEN_THROUGHPUT, GOLDEN_TRAINING } from '../src/golden/requests.js';

const issues = (schema: v.GenericSchema, request: unknown) => {
  const result = v.safeParse(schema, request);
  return result.success ? [] : result.issues.map((issue) => issue.message);
};

describe('requests the core feeds itself are inside the contract', () => {
  it.each(Object.entries({ ...GOLDEN_TRAINING, ...BENCH_CASES }))('training %s', (_name, request) => {
    expect(issues(trainingPlanRequestSchema, request)).toEqual([]);
  });
  it.each(Object.entries(GOLDEN_THROUGHPUT))('throughput %s', (_name, request) => {
    expect(issues(throughputRequestSchema, request)).toEqual([]);
  });
  it.each(Object.entries(GOLDEN_KV_CACHE))('KV cache %s', (_name, request) => {
    expect(issues(kvCacheRequestSchema, request)).toEqual([]);
  });
  it.each(Object.entries({ ...FLEET_BENCH_CASES, DEEPSEEK_DAY6 }))('inference plan %s', (_name, request) => {
    expect(issues(inferencePlanRequestSchema, request)).toEqual([]);
  });
});
