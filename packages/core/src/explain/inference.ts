import { HOURS_PER_DAY } from '@gcp/contract';
import type { Explanation, Explanations } from '@gcp/contract';
import { convert } from '../units/units.js';
import { explain, explanations, type ExplanationInput } from './explanation.js';

const SECONDS_PER_DAY = convert(1, 'day', 's');
const TOKENS_PER_MILLION = 1e6;

/** A pool in whole instances as the plan reports it. */
interface PoolFigures {
  readonly instances: number;
  readonly hourlyInstances: readonly number[];
  readonly averageInstances: number;
  readonly averageNodes: number;
  readonly nodesPerInstance: number;
  readonly minInstances: number;
  readonly utilization: number;
  readonly dailyCostUsd: number;
}
interface DisaggregatedPool extends PoolFigures {
  readonly capacityTokensPerSecondPerNode: number;
}
interface AggregatedPool extends PoolFigures {
  readonly capacityTokensPerSecondPerNode: { readonly input: number; readonly output: number };
  readonly inputTokensPerRequest: number;
  readonly outputTokensPerRequest: number;
}

export interface InferenceFigures {
  readonly mode: 'disaggregated' | 'aggregated';
  readonly prefill: DisaggregatedPool;
  readonly decode: DisaggregatedPool;
  readonly aggregated?: AggregatedPool;
  readonly averageNodes: number;
  readonly peakNodes: number;
  readonly hourlyNodes: readonly number[];
  readonly gpuHoursPerDay: number;
  readonly dailyCostUsd: number;
  readonly costPerMillionTokensUsd: { readonly inputCacheHit: number; readonly inputCacheMiss: number; readonly output: number };
  readonly pricePerGpuHourUsd: number;
}

export interface InferenceWorkloadFigures {
  readonly inputTokensPerDay: number;
  readonly outputTokensPerDay: number;
  readonly cacheHitRate: number;
  /** Hourly multipliers of the average load (mean 1). */
  readonly hourlyShape: readonly number[];
  readonly gpusPerNode: number;
}

const argmax = (xs: readonly number[]) => xs.reduce((best, x, i) => (x > (xs[best] ?? -Infinity) ? i : best), 0);

/** instances = max(minimum, ⌈load at the busiest hour ÷ (capacity per instance × utilisation)⌉): nodes = load ÷ (capacity × utilisation), in whole instances. */
function instancesExplanation(label: string, pool: PoolFigures, load: ExplanationInput, capacity: ExplanationInput): Explanation | undefined {
  return explain(
    label,
    'instances = max(minimum instances, ⌈load at the busiest hour ÷ (capacity per instance × utilisation)⌉)',
    [load, capacity, ['utilisation', pool.utilization, 'fraction'], ['minimum instances', pool.minInstances, 'instances']],
    pool.instances,
    'instances',
  );
}

/** A price per million tokens from its share of a pool's daily cost: share × daily cost ÷ tokens per day × 10⁶. */
function perMillion(label: string, poolLabel: string, poolCostUsd: number, tokensPerDay: number, priceUsd: number): Explanation | undefined {
  const share = poolCostUsd > 0 ? (priceUsd * tokensPerDay) / TOKENS_PER_MILLION / poolCostUsd : Number.NaN;
  return explain(
    label,
    `$ per million = ${poolLabel} daily cost × share of its GPU time these tokens take ÷ tokens per day × 1,000,000`,
    [
      [`${poolLabel} daily cost`, poolCostUsd, 'USD/day'],
      ['share of GPU time', share, 'fraction'],
      ['tokens per day', tokensPerDay, 'tokens/day'],
    ],
    priceUsd,
    'USD per million tokens',
  );
}

/**
 * The headline numbers of an inference plan (the fleet of `mode`) with their formulas: instances
 * per pool, average and peak nodes, GPU-hours and cost per day, and the price per million tokens.
 */
