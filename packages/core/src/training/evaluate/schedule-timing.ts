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
import { optimizerStepSeconds } from './optimizer-step.js';
import { paramsByRank } from './rank-memory.js';

/** Zero-bubble (ZB-H1) bubble from the slowest stage's per-micro-batch time and its weight-gradient share W. */
export function zeroBubbleBubble(pp: number, stageTotal: number, weightGrad: number): number {
  return (pp - 1) * Math.max(0, stageTotal - 2 * weightGrad);
}

/** One micro-batch of a 1F1B / interleaved stage: compute, exposed collectives and its pipeline sends. */
export function stageTotal(t: StageTime, sends: number): number {
  return t.forward + t.backward + t.tp + t.cp + t.ep + sends;
}

/** Compute slows by the SM share communication kernels take while the expert all-to-all overlaps it (DualPipe, EP > 1). */
export function dualPipeCommTax(ctx: PlanContext, layout: Layout): number {
  return layout.ep > 1 ? 1 / (1 - ctx.eff.overlappedCommSmFraction) : 1;
}

/** One DualPipe rank's pair of slots (one micro-batch each way): F, B, W compute, collectives, C = F + B, period P. */
export interface RankPass { F: number; B: number; W: number; tp: number; cp: number; ep: number; C: number; P: number }

export function newRankPass(): RankPass {
  return { F: 0, B: 0, W: 0, tp: 0, cp: 0, ep: 0, C: 0, P: 0 };
}

/** Fill `out` for rank r, which holds stages r and pp−1−r (the same stage twice in the middle). */
export function dualPipeRankPass(out: RankPass, times: readonly StageTime[], r: number, tax: number, ppSend: number): void {
  const a = times[r]!, b = times[dualPipeMirror(times.length, r)]!;
  out.F = (a.forward / 2 + b.forward / 2) * tax;
  out.B = (a.backward / 2 + b.backward / 2) * tax;
  out.W = (a.weightGrad / 2 + b.weightGrad / 2) * tax;
  out.tp = a.tp / 2 + b.tp / 2; out.cp = a.cp / 2 + b.cp / 2; out.ep = a.ep / 2 + b.ep / 2;
  out.C = out.F + out.B;
  out.P = Math.max(out.C, out.ep + ppSend) + out.tp + out.cp;
}

/** Whether DualPipe rank r holds the same stage times as rank r − 1 (equal stages share one object). */
export function samePair(times: readonly StageTime[], r: number): boolean {
  const n = times.length;
  return times[r] === times[r - 1] && times[dualPipeMirror(n, r)] === times[dualPipeMirror(n, r - 1)];
}

/** DualPipe bubble from the slowest rank's period P, backward B and weight-gradient W. */
export function dualPipeBubble(pp: number, P: number, B: number, W: number): number {
  return Math.max(0, (pp / 2 - 1) * (P + B - 3 * W));
}

/**
 * Step time of one valid layout and the parts its time breakdown reports. Allocation-light:
 * the search times many layouts and builds a full LayoutEvaluation only for those it keeps.
 */
export interface StepTiming {
  readonly stepTimeSeconds: number;
  readonly pipelineTime: number;
  readonly bubble: number;
  readonly compute: number;
  readonly exposedTp: number;
  readonly exposedCp: number;
  readonly exposedEp: number;
  readonly exposedPp: number;
  readonly exposedDp: number;
  readonly overlapped: number;
  readonly optimizerStep: number;
}

export function timeLayout(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): StepTiming {
  const c = costsFor(ctx, layout);
  const times = stageTimesFor(ctx, c, stages);
  const pp = layout.pp;

  let pipelineTime = 0, bubble = 0, compute = 0, slowRank = 0;
  let expTp = 0, expCp = 0, expEp = 0, expPp = 0, overlapped = 0;
  let fwdWindow = 0, bwdWindow = 0, perMbCompute = 0;
  if (layout.schedule === 'dualpipe') {
    const tax = dualPipeCommTax(ctx, layout);
    const rank = newRankPass(), pick = newRankPass();
    let best = -1;
    for (let r = 0; r < pp; r++) {
      // the same pair of stages as the rank before: the same P, which is not greater
      if (r > 0 && samePair(times, r)) continue;
      dualPipeRankPass(rank, times, r, tax, c.ppSend);
      if (rank.P > best) { best = rank.P; slowRank = r; Object.assign(pick, rank); }
    }
    bubble = dualPipeBubble(pp, pick.P, pick.B, pick.W);
    pipelineTime = m * pick.P + bubble;
    compute = m * pick.C;
    const overComm = pick.ep + c.ppSend;
    const excess = Math.max(0, overComm - pick.C);
    const share = overComm > 0 ? pick.ep / overComm : 0;
    expEp = m * excess * share; expPp = m * excess * (1 - share);
    expTp = m * pick.tp; expCp = m * pick.cp;
    overlapped = m * Math.min(overComm, pick.C);
    fwdWindow = pick.F; bwdWindow = pick.B; perMbCompute = pick.C;
  } else {
    const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
    const sends = c.ppSend * v;
    let tmax = -1;
    let pick: StageTime = times[0]!;
    for (let s = 0; s < times.length; s++) {
      if (s > 0 && times[s] === times[s - 1]) continue; // an equal stage: the same total, not greater
      const total = stageTotal(times[s]!, sends);
      if (total > tmax) { tmax = total; pick = times[s]!; slowRank = s; }
    }
    bubble = layout.schedule === 'zerobubble' ? zeroBubbleBubble(pp, tmax, pick.weightGrad) : ((pp - 1) / v) * tmax;
    pipelineTime = m * tmax + bubble;
    compute = m * (pick.forward + pick.backward);
    expTp = m * pick.tp; expCp = m * pick.cp; expEp = m * pick.ep; expPp = m * sends;
    fwdWindow = pick.forward; bwdWindow = pick.backward; perMbCompute = pick.forward + pick.backward;
  }

  // data parallel: gradient reduction hides behind the last micro-batch's backward, the
  // parameter all-gather behind the first forward; ZeRO-3 gathers in every micro-batch
  const params = paramsByRank(ctx, layout, stages)[slowRank]!;
  const dpc = denseDataParallelSize(layout) > 1 || layout.ep > 1 ? dataParallelComm(ctx.cluster, layout, params.dense, params.expert) : { gradients: 0, parameters: 0 };
  let expDp = 0;
  if (layout.zero >= ZERO_SHARDS_WEIGHTS) expDp = m * Math.max(0, 2 * dpc.parameters + dpc.gradients - perMbCompute);
  else expDp = Math.max(0, dpc.gradients - bwdWindow) + Math.max(0, dpc.parameters - fwdWindow);

  const optimizerStep = optimizerStepSeconds(ctx, layout, params);
  return {
    stepTimeSeconds: pipelineTime + expDp + optimizerStep,
    pipelineTime, bubble, compute, exposedTp: expTp, exposedCp: expCp, exposedEp: expEp, exposedPp: expPp, exposedDp: expDp, overlapped, optimizerStep,
  };
}
