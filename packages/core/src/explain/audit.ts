import { HOURS_PER_DAY } from '@gcp/contract';
import type { Explanations } from '@gcp/contract';
import { explain, explanations, SECONDS_PER_HOUR } from './explanation.js';

/** What a claim audit's headline numbers are made of (the fields of ClaimAudit they explain). */
export interface AuditFigures {
  readonly tokens: number;
  readonly gpuCount: number;
  readonly gpuHours: number;
  readonly wallClockDays: number;
  readonly impliedTokensPerSecondPerGpu: number;
  readonly trainingFlopsPerToken: number;
  readonly impliedMfu: number;
  readonly bf16PeakFlopsPerSecond: number;
  readonly shareOfPrecisionPeak: number;
  readonly precisionPeakFlopsPerSecond: number;
  readonly predictedTokensPerSecondPerGpu?: number;
  readonly claimedToPredictedSpeed?: number;
  readonly costUsd?: number;
  readonly impliedUsdPerGpuHour?: number;
}

/** Implied throughput, MFU, share of the precision's peak, the ratio to the prediction and the implied price, with their formulas. */
export function explainAudit(a: AuditFigures): Explanations {
  const achieved: Array<readonly [string, number, string]> = [
    ['model FLOPs per token', a.trainingFlopsPerToken, 'FLOP'],
    ['implied tokens/s per GPU', a.impliedTokensPerSecondPerGpu, 'tokens/s'],
  ];
  return explanations({
    wallClockDays: explain(
      'Wall-clock',
      'days = GPU-hours ÷ GPUs ÷ 24 h/day',
      [
        ['GPU-hours', a.gpuHours, 'GPU-h'],
        ['GPUs', a.gpuCount, 'GPUs'],
        ['hours per day', HOURS_PER_DAY, 'h/day'],
      ],
      a.wallClockDays,
      'days',
    ),
    impliedTokensPerSecondPerGpu: explain(
      'Implied throughput per GPU',
      'tokens/s per GPU = tokens ÷ (GPU-hours × 3,600 s/h)',
      [
        ['tokens', a.tokens, 'tokens'],
        ['GPU-hours', a.gpuHours, 'GPU-h'],
        ['seconds per hour', SECONDS_PER_HOUR, 's/h'],
      ],
      a.impliedTokensPerSecondPerGpu,
      'tokens/s',
    ),
    impliedMfu: explain(
      'Implied MFU (BF16 peak basis)',
      'MFU = model FLOPs per token × tokens/s per GPU ÷ dense BF16 peak',
      [...achieved, ['dense BF16 peak', a.bf16PeakFlopsPerSecond, 'FLOP/s']],
      a.impliedMfu,
      'fraction',
    ),
    shareOfPrecisionPeak: explain(
      "Share of the precision's peak",
      "share = model FLOPs per token × tokens/s per GPU ÷ dense peak of the claim's precision (above 1: physically impossible)",
      [...achieved, ['dense peak of the precision', a.precisionPeakFlopsPerSecond, 'FLOP/s']],
      a.shareOfPrecisionPeak,
      'fraction',
    ),
    'predicted.claimedToPredictedSpeed':
      a.predictedTokensPerSecondPerGpu !== undefined && a.claimedToPredictedSpeed !== undefined
        ? explain(
            'Claimed ÷ predicted speed',
            "ratio = implied tokens/s per GPU ÷ the planner's predicted tokens/s per GPU",
            [
              ['implied tokens/s per GPU', a.impliedTokensPerSecondPerGpu, 'tokens/s'],
              ['predicted tokens/s per GPU', a.predictedTokensPerSecondPerGpu, 'tokens/s'],
            ],
            a.claimedToPredictedSpeed,
            'ratio',
          )
        : undefined,
    impliedUsdPerGpuHour:
      a.costUsd !== undefined && a.impliedUsdPerGpuHour !== undefined
        ? explain(
            'Implied price per GPU-hour',
            'USD per GPU-hour = claimed cost ÷ GPU-hours',
            [
              ['claimed cost', a.costUsd, 'USD'],
              ['GPU-hours', a.gpuHours, 'GPU-h'],
            ],
            a.impliedUsdPerGpuHour,
            'USD/GPU-h',
          )
        : undefined,
  });
}
