import { planTraining, planTrainingProgramme, MAX_PROGRAMME_PHASES, type TrainingProgrammeRequest, type TrainingRequest } from '../src/index.js';
import { V3_SEARCH } from './training-requests.js';
import { measure, type BenchResult } from './measure.js';

/*
 * The most expensive requests the schemas accept that we found (a quick probe, not a proof):
 * the layout search grows with the GPU count's divisors and with the sequence length (more
 * context-parallel and micro-batch choices), and a programme runs one search per phase.
 * Probed on 2 shared cores: V3 searches on 2,048-983,040 GPUs at 4K took 30-40 ms first call,
 * 786,432 GPUs at 128K 270 ms, 524,288 GPUs at 128K 190-380 ms, at 4M tokens 0.8 s.
 */

/** 524,288 = 2^19 GPUs (many power-of-two layouts); the largest batch ≤ the 1e12-token bound. */
const LARGEST_GPU_COUNT = 2 ** 19;
const LARGEST_BATCH_TOKENS_LOG2 = 39;
const SHORTEST_SEQUENCE_LOG2 = 12;
/** 4,194,304-token sequences: the largest power of two under the 10M bound. */
const LONGEST_SEQUENCE_LOG2 = 22;

/** DeepSeek-V3 on 524,288 H800, 4M-token sequences, a 2^39-token batch, layout searched. */
export const LARGEST_TRAINING_SEARCH: TrainingRequest = {
  ...V3_SEARCH,
  gpuCount: LARGEST_GPU_COUNT,
  sequenceLength: 2 ** LONGEST_SEQUENCE_LOG2,
  globalBatchTokens: 2 ** LARGEST_BATCH_TOKENS_LOG2,
};

const SEQUENCE_CHOICES = LONGEST_SEQUENCE_LOG2 - SHORTEST_SEQUENCE_LOG2 + 1;

/**
 * The same model and cluster with the most phases a programme may have (32), all distinct:
 * sequences 4K…4M, batches 2^39, 2^38, 2^37 tokens; each phase is a full layout search.
 */
export const LARGEST_PROGRAMME: TrainingProgrammeRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: LARGEST_GPU_COUNT,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
  phases: Array.from({ length: MAX_PROGRAMME_PHASES }, (_, i) => {
    const sequenceLog2 = SHORTEST_SEQUENCE_LOG2 + (i % SEQUENCE_CHOICES);
    const batchLog2 = LARGEST_BATCH_TOKENS_LOG2 - Math.floor(i / SEQUENCE_CHOICES);
    return { name: `phase ${i + 1}`, tokens: 1e15, sequenceLength: 2 ** sequenceLog2, globalBatchTokens: 2 ** batchLog2 };
  }),
};

export function suite(): BenchResult[] {
  return [
    measure(
      'largest: V3 search 524,288 H800 at 4M tokens',
      () => {
        const p = planTraining(LARGEST_TRAINING_SEARCH);
        return { layoutsConsidered: p.layoutsConsidered, layoutsTimed: p.layoutsTimed };
      },
      3,
      1,
    ),
    measure(
      'largest: V3 programme, 32 phases, 524,288 H800',
      () => {
        const p = planTrainingProgramme(LARGEST_PROGRAMME);
        return { phases: p.phases.length };
      },
      2,
      0,
    ),
  ];
}
