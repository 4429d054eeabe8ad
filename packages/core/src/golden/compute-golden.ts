import { estimateThroughput, kvCacheReport, planTraining } from '../index.js';
import { GOLDEN_KV_CACHE, GOLDEN_THROUGHPUT, GOLDEN_TRAINING } from './requests.js';

/** The golden outputs as JSON would carry them: one section per planner function, one entry per request name. */
export interface GoldenOutputs {
  readonly training: Record<string, unknown>;
  readonly throughput: Record<string, unknown>;
  readonly kvCache: Record<string, unknown>;
}

/** Round-trip through JSON so the comparison sees what the API would send (no undefined, no class instances). */
function asJson(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

function each<R>(requests: Readonly<Record<string, R>>, run: (r: R) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(requests).map(([name, r]) => [name, asJson(run(r))]));
}

export function computeGoldenOutputs(): GoldenOutputs {
  return {
    training: each(GOLDEN_TRAINING, planTraining),
    throughput: each(GOLDEN_THROUGHPUT, estimateThroughput),
    kvCache: each(GOLDEN_KV_CACHE, kvCacheReport),
  };
}