export function explainInferencePlan(p: InferenceFigures, w: InferenceWorkloadFigures): Explanations {
  const peakHour = argmax(w.hourlyShape);
  const peakShare = w.hourlyShape[peakHour] ?? 1;
  const inputPerS = w.inputTokensPerDay / SECONDS_PER_DAY;
  const outputPerS = w.outputTokensPerDay / SECONDS_PER_DAY;
  const c = p.costPerMillionTokensUsd;
  const common = {
    gpuHoursPerDay: explain(
      'GPU-hours per day',
      'GPU-hours per day = average nodes × GPUs per node × 24 h',
      [
        ['average nodes', p.averageNodes, 'nodes'],
        ['GPUs per node', w.gpusPerNode, 'GPUs'],
        ['hours per day', HOURS_PER_DAY, 'h'],
      ],
      p.gpuHoursPerDay,
      'GPU-h/day',
    ),
    dailyCostUsd: explain(
      'Daily cost',
      'daily cost = GPU-hours per day × price per GPU-hour',
      [
        ['GPU-hours per day', p.gpuHoursPerDay, 'GPU-h/day'],
        ['price per GPU-hour', p.pricePerGpuHourUsd, 'USD/GPU-h'],
      ],
      p.dailyCostUsd,
      'USD/day',
    ),
  };
  const busiest = argmax(p.hourlyNodes);
  if (p.mode === 'aggregated' && p.aggregated) {
    const a = p.aggregated;
    const requestsPerS = Math.max(inputPerS / a.inputTokensPerRequest, outputPerS / a.outputTokensPerRequest);
    const perInstance = (a.capacityTokensPerSecondPerNode.output * a.nodesPerInstance) / a.outputTokensPerRequest;
    return explanations({
      'aggregated.instances': instancesExplanation(
        'Aggregated instances at peak',
        a,
        ['requests/s at the busiest hour', requestsPerS * peakShare, 'requests/s'],
        ['requests/s per instance', perInstance, 'requests/s'],
      ),
      averageNodes: explain(
        'Average nodes',
        'average nodes = average instances over the day × nodes per instance',
        [
          ['average instances', a.averageInstances, 'instances'],
          ['nodes per instance', a.nodesPerInstance, 'nodes'],
        ],
        p.averageNodes,
        'nodes',
      ),
      peakNodes: explain(
        'Peak nodes',
        'peak nodes = instances at the busiest hour × nodes per instance',
        [
          ['instances at the busiest hour', a.hourlyInstances[busiest] ?? Number.NaN, 'instances'],
          ['nodes per instance', a.nodesPerInstance, 'nodes'],
        ],
        p.peakNodes,
        'nodes',
      ),
      ...common,
      'costPerMillionTokensUsd.output': perMillion('$ per M output tokens', 'pool', a.dailyCostUsd, w.outputTokensPerDay, c.output),
      'costPerMillionTokensUsd.inputCacheMiss': perMillion(
        '$ per M input tokens (cache miss)',
        'pool',
        a.dailyCostUsd,
        w.inputTokensPerDay * (1 - w.cacheHitRate),
        c.inputCacheMiss,
      ),
      'costPerMillionTokensUsd.inputCacheHit': perMillion(
        '$ per M input tokens (cache hit)',
        'pool',
        a.dailyCostUsd,
        w.inputTokensPerDay * w.cacheHitRate,
        c.inputCacheHit,
      ),
    });
  }
  const { prefill, decode } = p;
  return explanations({
    'prefill.instances': instancesExplanation(
      'Prefill instances at peak',
      prefill,
      ['input tokens/s at the busiest hour', inputPerS * peakShare, 'tokens/s'],
      ['input tokens/s per instance', prefill.capacityTokensPerSecondPerNode * prefill.nodesPerInstance, 'tokens/s'],
    ),
    'decode.instances': instancesExplanation(
      'Decode instances at peak',
      decode,
      ['output tokens/s at the busiest hour', outputPerS * peakShare, 'tokens/s'],
      ['output tokens/s per instance at the SLO', decode.capacityTokensPerSecondPerNode * decode.nodesPerInstance, 'tokens/s'],
    ),
    averageNodes: explain(
      'Average nodes',
      'average nodes = prefill average instances × nodes per instance + decode average instances × nodes per instance',
      [
        ['prefill average instances', prefill.averageInstances, 'instances'],
        ['prefill nodes per instance', prefill.nodesPerInstance, 'nodes'],
        ['decode average instances', decode.averageInstances, 'instances'],
        ['decode nodes per instance', decode.nodesPerInstance, 'nodes'],
      ],
      p.averageNodes,
      'nodes',
    ),
    peakNodes: explain(
      'Peak nodes',
      'peak nodes = prefill instances × nodes per instance + decode instances × nodes per instance, at the busiest hour',
      [
        ['prefill instances at the busiest hour', prefill.hourlyInstances[busiest] ?? Number.NaN, 'instances'],
        ['prefill nodes per instance', prefill.nodesPerInstance, 'nodes'],
        ['decode instances at the busiest hour', decode.hourlyInstances[busiest] ?? Number.NaN, 'instances'],
        ['decode nodes per instance', decode.nodesPerInstance, 'nodes'],
      ],
      p.peakNodes,
      'nodes',
    ),
    ...common,
    'costPerMillionTokensUsd.output': explain(
      '$ per M output tokens',
      '$ per million output tokens = decode pool daily cost ÷ output tokens per day × 1,000,000',
      [
        ['decode pool daily cost', decode.dailyCostUsd, 'USD/day'],
        ['output tokens per day', w.outputTokensPerDay, 'tokens/day'],
      ],
      c.output,
      'USD per million tokens',
    ),
    'costPerMillionTokensUsd.inputCacheMiss': perMillion(
      '$ per M input tokens (cache miss)',
      'prefill pool',
      prefill.dailyCostUsd,
      w.inputTokensPerDay * (1 - w.cacheHitRate),
      c.inputCacheMiss,
    ),
    'costPerMillionTokensUsd.inputCacheHit': perMillion(
      '$ per M input tokens (cache hit)',
      'prefill pool',
      prefill.dailyCostUsd,
      w.inputTokensPerDay * w.cacheHitRate,
      c.inputCacheHit,
    ),
  });
}
