import { planTraining } from '../src/index.js';
import { LLAMA_405B_SEARCH, MEGATRON_1T_SEARCH, V3_PUBLISHED, V3_SEARCH } from './training-requests.js';
import { measure, type BenchResult } from './measure.js';

/*
 * `first call` below is the first call of this process, after the inference and accounting
 * suites have warmed shared code (compute kernels, catalogs). A cold Worker isolate pays more:
 * `npm run bench:first-call` (bench/first-call.ts) times one planTraining per fresh process.
 */

export function suite(): BenchResult[] {
  return [
    measure(
      'training: V3 2,048 H800 full layout search',
      () => {
        const p = planTraining(V3_SEARCH);
        return {
          layoutsConsidered: p.layoutsConsidered,
          layoutsTimed: p.layoutsTimed,
          best: `${p.parallelism.tp}/${p.parallelism.pp}/${p.parallelism.dp}/${p.parallelism.ep}/${p.parallelism.schedule}`,
        };
      },
      100,
      50,
    ),
    measure(
      'training: V3 published layout',
      () => {
        const p = planTraining(V3_PUBLISHED);
        return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed };
      },
      50,
    ),
    measure(
      'training: Llama 3.1 405B 16,384 H100 search',
      () => {
        const p = planTraining(LLAMA_405B_SEARCH);
        return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed };
      },
      100,
      50,
    ),
    measure(
      'training: Megatron 1T 3,072 A100 search',
      () => {
        const p = planTraining(MEGATRON_1T_SEARCH);
        return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed, best: `${p.parallelism.tp}/${p.parallelism.pp}/${p.parallelism.dp}` };
      },
      100,
      50,
    ),
  ];
}
