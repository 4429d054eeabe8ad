/**
 * Step time of one layout under its pipeline schedule (1F1B, interleaved, zero-bubble,
 * DualPipe): the slowest stage or rank, the bubble, exposed collectives and data-parallel traffic.
 */
import { dataParallelComm } from '../communication.js';
import type { PlanContext } from '../context.js';
import { denseDataParallelSize, dualPipeMirror, ZERO_SHARDS_WEIGHTS } from '../layout-math.js';
import type { StageContent } from '../stages.js';
import type { Layout } from '../types.js';
import { costsFor, stageTimesFor, type StageTime } from './cost-memo.js';
import { gradientBytes } from '../optimizer-bytes.js';
import { optimizerStepSeconds } from './optimizer-step.js';
import { paramsByRank } from './rank-memory.js';

/** Zero-bubble (ZB-H1) bubble from the slowest stage's per-micro-batch seconds and its weight-gradient share W. */
export function zeroBubbleBubble(pp: number, stageTotalS: number, weightGradS: number): number {
  return (pp - 1) * Math.max(0, stageTotalS - 2 * weightGradS);
}

/** Seconds of one micro-batch of a 1F1B / interleaved stage: compute, exposed collectives and its pipeline sends. */
export function stageTotal(t: StageTime, sendsS: number): number {
  return t.forwardS + t.backwardS + t.tpCommS + t.cpCommS + t.epCommS + sendsS;
}

/** Compute slows by the SM share communication kernels take while the expert all-to-all overlaps it (DualPipe, EP > 1). */
export function dualPipeCommTax(ctx: PlanContext, layout: Layout): number {
  return layout.ep > 1 ? 1 / (1 - ctx.eff.overlappedCommSmFraction) : 1;
}

/**
 * One DualPipe rank's pair of slots (one micro-batch each way), seconds: forward (the report's F),
 * backward with recomputation (B), weight gradient (W), collectives, compute F + B, and the period.
 */
export interface RankPass {
  forwardS: number;
  backwardS: number;
  weightGradS: number;
  tpCommS: number;
  tpOverlappedS: number;
  cpCommS: number;
  epCommS: number;
  computeS: number;
  periodS: number;
}

export function newRankPass(): RankPass {
  return { forwardS: 0, backwardS: 0, weightGradS: 0, tpCommS: 0, tpOverlappedS: 0, cpCommS: 0, epCommS: 0, computeS: 0, periodS: 0 };
}

/** Fill `out` for rank r, which holds stages r and pp−1−r (the same stage twice in the middle). */
export function dualPipeRankPass(out: RankPass, times: readonly StageTime[], r: number, tax: number, ppSendS: number): void {
  const a = times[r]!,
    b = times[dualPipeMirror(times.length, r)]!;
  out.forwardS = (a.forwardS / 2 + b.forwardS / 2) * tax;
  out.backwardS = (a.backwardS / 2 + b.backwardS / 2) * tax;
  out.weightGradS = (a.weightGradS / 2 + b.weightGradS / 2) * tax;
  out.tpCommS = a.tpCommS / 2 + b.tpCommS / 2;
  out.tpOverlappedS = a.tpOverlappedS / 2 + b.tpOverlappedS / 2;
  out.cpCommS = a.cpCommS / 2 + b.cpCommS / 2;
  out.epCommS = a.epCommS / 2 + b.epCommS / 2;
  out.computeS = out.forwardS + out.backwardS;
  out.periodS = Math.max(out.computeS, out.epCommS + ppSendS) + out.tpCommS + out.cpCommS;
}

/** Whether DualPipe rank r holds the same stage times as rank r − 1 (equal stages share one object). */
export function samePair(times: readonly StageTime[], r: number): boolean {
  const n = times.length;
  return times[r] === times[r - 1] && times[dualPipeMirror(n, r)] === times[dualPipeMirror(n, r - 1)];
}

/** The weight-gradient multiple DualPipe's bubble subtracts: (PP/2 − 1)(F&B + B − 3W) (DeepSeek-V3 report, Table 2). */
export const DUALPIPE_BUBBLE_WEIGHT_GRAD_FACTOR = 3;

/** DualPipe bubble from the slowest rank's period, backward and weight gradient (seconds). */
export function dualPipeBubble(pp: number, periodS: number, backwardS: number, weightGradS: number): number {
  return Math.max(0, (pp / 2 - 1) * (periodS + backwardS - DUALPIPE_BUBBLE_WEIGHT_GRAD_FACTOR * weightGradS));
}

/**
 * Step time of one valid layout and the parts its time breakdown reports, seconds per step.
 * Allocation-light: the search times many layouts and builds a full LayoutEvaluation only for
 * those it keeps.
 */
export interface StepTiming {
  readonly stepTimeSeconds: number;
  readonly pipelineS: number;
  readonly bubbleS: number;
  readonly computeS: number;
  readonly exposedTpS: number;
  /** TP collectives hidden behind GEMMs by TP communication overlap, per step. */
  readonly overlappedTpS: number;
  readonly exposedCpS: number;
  readonly exposedEpS: number;
  readonly exposedPpS: number;
  readonly exposedDpS: number;
  readonly overlappedCommS: number;
  readonly optimizerStepS: number;
}

