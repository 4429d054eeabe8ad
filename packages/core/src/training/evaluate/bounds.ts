/**
 * Lower bounds on the step time for the layout search (branch and bound): the cheap EP-free
 * bound, the EP-aware one, the exact bound terms, and the per-group bound.
 */
import { expertAllToAllSeconds } from '../communication.js';
import { routedSeconds } from '../compute.js';
import { MEMO, memoKey, memoize, type PlanContext } from '../context.js';
import { microBatchesPerStep } from '../layout-math.js';
import type { StaticParams } from '../memory.js';
import type { StageContent } from '../stages.js';
import type { Layout } from '../types.js';
import { justBelow, type BoundTerms } from './bound-terms.js';
import { computeContext, costsFor, pipelineSendFor, shapeFor, stageTimesFor, tokenShapeFor } from './cost-memo.js';
import { pipelineLinkCode } from './memo-keys.js';
import { optimizerShard, optimizerStepSeconds } from './optimizer-step.js';
import { dualPipeBubble, dualPipeCommTax, dualPipeRankPass, newRankPass, samePair, stageTotal, zeroBubbleBubble } from './schedule-timing.js';

/**
 * Bound terms no EP size of this (tp, cp, micro-batch, cross-node link, pipelining) beats:
 * lowerBoundSeconds with them is at most lowerBoundSeconds with boundTerms. The search orders
 * groups by it and computes the exact terms only for groups that reach the front.
 */
export function cheapBoundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  // the pipeline send depends on tp, cp, micro-batch, link and pipelining only, not on EP
  return { ...tokenShapeFor(ctx, layout).cheapTerms, ppSendS: justBelow(pipelineSendFor(ctx, layout)) };
}

/**
 * Bound terms of one EP size at most its exact boundTerms, without building its shape: the
 * token parts, the head and the TP/CP collectives of the EP-free bound, plus this EP size's
 * routed experts (routedSeconds) and expert all-to-all; only the MTP projection is left out.
 * The search queues groups with it and computes the exact terms (and the shape) only for
 * groups that reach the front of the queue.
 */
export function epBoundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize, pipelineLinkCode(ctx, layout));
  const table = ctx.memo[MEMO.epBound]!;
  let t = table.get(key) as BoundTerms | undefined;
  if (t !== undefined) return t;
  const p = ctx.profile;
  const tokens = tokenShapeFor(ctx, layout);
  const cctx = computeContext(ctx, layout);
  const a2a = expertAllToAllSeconds(p, ctx.cluster, layout, ctx.precision);
  const a2aLayerS = a2a.forwardS + a2a.backwardS;
  const head = tokens.head.none;
  let computeS = head.forwardS + head.backwardS,
    epCommS = 0;
  for (let i = 0; i < p.kinds.length; i++) {
    const kind = p.kinds[i]!,
      part = tokens.kindParts[i]!,
      n = tokens.kindTotals[i]!;
    const forwardS = part.forwardS + routedSeconds(p, kind, cctx);
    const layerEpS = kind.kind === 'moe' ? a2aLayerS : 0;
    computeS += n * (forwardS + part.backwardS);
    epCommS += n * layerEpS;
    // MTP modules repeat the last layer's kind, with the head (their projection left out)
    if (i === p.mtpKind && p.mtpModules > 0) {
      computeS += p.mtpModules * (forwardS + head.forwardS) + p.mtpModules * (part.backwardS + head.backwardS);
      epCommS += p.mtpModules * layerEpS;
    }
  }
  // a hair below: the exact terms add in another order
  t = {
    computeS: justBelow(computeS),
    serialCommS: tokens.cheapTerms.serialCommS,
    epCommS: justBelow(epCommS),
    ppSendS: justBelow(pipelineSendFor(ctx, layout)),
  };
  table.set(key, t);
  return t;
}

export function boundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize, pipelineLinkCode(ctx, layout));
  const hit = ctx.memo[MEMO.bound]!.get(key);
  if (hit !== undefined) return hit as BoundTerms;
  // the closure below is built on a miss only
  return memoize(ctx, MEMO.bound, key, () => ({ ...shapeFor(ctx, layout).sums, ppSendS: pipelineSendFor(ctx, layout) }));
}

