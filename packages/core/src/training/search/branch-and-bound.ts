/**
 * The layout search: branch and bound over the queued groups, timing the lightest
 * recomputation that fits per ZeRO stage and keeping the fastest layouts.
 */
import { stagesFor, type PlanContext } from '../context.js';
import { evaluateLayout } from '../evaluate/assemble.js';
import { boundTerms, groupLowerBoundSeconds, lowerBoundSeconds } from '../evaluate/bounds.js';
import { memoryCheckAt, paramsByRank } from '../evaluate/rank-memory.js';
import { timeLayout, type StepTiming } from '../evaluate/schedule-timing.js';
import { microBatchesPerStep, ZERO_SHARDS_OPTIMIZER_STATES, ZERO_SHARDS_WEIGHTS } from '../layout-math.js';
import type { RejectReason } from '../layout-rules.js';
import type { StaticParams } from '../memory.js';
import type { Layout, LayoutEvaluation, RecomputeMode, ZeroStage } from '../types.js';
import { enumerateEveryGroup, enumerateScheduleGroups, expandScheduleGroup, reject, type Tally } from './enumerate.js';
import { GroupMemory } from './group-memory.js';
import { GroupQueue, type QueueItem } from './group-queue.js';
import { incumbentLimitSeconds } from './incumbent.js';
import { searchSpace, type LayoutConstraints, type Probe } from './space.js';

export interface SearchOutcome {
  /** Fitting layouts, fastest first (at most `keep`). */
  readonly ranked: readonly LayoutEvaluation[];
  /** When nothing fits: the layout that came closest (least memory), evaluated, with its reasons. */
  readonly closestNonFitting: LayoutEvaluation | null;
  readonly rejected: Readonly<Partial<Record<RejectReason, number>>>;
  /** Layouts enumerated (every combination of the searched fields). */
  readonly layoutsConsidered: number;
  /** Layouts whose step time was computed. */
  readonly layoutsTimed: number;
  /** Layouts skipped because a lower bound on their step time already reaches the slowest layout kept. */
  readonly layoutsPruned: number;
}

export interface SearchOptions {
  /**
   * Branch and bound (default true). false times every group of layouts in the same order:
   * the reference the pruned search must agree with (tests).
   */
  readonly prune?: boolean;
  /**
   * A layout of the same request known beforehand (e.g. the best at another batch): timed first
   * (incumbent.ts), its step time prunes from the start. The first ranked layout is the same with
   * or without it (the first in queue order of the fastest, which no limit above its time prunes);
   * layouts slower than the incumbent are left out of the rest, and the pruning counts change.
   * Callers that read the ranking beyond its first layout pass none.
   */
  readonly incumbent?: Layout;
  /**
   * Only layouts faster than this step time (seconds) are kept: groups whose lower bound reaches
   * it are pruned from the start, and the ranking may come back empty. The fastest layout, when it
   * beats the limit, is the same as without one (as for an incumbent). Callers that only need to
   * know whether some layout beats a threshold (warnings.ts) pass it.
   */
  readonly limitSeconds?: number;
}

/** The non-fitting layout with the least memory so far, with what its breakdown is built from at the end. */
interface ClosestNonFitting {
  readonly layout: Layout;
  readonly totalBytes: number;
  readonly params: readonly StaticParams[];
  readonly activationBytes: readonly number[];
  readonly rank: number;
}

/**
 * Insert `e` into `ranked` (fastest first), keeping at most `keep`. Equal step times keep
 * the earlier evaluation first, as appending and stable-sorting would.
 */
function insertRanked(ranked: LayoutEvaluation[], e: LayoutEvaluation, keep: number): void {
  let at = ranked.length;
  while (at > 0 && ranked[at - 1]!.stepTimeSeconds > e.stepTimeSeconds) at--;
  ranked.splice(at, 0, e);
  if (ranked.length > keep) ranked.pop();
}

/** Whether two ZeRO stages give the same step time (1 and 2: same DP traffic, same sharded optimizer step). */
function sameTiming(a: ZeroStage, b: ZeroStage): boolean {
  return a === b || (shardsOptimizerOnly(a) && shardsOptimizerOnly(b));
}

/** ZeRO-1 or ZeRO-2: optimizer states (and gradients) sharded, weights not gathered. */
function shardsOptimizerOnly(z: ZeroStage): boolean {
  return z >= ZERO_SHARDS_OPTIMIZER_STATES && z < ZERO_SHARDS_WEIGHTS;
}

/**
 * Position in the recomputation order of the lightest mode that fits at the group's highest ZeRO
 * stage (`modes` when none does). Memory only falls as ZeRO shards more (the search's canFit
 * check relies on the same), so no layout of the group fits with a lighter recomputation: a lower
 * limit on the recomputation of every layout it times.
 */
function lightestFittingRecompute(memory: GroupMemory, maxZero: ZeroStage, modes: number): number {
  for (let ri = 0; ri < modes; ri++) if (memory.fits(maxZero, ri)) return ri;
  return modes;
}

/** Layouts searchLayouts keeps when the caller names no count. */
export const DEFAULT_KEEP = 6;

