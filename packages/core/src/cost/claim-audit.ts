import { trainingFlopsPerToken } from '../accounting/flops.js';
import type { GpuSpec } from '../gpus/types.js';
import type { ModelArchitecture } from '../models/types.js';
import { explainAudit } from '../explain/audit.js';
import type { Explanations } from '@gcp/contract';
import type { Figure } from '../units/figure.js';
import { convert } from '../units/units.js';
import { estimateEnergy } from './energy.js';
import { GPUS_PER_STAFF_UNIT, OWNERSHIP_DEFAULTS } from './ownership-defaults.js';

export type Verdict = 'plausible' | 'optimistic' | 'physically impossible';

/**
 * A claimed speed this many times the planner's own prediction is beyond its usual error:
 * the training planner's held-out mean absolute error is 16-23% (docs/training-accuracy.md), so a
 * claim 30% faster than predicted needs an explanation the planner does not know.
 */
export const OPTIMISTIC_SPEED_RATIO = 1.3;
/**
 * Highest MFU (BF16 basis) the planner treats as ordinary for a large run: published large-scale
 * runs report 38-43% (DeepSeek-V3 ISCA'25 38.9%, Llama 3 405B 38-43%) and the best small-scale
 * kernels ~55-60%; above this a claim is optimistic even if the planner agrees.
 */
export const HIGHEST_ORDINARY_MFU = 0.6;

export interface ClaimInput {
  readonly arch: ModelArchitecture;
  readonly gpu: GpuSpec;
  readonly gpuCount: number;
  readonly tokens: number;
  readonly precision: 'fp8' | 'bf16';
  readonly sequenceLength: number;
  /** Exactly one of days / gpuHours. */
  readonly days?: number;
  readonly gpuHours?: number;
  readonly costUsd?: number;
  /** The planner's prediction for the same claim (planTraining), when it could plan it. */
  readonly predicted?: { readonly gpuHours: number; readonly tokensPerSecondPerGpu: number };
  /** Prices for what the claim leaves out (purchase price per GPU and its source). */
  readonly gpuUsd?: Figure;
  readonly rentUsdPerGpuHour: Figure;
}

export interface LeftOut {
  readonly item: string;
  readonly estimateUsd: number;
  readonly source: string;
}