/**
 * A lower bound on the step time of a layout (any ZeRO stage, any recomputation): the
 * slowest stage is at least the average one, recomputation and DP traffic only add.
 * Used to prune the search (branch and bound).
 */
export function lowerBoundSeconds(ctx: PlanContext, layout: Layout, t: BoundTerms): number {
  const pp = layout.pp;
  const m = microBatchesPerStep(ctx.globalBatchSequences, layout);
  if (layout.schedule === 'dualpipe') {
    const tax = dualPipeCommTax(ctx, layout);
    return m * (Math.max((t.computeS * tax) / pp, t.epCommS / pp + t.ppSendS) + t.serialCommS / pp);
  }
  const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
  // zero-bubble: the bubble can shrink to nothing (W ≥ (F + B)/2), so only the m slots bound it
  const slots = layout.schedule === 'zerobubble' ? m : m + (pp - 1) / v;
  return slots * ((t.computeS + t.serialCommS + t.epCommS) / pp + t.ppSendS * v);
}

/**
 * A lower bound on the step time of every layout of a search group (the same tp, cp, pp,
 * dp, ep, micro-batch and schedule; any ZeRO stage up to `layout.zero`, any recomputation
 * at least as heavy as `layout.recompute`), tighter than lowerBoundSeconds: the slowest
 * stage (or DualPipe rank) and the bubble of the lightest recomputation, plus the smallest
 * optimizer step of any rank. Recomputation only adds backward work, DP traffic is ≥ 0,
 * and every operation below is monotone in those terms, so the bound holds in floating
 * point too: a group whose bound reaches the slowest kept layout cannot enter the ranking.
 */
export function groupLowerBoundSeconds(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number, params: readonly StaticParams[]): number {
  const c = costsFor(ctx, layout);
  const times = stageTimesFor(ctx, c, stages);
  const pp = layout.pp;
  let pipelineS: number;
  if (layout.schedule === 'dualpipe') {
    // the slowest rank under a heavier recomputation has a period ≥ the max here, a backward ≥ the min and a W ≤ the max
    const tax = dualPipeCommTax(ctx, layout);
    const rank = newRankPass();
    let maxPeriodS = -1,
      minBackwardS = Infinity,
      maxWeightGradS = 0;
    for (let r = 0; r < pp; r++) {
      // a rank with the same pair of stages as the one before: the same pass
      if (r > 0 && samePair(times, r)) continue;
      dualPipeRankPass(rank, times, r, tax, c.ppSendS);
      maxPeriodS = Math.max(maxPeriodS, rank.periodS);
      minBackwardS = Math.min(minBackwardS, rank.backwardS);
      maxWeightGradS = Math.max(maxWeightGradS, rank.weightGradS);
    }
    pipelineS = m * maxPeriodS + dualPipeBubble(pp, maxPeriodS, minBackwardS, maxWeightGradS);
  } else {
    const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
    const sendsS = c.ppSendS * v;
    let maxStageS = -1,
      maxWeightGradS = 0;
    for (let s = 0; s < times.length; s++) {
      if (s > 0 && times[s] === times[s - 1]) continue; // an equal stage: the same terms
      maxStageS = Math.max(maxStageS, stageTotal(times[s]!, sendsS));
      maxWeightGradS = Math.max(maxWeightGradS, times[s]!.weightGradS);
    }
    // zero-bubble: a heavier recomputation only raises the slowest stage's total, its W is at most maxWeightGradS
    pipelineS = layout.schedule === 'zerobubble' ? m * maxStageS + zeroBubbleBubble(pp, maxStageS, maxWeightGradS) : (m + (pp - 1) / v) * maxStageS;
  }
  // the optimizer step grows with the rank's shard: the smallest shard gives the smallest step
  let smallest = params[0]!,
    smallestShard = optimizerShard(layout, smallest);
  for (let r = 1; r < pp; r++) {
    const p = params[r]!;
    if (p === params[r - 1]) continue; // equal stages share one object: the same shard
    const shard = optimizerShard(layout, p);
    if (shard < smallestShard) {
      smallest = p;
      smallestShard = shard;
    }
  }
  return pipelineS + optimizerStepSeconds(ctx, layout, smallest);
}