export function searchLayouts(ctx: PlanContext, fixed: LayoutConstraints = {}, keep = DEFAULT_KEEP, options: SearchOptions = {}): SearchOutcome {
  const prune = options.prune ?? true;
  const space = searchSpace(ctx, fixed);
  const { zeroStages, recomputeModes, layoutsPerGroup } = space;
  const tally: Tally = { considered: 0, rejected: {} };
  const ranked: LayoutEvaluation[] = [];
  /** The non-fitting layout with the least memory so far (its breakdown is built at the end). */
  let closest: ClosestNonFitting | null = null;
  let timed = 0,
    pruned = 0,
    hbmRejected = 0;
  /** Step time a layout must beat to enter `ranked` (the slowest kept once `keep` are kept, or the incumbent's limit). */
  let limitS = Math.min(options.limitSeconds ?? Infinity, prune && options.incumbent ? incumbentLimitSeconds(ctx, space, options.incumbent) : Infinity);

  const probe: Probe = {
    tp: 1,
    cp: 1,
    pp: 1,
    dp: 1,
    ep: 1,
    zero: zeroStages[0]!,
    microBatchSize: 1,
    schedule: '1f1b',
    virtualStages: 1,
    recompute: recomputeModes[0]!,
  };
  const items: QueueItem[] = prune ? enumerateScheduleGroups(ctx, space, fixed, probe, tally) : enumerateEveryGroup(ctx, space, fixed, probe, tally);
  /** Layouts in the queue (what a stop prunes). */
  let queued = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    queued += (item.level === 'schedule' ? item.epSizes.length : 1) * layoutsPerGroup;
  }

  // branch and boundS: cheapest bound first; stop once no remaining group can beat the kept ones
  const queue = new GroupQueue(items);
  let maxZero = zeroStages[0]!;
  for (const z of zeroStages) if (z > maxZero) maxZero = z;
  const memory = new GroupMemory(ctx, recomputeModes, probe);
  const scratch: Probe = { ...probe };
  for (let item = queue.pop(); item !== null; item = queue.pop()) {
    if (prune && item.boundS >= limitS) {
      pruned += queued;
      break;
    }
    if (item.level === 'schedule') {
      // its groups, one per EP size, each with a bound at least this one's and a later index
      expandScheduleGroup(ctx, space, item, queue, scratch);
      continue;
    }
    if (item.next) {
      queue.push(item.next);
      item.next = null;
    }
    if (!item.exact) {
      // its exact bound (at least the cheap one): back into the queue
      Object.assign(scratch, item.from);
      scratch.ep = item.ep;
      item.boundS = lowerBoundSeconds(ctx, scratch, boundTerms(ctx, scratch));
      item.exact = true;
      queue.push(item);
      continue;
    }
    const base = (item.base ??= { ...item.from, ep: item.ep });
    queued -= layoutsPerGroup;
    const stages = stagesFor(ctx, base.pp)!;
    const m = microBatchesPerStep(ctx.globalBatchSequences, base);
    const params = paramsByRank(ctx, base, stages);
    // a tighter bound (stage imbalance, bubble, optimizer step) skips this group only
    if (prune && limitS < Infinity && groupLowerBoundSeconds(ctx, { ...base, zero: maxZero }, stages, m, params) >= limitS) {
      pruned += layoutsPerGroup;
      continue;
    }
    memory.reset(base, stages, m, params);
    // once a layout fits, the closest non-fitting one no longer matters: reject hopeless ZeRO stages with one check
    if (prune && ranked.length > 0 && !memory.canFit(maxZero)) {
      hbmRejected += layoutsPerGroup;
      continue;
    }
    // the group's bound again with the lightest recomputation that fits: every layout it would time
    // recomputes at least that much (most groups of large models need more than none)
    if (prune && limitS < Infinity && recomputeModes.length > 1) {
      const ri = lightestFittingRecompute(memory, maxZero, recomputeModes.length);
      if (
        ri > 0 &&
        ri < recomputeModes.length &&
        groupLowerBoundSeconds(ctx, { ...base, zero: maxZero, recompute: recomputeModes[ri]! }, stages, m, params) >= limitS
      ) {
        pruned += layoutsPerGroup;
        continue;
      }
    }
    let previous: { zero: ZeroStage; recompute: RecomputeMode; timing: StepTiming } | null = null;
    for (let zi = 0; zi < zeroStages.length; zi++) {
      const zero = zeroStages[zi]!;
      if (prune && ranked.length > 0 && zero !== maxZero && !memory.canFit(zero)) {
        hbmRejected += recomputeModes.length;
        continue;
      }
      for (let ri = 0; ri < recomputeModes.length; ri++) {
        const recompute = recomputeModes[ri]!;
        if (!memory.fits(zero, ri)) {
          hbmRejected++;
          const w = memory.worst;
          if (!closest || w.totalBytes < closest.totalBytes) {
            closest = { layout: { ...base, zero, recompute }, totalBytes: w.totalBytes, params, activationBytes: memory.activationBytesAt(ri), rank: w.rank };
          }
          continue;
        }
        timed++;
        const layout: Layout = { ...base, zero, recompute };
        // ZeRO-1 and ZeRO-2 take the same time: reuse the timing of the stage before
        const timing: StepTiming =
          previous && previous.recompute === recompute && sameTiming(previous.zero, zero) ? previous.timing : timeLayout(ctx, layout, stages, m);
        previous = { zero, recompute, timing };
        // the full evaluation (breakdowns, strings) only for layouts that enter the ranking
        if (timing.stepTimeSeconds < limitS) {
          insertRanked(ranked, evaluateLayout(ctx, layout, memory.check(layout, ri), timing), keep);
          if (ranked.length >= keep) limitS = ranked[ranked.length - 1]!.stepTimeSeconds;
        }
        // heavier recomputation of a fitting layout is only slower: not timed
        break;
      }
    }
  }
  if (hbmRejected > 0) reject(tally, 'does not fit in HBM', hbmRejected);
  const c = closest as ClosestNonFitting | null;
  return {
    ranked,
    closestNonFitting: ranked.length === 0 && c ? evaluateLayout(ctx, c.layout, memoryCheckAt(ctx, c.layout, c.params, c.activationBytes, c.rank)) : null,
    rejected: tally.rejected,
    layoutsConsidered: tally.considered,
    layoutsTimed: timed,
    layoutsPruned: pruned,
  };
}