export function timeLayout(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): StepTiming {
  const c = costsFor(ctx, layout);
  const times = stageTimesFor(ctx, c, stages);
  const pp = layout.pp;

  let pipelineS = 0,
    bubbleS = 0,
    computeS = 0,
    slowRank = 0;
  let exposedTpS = 0,
    overlappedTpS = 0,
    exposedCpS = 0,
    exposedEpS = 0,
    exposedPpS = 0,
    overlappedCommS = 0;
  // per micro-batch: the windows DP traffic hides behind, and the compute ZeRO-3's gathers hide behind
  let forwardWindowS = 0,
    backwardWindowS = 0,
    perMicroBatchComputeS = 0;
  if (layout.schedule === 'dualpipe') {
    const tax = dualPipeCommTax(ctx, layout);
    const rank = newRankPass(),
      pick = newRankPass();
    let best = -1;
    for (let r = 0; r < pp; r++) {
      // the same pair of stages as the rank before: the same period, which is not greater
      if (r > 0 && samePair(times, r)) continue;
      dualPipeRankPass(rank, times, r, tax, c.ppSendS);
      if (rank.periodS > best) {
        best = rank.periodS;
        slowRank = r;
        Object.assign(pick, rank);
      }
    }
    bubbleS = dualPipeBubble(pp, pick.periodS, pick.backwardS, pick.weightGradS);
    pipelineS = m * pick.periodS + bubbleS;
    computeS = m * pick.computeS;
    const overlappableS = pick.epCommS + c.ppSendS;
    const excessS = Math.max(0, overlappableS - pick.computeS);
    const epShare = overlappableS > 0 ? pick.epCommS / overlappableS : 0;
    exposedEpS = m * excessS * epShare;
    exposedPpS = m * excessS * (1 - epShare);
    exposedTpS = m * pick.tpCommS;
    overlappedTpS = m * pick.tpOverlappedS;
    exposedCpS = m * pick.cpCommS;
    overlappedCommS = m * Math.min(overlappableS, pick.computeS);
    forwardWindowS = pick.forwardS;
    backwardWindowS = pick.backwardS;
    perMicroBatchComputeS = pick.computeS;
  } else {
    const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
    const sendsS = c.ppSendS * v;
    let maxStageS = -1;
    let pick: StageTime = times[0]!;
    for (let s = 0; s < times.length; s++) {
      if (s > 0 && times[s] === times[s - 1]) continue; // an equal stage: the same total, not greater
      const totalS = stageTotal(times[s]!, sendsS);
      if (totalS > maxStageS) {
        maxStageS = totalS;
        pick = times[s]!;
        slowRank = s;
      }
    }
    bubbleS = layout.schedule === 'zerobubble' ? zeroBubbleBubble(pp, maxStageS, pick.weightGradS) : ((pp - 1) / v) * maxStageS;
    pipelineS = m * maxStageS + bubbleS;
    computeS = m * (pick.forwardS + pick.backwardS);
    exposedTpS = m * pick.tpCommS;
    overlappedTpS = m * pick.tpOverlappedS;
    exposedCpS = m * pick.cpCommS;
    exposedEpS = m * pick.epCommS;
    exposedPpS = m * sendsS;
    forwardWindowS = pick.forwardS;
    backwardWindowS = pick.backwardS;
    perMicroBatchComputeS = pick.forwardS + pick.backwardS;
  }

  // data parallel: gradient reduction hides behind the last micro-batch's backward, the
  // parameter all-gather behind the first forward; ZeRO-3 gathers in every micro-batch
  const params = paramsByRank(ctx, layout, stages)[slowRank]!;
  const dpc =
    denseDataParallelSize(layout) > 1 || layout.ep > 1
      ? dataParallelComm(ctx.cluster, layout, params.denseParams, params.expertParams, gradientBytes(ctx.gradients))
      : { gradientsS: 0, parametersS: 0 };
  let exposedDpS = 0;
  if (layout.zero >= ZERO_SHARDS_WEIGHTS) exposedDpS = m * Math.max(0, 2 * dpc.parametersS + dpc.gradientsS - perMicroBatchComputeS);
  else exposedDpS = Math.max(0, dpc.gradientsS - backwardWindowS) + Math.max(0, dpc.parametersS - forwardWindowS);

  const optimizerStepS = optimizerStepSeconds(ctx, layout, params);
  return {
    stepTimeSeconds: pipelineS + exposedDpS + optimizerStepS,
    pipelineS,
    bubbleS,
    computeS,
    exposedTpS,
    overlappedTpS,
    exposedCpS,
    exposedEpS,
    exposedPpS,
    exposedDpS,
    overlappedCommS: overlappedCommS + overlappedTpS,
    optimizerStepS,
  };
}
