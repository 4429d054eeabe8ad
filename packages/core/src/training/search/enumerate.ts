/**
 * The enumerations of the layout space: every group (reference, no pruning) or one schedule
 * group per (tp, cp, pp, dp, micro-batch, schedule), counted as every layout; and the expansion
 * of a schedule group into one group per EP size.
 */
import { stagesExist, type PlanContext } from '../context.js';
import { boundTerms, cheapBoundTerms, epBoundTerms, lowerBoundSeconds } from '../evaluate/bounds.js';
import type { BoundTerms } from '../evaluate/bound-terms.js';
import { PIPELINE_LINK_CODES, pipelineLinkCode } from '../evaluate/memo-keys.js';
import { expertParallelDomain } from '../layout-math.js';
import { pipelineBatchProblem, structuralProblem, tensorExpertProblem, type RejectReason } from '../layout-rules.js';
import type { Layout } from '../types.js';
import type { Group, GroupQueue, ScheduleGroup } from './group-queue.js';
import { enumerationIndex, type LayoutConstraints, type Probe, type Space } from './space.js';

/** Counts of the enumeration: layouts considered and structural rejections by reason. */
export interface Tally {
  considered: number;
  readonly rejected: Partial<Record<RejectReason, number>>;
}

export function reject(tally: Tally, r: RejectReason, count: number): void {
  tally.rejected[r] = (tally.rejected[r] ?? 0) + count;
}

/** Visit every (tp, cp, pp, dp) the request allows, with the probe's tp, cp, pp and dp set. */
function forEachGrid(ctx: PlanContext, space: Space, fixed: LayoutConstraints, probe: Probe, visit: (ti: number, ci: number, pi: number) => void): void {
  const n = ctx.gpuCount;
  for (let ti = 0; ti < space.tpSizes.length; ti++)
    for (let ci = 0; ci < space.cpSizes.length; ci++) {
      const tp = space.tpSizes[ti]!,
        cp = space.cpSizes[ci]!;
      if (n % (tp * cp) !== 0) continue;
      const rest = n / (tp * cp);
      const ppSizes = space.ppSizes(rest);
      for (let pi = 0; pi < ppSizes.length; pi++) {
        const pp = ppSizes[pi]!;
        if (rest % pp !== 0) continue;
        const dp = rest / pp;
        if (fixed.dp !== undefined && fixed.dp !== dp) continue;
        probe.tp = tp;
        probe.cp = cp;
        probe.pp = pp;
        probe.dp = dp;
        visit(ti, ci, pi);
      }
    }
}

/**
 * The reference enumeration (no pruning): every (tp, cp, pp, dp, ep, micro-batch, schedule)
 * visited and checked one by one, each valid one a Group with its exact bound.
 */
export function enumerateEveryGroup(ctx: PlanContext, space: Space, fixed: LayoutConstraints, probe: Probe, tally: Tally): Group[] {
  const groups: Group[] = [];
  const { layoutsPerGroup, microBatchSizes } = space;
  forEachGrid(ctx, space, fixed, probe, (ti, ci, pi) => {
    const epSizes = space.epSizes(expertParallelDomain(probe.tp, probe.dp));
    const schedules = space.schedules(probe.pp);
    const stagesOk = stagesExist(ctx, probe.pp);
    for (let ei = 0; ei < epSizes.length; ei++)
      for (let mi = 0; mi < microBatchSizes.length; mi++) {
        probe.ep = epSizes[ei]!;
        probe.microBatchSize = microBatchSizes[mi]!;
        for (let si = 0; si < schedules.length; si++) {
          tally.considered += layoutsPerGroup;
          const entry = schedules[si]!;
          probe.schedule = entry[0];
          probe.virtualStages = entry[1];
          const problem = structuralProblem(ctx, probe);
          if (problem) {
            reject(tally, problem, layoutsPerGroup);
            continue;
          }
          if (!stagesOk) {
            reject(tally, 'more pipeline stages than layers', layoutsPerGroup);
            continue;
          }
          const base: Layout = { ...probe };
          groups.push({
            level: 'group',
            base,
            from: base,
            ep: base.ep,
            index: enumerationIndex(space, ti, ci, pi, ei, mi, si),
            boundS: lowerBoundSeconds(ctx, base, boundTerms(ctx, base)),
            exact: true,
            next: null,
          });
        }
      }
  });
  return groups;
}

/**
 * The pruned search's enumeration: one ScheduleGroup per valid (tp, cp, pp, dp, micro-batch,
 * schedule) with the EP sizes that pass the rules. The rules on tp and ep run once per EP
 * size, the others (which do not read ep) once per schedule group, and the counts are
 * multiplied out: the same layoutsConsidered and rejection counts as visiting every layout.
 */
