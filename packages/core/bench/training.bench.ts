import { planTraining, type TrainingRequest } from '../src/index.js';
import { measure, type BenchResult } from './measure.js';

/*
 * `first call` below is the first call of this process, after the inference and accounting
 * suites have warmed shared code (compute kernels, catalogs). A cold Worker isolate pays more:
 * `npm run bench:first-call` (bench/first-call.ts) times one planTraining per fresh process.
 */

/** DeepSeek-V3 on 2,048 H800 (published batch and sequence), no layout: the full search. */
const V3_SEARCH: TrainingRequest = {
  model: 'deepseek-v3', gpu: 'h800', gpuCount: 2048, tokens: 14.8e12, sequenceLength: 4096, globalBatchTokens: 15360 * 4096,
  precision: 'fp8', optimizerStatePrecision: 'bf16',
};

export function suite(): BenchResult[] {
  return [
    measure('training: V3 2,048 H800 full layout search', () => {
      const p = planTraining(V3_SEARCH);
      return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed, best: `${p.parallelism.tp}/${p.parallelism.pp}/${p.parallelism.dp}/${p.parallelism.ep}/${p.parallelism.schedule}` };
    }, 100, 50),
    measure('training: V3 published layout', () => {
      const p = planTraining({ ...V3_SEARCH, parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' } });
      return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed };
    }, 50),
    measure('training: Llama 3.1 405B 16,384 H100 search', () => {
      const p = planTraining({ model: 'llama-3.1-405b', gpu: 'h100', gpuCount: 16384, tokens: 15e12, sequenceLength: 8192, globalBatchTokens: 16 * 1024 * 1024, precision: 'bf16' });
      return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed };
    }, 100, 50),
  ];
}
