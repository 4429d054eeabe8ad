import type { Explanation, Explanations } from '@gcp/contract';
import { explain, explanations } from './explanation.js';

interface Part {
  readonly name: string;
  readonly gpuHours: number;
}

/** Σ GPU-hours of the parts (phases, stages), each part a value named by its name. */
function sumOfParts(label: string, what: string, parts: readonly Part[], result: number): Explanation | undefined {
  return explain(
    label,
    `GPU-hours = Σ ${what} GPU-hours`,
    parts.map((p) => [p.name, p.gpuHours, 'GPU-h'] as const),
    result,
    'GPU-h',
  );
}

function costOf(label: string, gpuHours: number, price: number, result: number): Explanation | undefined {
  return explain(
    label,
    'cost = GPU-hours × USD per GPU-hour',
    [
      ['GPU-hours', gpuHours, 'GPU-h'],
      ['USD per GPU-hour', price, 'USD/GPU-h'],
    ],
    result,
    'USD',
  );
}

/** A programme's totals: GPU-hours and days summed over the phases, cost at the price, energy (given). */
export function explainProgramme(p: {
  readonly phases: readonly (Part & { readonly wallClockDays: number })[];
  readonly totals: { readonly gpuHours: number; readonly wallClockDays: number; readonly costUsd: number };
  readonly pricePerGpuHourUsd: number;
  readonly energy: Explanation | undefined;
}): Explanations {
  return explanations({
    'totals.gpuHours': sumOfParts('Programme GPU-hours', 'phase', p.phases, p.totals.gpuHours),
    'totals.wallClockDays': explain(
      'Programme wall-clock',
      'days = Σ phase days (the phases run one after another)',
      p.phases.map((ph) => [ph.name, ph.wallClockDays, 'days'] as const),
      p.totals.wallClockDays,
      'days',
    ),
    'totals.costUsd': costOf('Programme cost', p.totals.gpuHours, p.pricePerGpuHourUsd, p.totals.costUsd),
    'totals.energyMWh': p.energy,
  });
}

interface AlgorithmCost {
  readonly gpuHours: number;
  readonly wallClockHours: number;
  readonly costUsd: number;
  readonly stages: readonly Part[];
}

/** GRPO's and PPO's GPU-hours (Σ stages), wall-clock and cost, and the PPO ÷ GRPO ratio. */
export function explainRl(r: {
  readonly grpo: AlgorithmCost;
  readonly ppo: AlgorithmCost;
  readonly ppoToGrpoCostRatio: number;
  readonly gpuCount: number;
  readonly price: number;
}): Explanations {
  const algorithm = (key: 'grpo' | 'ppo', name: string, a: AlgorithmCost) => ({
    [`${key}.gpuHours`]: sumOfParts(`${name} GPU-hours`, 'stage', a.stages, a.gpuHours),
    [`${key}.wallClockHours`]: explain(
      `${name} wall-clock`,
      'hours = GPU-hours ÷ GPUs (every stage holds all the GPUs, one after another)',
      [
        ['GPU-hours', a.gpuHours, 'GPU-h'],
        ['GPUs', r.gpuCount, 'GPUs'],
      ],
      a.wallClockHours,
      'h',
    ),
    [`${key}.costUsd`]: costOf(`${name} cost`, a.gpuHours, r.price, a.costUsd),
  });
  return explanations({
    ...algorithm('grpo', 'GRPO', r.grpo),
    ...algorithm('ppo', 'PPO', r.ppo),
    ppoToGrpoCostRatio: explain(
      'PPO ÷ GRPO cost',
      'ratio = PPO GPU-hours ÷ GRPO GPU-hours (the same price)',
      [
        ['PPO GPU-hours', r.ppo.gpuHours, 'GPU-h'],
        ['GRPO GPU-hours', r.grpo.gpuHours, 'GPU-h'],
      ],
      r.ppoToGrpoCostRatio,
      'ratio',
    ),
  });
}