export function enumerateScheduleGroups(ctx: PlanContext, space: Space, fixed: LayoutConstraints, probe: Probe, tally: Tally): ScheduleGroup[] {
  const out: ScheduleGroup[] = [];
  const { layoutsPerGroup, microBatchSizes } = space;
  // cheap (EP-free) bound terms by (tp, cp, micro-batch, cross-node pipeline, pipelined)
  const cheapCache: Array<BoundTerms | undefined> = [];
  forEachGrid(ctx, space, fixed, probe, (ti, ci, pi) => {
    const { tp, pp, dp } = probe;
    const allEpSizes = space.epSizes(expertParallelDomain(tp, dp));
    const schedules = space.schedules(pp);
    const perEp = microBatchSizes.length * schedules.length * layoutsPerGroup;
    tally.considered += allEpSizes.length * perEp;
    const epSizes: number[] = [],
      epIndices: number[] = [];
    for (let ei = 0; ei < allEpSizes.length; ei++) {
      const problem = tensorExpertProblem(ctx, tp, dp, allEpSizes[ei]!);
      if (problem) reject(tally, problem, perEp);
      else {
        epSizes.push(allEpSizes[ei]!);
        epIndices.push(ei);
      }
    }
    if (epSizes.length === 0) return;
    const stagesOk = stagesExist(ctx, pp);
    const link = pipelineLinkCode(ctx, probe);
    probe.ep = epSizes[0]!;
    for (let mi = 0; mi < microBatchSizes.length; mi++) {
      probe.microBatchSize = microBatchSizes[mi]!;
      for (let si = 0; si < schedules.length; si++) {
        const entry = schedules[si]!;
        probe.schedule = entry[0];
        probe.virtualStages = entry[1];
        const problem = pipelineBatchProblem(ctx, probe);
        if (problem) {
          reject(tally, problem, epSizes.length * layoutsPerGroup);
          continue;
        }
        if (!stagesOk) {
          reject(tally, 'more pipeline stages than layers', epSizes.length * layoutsPerGroup);
          continue;
        }
        const base: Layout = { ...probe };
        const cheapKey = ((ti * space.cpSizes.length + ci) * microBatchSizes.length + mi) * PIPELINE_LINK_CODES + link;
        const cheap = (cheapCache[cheapKey] ??= cheapBoundTerms(ctx, base));
        out.push({
          level: 'schedule',
          base,
          epSizes,
          epIndices,
          boundS: lowerBoundSeconds(ctx, base, cheap),
          index: enumerationIndex(space, ti, ci, pi, epIndices[0]!, mi, si),
        });
      }
    }
  });
  return out;
}

/**
 * Queue the groups of a schedule group, one per EP size. With several EP sizes each gets the
 * EP-aware cheap bound (epBoundTerms: at least the schedule group's, at most its exact bound)
 * and its exact bound only if it reaches the front of the queue; a single EP size gets its exact
 * bound at once. Only the first in (bound, index) order enters the queue, the others follow one
 * by one as their predecessors leave it (a k-way merge: the same pop order as queueing all of
 * them, with a smaller heap). `scratch` is a probe for the bound lookups.
 */
export function expandScheduleGroup(ctx: PlanContext, space: Space, sg: ScheduleGroup, queue: GroupQueue, scratch: Probe): void {
  const { base, epSizes, epIndices } = sg;
  const exact = epSizes.length === 1;
  // the enumeration index is linear in the EP position
  const epStride = enumerationIndex(space, 0, 0, 0, 1, 0, 0);
  Object.assign(scratch, base);
  const groups: Group[] = [];
  for (let k = 0; k < epSizes.length; k++) {
    const ep = epSizes[k]!;
    scratch.ep = ep;
    const g: Group = {
      level: 'group',
      base: k === 0 ? base : null,
      from: base,
      ep,
      next: null,
      exact,
      index: sg.index + (epIndices[k]! - epIndices[0]!) * epStride,
      boundS: lowerBoundSeconds(ctx, scratch, exact ? boundTerms(ctx, scratch) : epBoundTerms(ctx, scratch)),
    };
    // insertion sort by (bound, index): a handful of EP sizes
    let at = groups.length;
    while (at > 0 && (g.boundS < groups[at - 1]!.boundS || (g.boundS === groups[at - 1]!.boundS && g.index < groups[at - 1]!.index))) at--;
    groups.splice(at, 0, g);
  }
  for (let k = 0; k + 1 < groups.length; k++) groups[k]!.next = groups[k + 1]!;
  queue.push(groups[0]!);
}
