/**
 * A search's incumbent: a layout known before the search starts (the best of the same request
 * at another batch, a pinned layout) timed as the search would time it, whose step time bounds
 * the search's answer from above and so prunes from the first group on.
 */
import { stagesExist, stagesFor, type PlanContext } from '../context.js';
import { activationsByRank, paramsByRank, worstMemory, type WorstMemory } from '../evaluate/rank-memory.js';
import { timeLayout } from '../evaluate/schedule-timing.js';
import { expertParallelDomain, microBatchesPerStep } from '../layout-math.js';
import { structuralProblem } from '../layout-rules.js';
import type { Layout } from '../types.js';
import type { Space } from './space.js';

/**
 * The search limit an incumbent of step time `s` gives: the next doubles above `s` (a relative
 * step of 2 ulps of 1), so the incumbent and every layout as fast as it still enter the ranking,
 * and only groups whose lower bound exceeds `s` are pruned.
 */
const INCUMBENT_LIMIT_FACTOR = 1 + 2 * Number.EPSILON;

/** Whether the search enumerates `layout`'s fields (ZeRO stage and recomputation aside) under `space`. */
function inSpace(ctx: PlanContext, space: Space, l: Layout): boolean {
  const n = ctx.gpuCount;
  if (!space.tpSizes.includes(l.tp) || !space.cpSizes.includes(l.cp) || !space.microBatchSizes.includes(l.microBatchSize)) return false;
  if (!space.zeroStages.includes(l.zero) || l.tp * l.cp * l.pp * l.dp !== n) return false;
  if (!space.ppSizes(n / (l.tp * l.cp)).includes(l.pp) || !space.epSizes(expertParallelDomain(l.tp, l.dp)).includes(l.ep)) return false;
  return space.schedules(l.pp).some(([s, v]) => s === l.schedule && v === l.virtualStages);
}

/**
 * The step-time limit `incumbent` gives a search of `space` at ctx's batch, or Infinity when it
 * gives none (outside the space, structurally invalid at this batch, or no recomputation fits).
 * The layout is the one the search would time for the incumbent's group and ZeRO stage (the
 * lightest recomputation that fits, timed by timeLayout), so the search's fastest layout is at
 * most as slow, and the limit prunes no layout that could be the answer.
 */
export function incumbentLimitSeconds(ctx: PlanContext, space: Space, incumbent: Layout): number {
  if (!inSpace(ctx, space, incumbent) || structuralProblem(ctx, incumbent) !== null || !stagesExist(ctx, incumbent.pp)) return Infinity;
  const stages = stagesFor(ctx, incumbent.pp)!;
  const m = microBatchesPerStep(ctx.globalBatchSequences, incumbent);
  const params = paramsByRank(ctx, incumbent, stages);
  const worst: WorstMemory = { totalBytes: 0, rank: 0 };
  for (const recompute of space.recomputeModes) {
    const layout: Layout = { ...incumbent, recompute };
    if (!worstMemory(ctx, layout, params, activationsByRank(ctx, layout, stages, m), worst)) continue;
    return timeLayout(ctx, layout, stages, m).stepTimeSeconds * INCUMBENT_LIMIT_FACTOR;
  }
  return Infinity;
}
