import { HOURS_PER_DAY } from '@gcp/contract';
import type { Explanations } from '@gcp/contract';
import type { MemoryBreakdown, TimeBreakdown } from '../training/types.js';
import { explain, explanations, SECONDS_PER_HOUR } from './explanation.js';

/** What a training plan's headline numbers are made of (the fields of TrainingPlan they explain). */
export interface TrainingFigures {
  readonly tokens: number;
  readonly globalBatchTokens: number;
  readonly steps: number;
  readonly gpuCount: number;
  readonly stepTimeSeconds: number;
  readonly tokensPerSecondPerGpu: number;
  readonly gpuHours: number;
  readonly wallClockDays: number;
  readonly costUsd: number;
  readonly pricePerGpuHourUsd: number;
  readonly mfu: number;
  readonly trainingFlopsPerToken: number;
  readonly bf16PeakFlopsPerSecond: number;
  readonly timeBreakdown: TimeBreakdown;
  readonly memoryPerGpuBytes: MemoryBreakdown;
}

/** GPU-hours, wall-clock, cost, throughput, MFU, step time and memory of a training plan, each with its formula and values. */
export function explainTraining(p: TrainingFigures): Explanations {
  const t = p.timeBreakdown;
  const exposed = Object.values(t.exposedCommunication).reduce((a, b) => a + b, 0);
  const m = p.memoryPerGpuBytes;
  return explanations({
    steps: explain(
      'Optimizer steps',
      'steps = tokens ÷ global batch tokens',
      [
        ['tokens', p.tokens, 'tokens'],
        ['global batch tokens', p.globalBatchTokens, 'tokens'],
      ],
      p.steps,
      'steps',
    ),
    stepTimeSeconds: explain(
      'Step time',
      'step time = compute + exposed communication + pipeline bubble + optimizer step',
      [
        ['compute', t.compute, 's'],
        ['exposed communication', exposed, 's'],
        ['pipeline bubble', t.pipelineBubble, 's'],
        ['optimizer step', t.optimizerStep, 's'],
      ],
      p.stepTimeSeconds,
      's',
    ),
    tokensPerSecondPerGpu: explain(
      'Throughput per GPU',
      'tokens/s per GPU = global batch tokens ÷ (step time × GPUs)',
      [
        ['global batch tokens', p.globalBatchTokens, 'tokens'],
        ['step time', p.stepTimeSeconds, 's'],
        ['GPUs', p.gpuCount, 'GPUs'],
      ],
      p.tokensPerSecondPerGpu,
      'tokens/s',
    ),
    gpuHours: explain(
      'GPU-hours',
      'GPU-hours = tokens ÷ (tokens/s per GPU × 3,600 s/h)',
      [
        ['tokens', p.tokens, 'tokens'],
        ['tokens/s per GPU', p.tokensPerSecondPerGpu, 'tokens/s'],
        ['seconds per hour', SECONDS_PER_HOUR, 's/h'],
      ],
      p.gpuHours,
      'GPU-h',
    ),
    wallClockDays: explain(
      'Wall-clock',
      'days = GPU-hours ÷ GPUs ÷ 24 h/day',
      [
        ['GPU-hours', p.gpuHours, 'GPU-h'],
        ['GPUs', p.gpuCount, 'GPUs'],
        ['hours per day', HOURS_PER_DAY, 'h/day'],
      ],
      p.wallClockDays,
      'days',
    ),
    costUsd: explain(
      'Cost',
      'cost = GPU-hours × price per GPU-hour',
      [
        ['GPU-hours', p.gpuHours, 'GPU-h'],
        ['price per GPU-hour', p.pricePerGpuHourUsd, 'USD/GPU-h'],
      ],
      p.costUsd,
      'USD',
    ),
    mfu: explain(
      'MFU',
      'MFU = training FLOPs per token × tokens/s per GPU ÷ dense BF16 peak FLOP/s',
      [
        ['training FLOPs per token', p.trainingFlopsPerToken, 'FLOP'],
        ['tokens/s per GPU', p.tokensPerSecondPerGpu, 'tokens/s'],
        ['dense BF16 peak', p.bf16PeakFlopsPerSecond, 'FLOP/s'],
      ],
      p.mfu,
      'fraction',
    ),
    'memoryPerGpuBytes.total': explain(
      'Memory per GPU',
      'memory = weights + FP8 weight copies + gradients + optimizer states + activations + buffers & reserve',
      [
        ['weights', m.weights, 'B'],
        ['FP8 weight copies', m.fp8WeightCopies, 'B'],
        ['gradients', m.gradients, 'B'],
        ['optimizer states', m.optimizerStates, 'B'],
        ['activations', m.activations, 'B'],
        ['buffers & reserve', m.transient, 'B'],
      ],
      m.total,
      'B',
    ),
  });
}