export interface ClaimAudit {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly gpuHours: number;
  readonly wallClockDays: number;
  readonly impliedTokensPerSecondPerGpu: number;
  /** Model FLOPs per token × implied tokens/s per GPU ÷ dense BF16 peak (the DeepSeek/Meta convention, also for FP8). */
  readonly impliedMfu: number;
  /** The same achieved FLOPS ÷ the dense peak of the precision used (FP8 runs may exceed 100% of BF16 peak, not of FP8). */
  readonly shareOfPrecisionPeak: number;
  readonly trainingFlopsPerToken: number;
  readonly predicted?: { readonly gpuHours: number; readonly tokensPerSecondPerGpu: number; readonly claimedToPredictedSpeed: number };
  /** Implied USD per GPU-hour when a cost is claimed. */
  readonly impliedUsdPerGpuHour?: number;
  readonly leftOut: readonly LeftOut[];
  /** Formula and values of each headline number, keyed by the field it explains. */
  readonly explanations: Explanations;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

/**
 * Audits a published training claim: implied throughput and MFU, the share of the precision's
 * dense peak (above 100% is physically impossible), the planner's own prediction and the ratio,
 * a verdict with its reasons, and what the claimed cost leaves out.
 */
export function auditClaim(c: ClaimInput): ClaimAudit {
  const gpuHours = c.gpuHours ?? convert(c.days ?? 0, 'day', 'h') * c.gpuCount;
  const wallClockDays = convert(gpuHours / c.gpuCount, 'h', 'day');
  const tps = c.tokens / convert(gpuHours, 'h', 's');
  const flopsPerToken = trainingFlopsPerToken(c.arch, c.sequenceLength).totalFlops;
  const achievedTflops = convert(tps * flopsPerToken, 'FLOP', 'TFLOP');
  const bf16 = c.gpu.denseTflops.bf16.value;
  const precisionPeak = c.precision === 'fp8' ? (c.gpu.denseTflops.fp8?.value ?? bf16) : bf16;
  const impliedMfu = achievedTflops / bf16;
  const shareOfPrecisionPeak = achievedTflops / precisionPeak;
  const reasons: string[] = [];
  let verdict: Verdict = 'plausible';
  reasons.push(
    `${c.tokens.toExponential(3)} tokens in ${Math.round(gpuHours).toLocaleString('en-US')} GPU-hours is ${tps.toFixed(0)} tokens/s per GPU: ${achievedTflops.toFixed(0)} TFLOPS of model FLOPs per GPU (${(flopsPerToken / 1e9).toFixed(1)} GFLOP per token at ${c.sequenceLength} tokens), ${pct(impliedMfu)} MFU on the BF16 basis`,
  );
  if (shareOfPrecisionPeak > 1) {
    verdict = 'physically impossible';
    reasons.push(
      `that is ${pct(shareOfPrecisionPeak)} of the ${precisionPeak} TFLOPS dense ${c.precision.toUpperCase()} peak of ${c.gpu.name}: no GPU computes faster than its peak`,
    );
  }
  let predicted: ClaimAudit['predicted'];
  if (c.predicted) {
    const ratio = tps / c.predicted.tokensPerSecondPerGpu;
    predicted = { ...c.predicted, claimedToPredictedSpeed: ratio };
    reasons.push(
      `the planner predicts ${c.predicted.tokensPerSecondPerGpu.toFixed(0)} tokens/s per GPU (${Math.round(c.predicted.gpuHours).toLocaleString('en-US')} GPU-hours): the claim is ${ratio.toFixed(2)}× that speed`,
    );
    if (verdict === 'plausible' && ratio > OPTIMISTIC_SPEED_RATIO) {
      verdict = 'optimistic';
      reasons.push(`more than ${OPTIMISTIC_SPEED_RATIO}× the predicted speed, beyond the planner's held-out error`);
    }
  }
  if (verdict === 'plausible' && impliedMfu > HIGHEST_ORDINARY_MFU) {
    verdict = 'optimistic';
    reasons.push(`an MFU above ${pct(HIGHEST_ORDINARY_MFU)} is beyond published large-scale runs (38-43%)`);
  }
  const impliedUsdPerGpuHour = c.costUsd !== undefined ? c.costUsd / gpuHours : undefined;
  if (impliedUsdPerGpuHour !== undefined)
    reasons.push(
      `the claimed cost is ${usd(c.costUsd ?? 0)}, i.e. $${impliedUsdPerGpuHour.toFixed(2)} per GPU-hour (default rental for this GPU: $${c.rentUsdPerGpuHour.value.toFixed(2)})`,
    );
  return {
    verdict,
    reasons,
    gpuHours,
    wallClockDays,
    impliedTokensPerSecondPerGpu: tps,
    impliedMfu,
    shareOfPrecisionPeak,
    trainingFlopsPerToken: flopsPerToken,
    ...(predicted ? { predicted } : {}),
    ...(impliedUsdPerGpuHour !== undefined ? { impliedUsdPerGpuHour } : {}),
    leftOut: leftOutOf(c, gpuHours, wallClockDays),
    explanations: explainAudit({
      tokens: c.tokens,
      gpuCount: c.gpuCount,
      gpuHours,
      wallClockDays,
      impliedTokensPerSecondPerGpu: tps,
      trainingFlopsPerToken: flopsPerToken,
      impliedMfu,
      bf16PeakFlopsPerSecond: convert(bf16, 'TFLOP', 'FLOP'),
      shareOfPrecisionPeak,
      precisionPeakFlopsPerSecond: convert(precisionPeak, 'TFLOP', 'FLOP'),
      ...(predicted ? { predictedTokensPerSecondPerGpu: predicted.tokensPerSecondPerGpu, claimedToPredictedSpeed: predicted.claimedToPredictedSpeed } : {}),
      ...(impliedUsdPerGpuHour !== undefined && c.costUsd !== undefined ? { costUsd: c.costUsd, impliedUsdPerGpuHour } : {}),
    }),
  };
}

/** What a rental-priced training claim leaves out, with default estimates and their sources. */
function leftOutOf(c: ClaimInput, gpuHours: number, days: number): LeftOut[] {
  const d = OWNERSHIP_DEFAULTS;
  const out: LeftOut[] = [];
  if (c.gpuUsd)
    out.push({
      item: `buying the ${c.gpuCount.toLocaleString('en-US')} GPUs (capex)`,
      estimateUsd: c.gpuCount * c.gpuUsd.value,
      source: `${c.gpuCount} × $${c.gpuUsd.value.toLocaleString('en-US')} per GPU: ${c.gpuUsd.source}`,
    });
  const energy = estimateEnergy({ gpuCount: c.gpuCount, tdpW: c.gpu.tdpW.value, hours: convert(days, 'day', 'h') });
  out.push({
    item: 'electricity for the run',
    estimateUsd: convert(energy.energyMWh, 'MWh', 'kWh') * d.usdPerKwh.value,
    source: `${energy.energyMWh.toFixed(0)} MWh (TDP × ${d.gpuPowerShareOfTdp.value} × ${d.serverPowerPerGpuWatt.value.toFixed(2)} server factor × PUE ${d.pue.value}) × $${d.usdPerKwh.value}/kWh: ${d.usdPerKwh.source}`,
  });
  out.push({
    item: 'ablations, failed and restarted runs',
    estimateUsd: gpuHours * c.rentUsdPerGpuHour.value * d.experimentMultiplier.value,
    source: `experiment multiplier ${d.experimentMultiplier.value} × the run at the rental price: ${d.experimentMultiplier.source}`,
  });
  out.push({
    item: 'operations staff during the run',
    estimateUsd: (c.gpuCount / GPUS_PER_STAFF_UNIT) * d.staffFtePer1000Gpus.value * d.usdPerFteYear.value * convert(days, 'day', 'year'),
    source: `${d.staffFtePer1000Gpus.value} FTE per 1,000 GPUs (${d.staffFtePer1000Gpus.source}) at $${d.usdPerFteYear.value.toLocaleString('en-US')}/year (${d.usdPerFteYear.source}); research staff not included`,
  });
  return out;
}
