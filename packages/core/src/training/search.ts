import type { PlanContext } from './context.js';
import { stagesExist, stagesFor } from './context.js';
import {
  activationsByRank, boundTerms, cheapBoundTerms, epBoundTerms, evaluateLayout, groupLowerBoundSeconds, lowerBoundSeconds, memoryCheckAt, microBatchesPerStep, paramsByRank,
  staticBytesByRank, timeLayout, worstMemoryOf, type BoundTerms, type MemoryCheck, type StepTiming, type WorstMemory,
} from './evaluate.js';
import { pipelineBatchProblem, structuralProblem, tensorExpertProblem, type RejectReason } from './layout-rules.js';
import type { StaticParams } from './memory.js';
import type { StageContent } from './stages.js';
import type { Layout, LayoutEvaluation, PipelineSchedule, RecomputeMode, ZeroStage } from './types.js';

/** Fields a caller pins; the rest are searched. */
export type LayoutConstraints = Partial<Layout>;

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
}

const MICRO_BATCH_SIZES = [1, 2, 4, 8];
const VIRTUAL_STAGES = [2, 4];
const RECOMPUTE_ORDER: readonly RecomputeMode[] = ['none', 'selective', 'full'];
/** ZeRO-1 costs the same time as ZeRO-0 with less memory, so 0 is searched only when pinned. */
const ZERO_ORDER: readonly ZeroStage[] = [1, 2, 3];
/** Context parallelism is searched only for long sequences. */
const CP_MIN_SEQUENCE = 32768;

/** Divisors of n in ascending order (pairs up to √n: n can be a GPU count in the thousands). */
function divisors(n: number): number[] {
  const low: number[] = [], high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.push(n / d);
  }
  for (let i = high.length - 1; i >= 0; i--) low.push(high[i]!);
  return low;
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
  return a === b || (a >= 1 && a <= 2 && b >= 1 && b <= 2);
}

/** Layouts that share everything but the ZeRO stage and the recomputation, with a lower bound on their step time. */
interface Group {
  readonly level: 'group';
  /** The layout (ZeRO stage and recomputation unset), built when the group leaves the queue. */
  base: Layout | null;
  /** The schedule group's layout and this group's EP size (base is `{ ...from, ep }`). */
  readonly from: Layout;
  readonly ep: number;
  /**
   * lowerBoundSeconds with the exact bound terms once `exact`; before, with epBoundTerms (at
   * most the exact bound): such a group is resolved when it reaches the front of the queue and
   * pushed back with its exact bound, which pops the groups in the same order as exact bounds
   * up front (every key is at most the exact bound of every group it stands for).
   */
  bound: number;
  exact: boolean;
  /** Position in the enumeration order (tp, cp, pp, ep, micro-batch, schedule): breaks ties of `bound`. */
  readonly index: number;
  /** The next group of the same schedule group in (bound, index) order: queued when this one first leaves the queue. */
  next: Group | null;
}

/**
 * The groups of one (tp, cp, pp, dp, micro-batch, schedule) for every EP size that passes the
 * structural rules, not built yet: the pruned search queues one of these instead of a Group
 * per EP size and expands it only if it reaches the front of the queue. Its bound (the cheap,
 * EP-free bound of its smallest EP size: every cheap bound is ≤ the exact one, and EP > 1
 * only adds the DualPipe SM tax) and index (that of its first group) are at most those of
 * every group it expands to, so expanding late pops the groups in the same order as queueing
 * every group with its exact bound up front.
 */
interface ScheduleGroup {
  readonly level: 'schedule';
  /** The layout of the smallest EP size (ZeRO stage and recomputation unset: the probe's). */
  readonly base: Layout;
  /** EP sizes with their positions in the enumeration's EP list. */
  readonly eps: readonly number[];
  readonly epIndices: readonly number[];
  readonly bound: number;
  readonly index: number;
}

type QueueItem = Group | ScheduleGroup;

/**
 * Queue items in ascending (bound, index) order, produced lazily by a binary heap; an item
 * can be pushed back with a larger bound. Branch and bound stops after a small fraction of them.
 */
class GroupQueue {
  private readonly heap: QueueItem[];

  constructor(items: QueueItem[]) {
    this.heap = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The next item, or null when none is left. */
  pop(): QueueItem | null {
    const h = this.heap;
    if (h.length === 0) return null;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) { h[0] = last; this.siftDown(0); }
    return top;
  }

  push(item: QueueItem): void {
    const h = this.heap;
    let c = h.length;
    h.push(item);
    // sift up: move parents down until the item's place is found
    while (c > 0) {
      const p = (c - 1) >> 1;
      const parent = h[p]!;
      if (!(item.bound < parent.bound || (item.bound === parent.bound && item.index < parent.index))) break;
      h[c] = parent;
      c = p;
    }
    h[c] = item;
  }

  private siftDown(i: number): void {
    const h = this.heap, n = h.length;
    const item = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let min = l, m = h[l]!;
      const r = l + 1;
      if (r < n) {
        const b = h[r]!;
        if (b.bound < m.bound || (b.bound === m.bound && b.index < m.index)) { min = r; m = b; }
      }
      if (!(m.bound < item.bound || (m.bound === item.bound && m.index < item.index))) break;
      h[i] = m;
      i = min;
    }
    h[i] = item;
  }
}

/** A layout whose fields the enumeration overwrites to run the structural rules without allocating. */
type Probe = { -readonly [K in keyof Layout]: Layout[K] };

/** Radix of the enumeration index for pipeline depths and EP sizes (more than any number's divisor count up to 10^9). */
const INDEX_RADIX = 2048;
/** Radix of the enumeration index for (schedule, virtual stages) entries. */
const SCHEDULE_RADIX = 8;

/** The searched value lists and lookups shared by both enumerations. */
interface Space {
  readonly tps: readonly number[];
  readonly cps: readonly number[];
  readonly zeros: readonly ZeroStage[];
  readonly recs: readonly RecomputeMode[];
  readonly mbss: readonly number[];
  /** Layouts per group: ZeRO stages × recomputation modes. */
  readonly perGroup: number;
  /** Pipeline depths searched for `rest` = gpuCount / (tp·cp) GPUs. */
  pps(rest: number): readonly number[];
  /** EP sizes searched for tp·dp GPUs. */
  eps(tpDp: number): readonly number[];
  /** (schedule, virtual stages) entries searched at pipeline depth pp. */
  schedules(pp: number): ReadonlyArray<readonly [PipelineSchedule, number]>;
}

function searchSpace(ctx: PlanContext, fixed: LayoutConstraints): Space {
  const n = ctx.gpuCount;
  const gpn = ctx.cluster.gpusPerNode;
  const arch = ctx.profile.arch;
  const experts = arch.moe?.numRoutedExperts ?? 0;
  const zeros = fixed.zero !== undefined ? [fixed.zero] : ZERO_ORDER;
  const recs = fixed.recompute !== undefined ? [fixed.recompute] : RECOMPUTE_ORDER;
  const vs = fixed.virtualStages !== undefined ? [fixed.virtualStages] : VIRTUAL_STAGES;
  const schedulesAt = (pp: number): Array<[PipelineSchedule, number]> => {
    const wanted: PipelineSchedule[] = fixed.schedule ? [fixed.schedule] : pp === 1 ? ['1f1b'] : ['1f1b', 'interleaved', 'zerobubble', 'dualpipe'];
    const out: Array<[PipelineSchedule, number]> = [];
    for (const s of wanted) {
      if (s === 'interleaved') for (const v of vs) out.push([s, v]);
      else out.push([s, 1]);
    }
    return out;
  };
  const deep = schedulesAt(2), shallow = schedulesAt(1);
  return {
    tps: fixed.tp !== undefined ? [fixed.tp] : divisors(gpn).filter((t) => n % t === 0),
    cps: fixed.cp !== undefined ? [fixed.cp] : ctx.profile.sequenceLength >= CP_MIN_SEQUENCE ? [1, 2, 4, 8, 16] : [1],
    zeros, recs,
    mbss: fixed.microBatchSize !== undefined ? [fixed.microBatchSize] : MICRO_BATCH_SIZES,
    perGroup: zeros.length * recs.length,
    pps: (rest) => (fixed.pp !== undefined ? [fixed.pp] : divisors(rest).filter((p) => p <= arch.numLayers)),
    eps: (tpDp) => (fixed.ep !== undefined ? [fixed.ep] : experts > 0 ? divisors(tpDp).filter((e) => experts % e === 0) : [1]),
    schedules: (pp) => (pp === 1 ? shallow : deep),
  };
}

/** Enumeration index of a group (or of a schedule group's first group): lexicographic in (tp, cp, pp, ep, micro-batch, schedule). */
function enumerationIndex(space: Space, ti: number, ci: number, pi: number, ei: number, mi: number, si: number): number {
  return ((((ti * space.cps.length + ci) * INDEX_RADIX + pi) * INDEX_RADIX + ei) * space.mbss.length + mi) * SCHEDULE_RADIX + si;
}

/** Counts of the enumeration: layouts considered and structural rejections by reason. */
interface Tally {
  considered: number;
  readonly rejected: Partial<Record<RejectReason, number>>;
}

function reject(tally: Tally, r: RejectReason, count: number): void {
  tally.rejected[r] = (tally.rejected[r] ?? 0) + count;
}

/** Visit every (tp, cp, pp, dp) the request allows, with the probe's tp, cp, pp and dp set. */
function forEachGrid(ctx: PlanContext, space: Space, fixed: LayoutConstraints, probe: Probe, visit: (ti: number, ci: number, pi: number) => void): void {
  const n = ctx.gpuCount;
  for (let ti = 0; ti < space.tps.length; ti++) for (let ci = 0; ci < space.cps.length; ci++) {
    const tp = space.tps[ti]!, cp = space.cps[ci]!;
    if (n % (tp * cp) !== 0) continue;
    const rest = n / (tp * cp);
    const pps = space.pps(rest);
    for (let pi = 0; pi < pps.length; pi++) {
      const pp = pps[pi]!;
      if (rest % pp !== 0) continue;
      const dp = rest / pp;
      if (fixed.dp !== undefined && fixed.dp !== dp) continue;
      probe.tp = tp; probe.cp = cp; probe.pp = pp; probe.dp = dp;
      visit(ti, ci, pi);
    }
  }
}

/**
 * The reference enumeration (no pruning): every (tp, cp, pp, dp, ep, micro-batch, schedule)
 * visited and checked one by one, each valid one a Group with its exact bound.
 */
function enumerateEveryGroup(ctx: PlanContext, space: Space, fixed: LayoutConstraints, probe: Probe, tally: Tally): Group[] {
  const groups: Group[] = [];
  const { perGroup, mbss } = space;
  forEachGrid(ctx, space, fixed, probe, (ti, ci, pi) => {
    const eps = space.eps(probe.tp * probe.dp);
    const schedules = space.schedules(probe.pp);
    const stagesOk = stagesExist(ctx, probe.pp);
    for (let ei = 0; ei < eps.length; ei++) for (let mi = 0; mi < mbss.length; mi++) {
      probe.ep = eps[ei]!; probe.microBatchSize = mbss[mi]!;
      for (let si = 0; si < schedules.length; si++) {
        tally.considered += perGroup;
        const entry = schedules[si]!;
        probe.schedule = entry[0]; probe.virtualStages = entry[1];
        const problem = structuralProblem(ctx, probe);
        if (problem) { reject(tally, problem, perGroup); continue; }
        if (!stagesOk) { reject(tally, 'more pipeline stages than layers', perGroup); continue; }
        const base: Layout = { ...probe };
        groups.push({ level: 'group', base, from: base, ep: base.ep, index: enumerationIndex(space, ti, ci, pi, ei, mi, si), bound: lowerBoundSeconds(ctx, base, boundTerms(ctx, base)), exact: true, next: null });
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
function enumerateScheduleGroups(ctx: PlanContext, space: Space, fixed: LayoutConstraints, probe: Probe, tally: Tally): ScheduleGroup[] {
  const out: ScheduleGroup[] = [];
  const { perGroup, mbss } = space;
  // cheap (EP-free) bound terms by (tp, cp, micro-batch, cross-node pipeline, pipelined)
  const cheapCache: Array<BoundTerms | undefined> = [];
  forEachGrid(ctx, space, fixed, probe, (ti, ci, pi) => {
    const { tp, cp, pp, dp } = probe;
    const allEps = space.eps(tp * dp);
    const schedules = space.schedules(pp);
    const perEp = mbss.length * schedules.length * perGroup;
    tally.considered += allEps.length * perEp;
    const eps: number[] = [], epIndices: number[] = [];
    for (let ei = 0; ei < allEps.length; ei++) {
      const problem = tensorExpertProblem(ctx, tp, dp, allEps[ei]!);
      if (problem) reject(tally, problem, perEp);
      else { eps.push(allEps[ei]!); epIndices.push(ei); }
    }
    if (eps.length === 0) return;
    const stagesOk = stagesExist(ctx, pp);
    const crossNode = tp * cp * dp >= ctx.cluster.gpusPerNode ? 1 : 0;
    probe.ep = eps[0]!;
    for (let mi = 0; mi < mbss.length; mi++) {
      probe.microBatchSize = mbss[mi]!;
      for (let si = 0; si < schedules.length; si++) {
        const entry = schedules[si]!;
        probe.schedule = entry[0]; probe.virtualStages = entry[1];
        const problem = pipelineBatchProblem(ctx, probe);
        if (problem) { reject(tally, problem, eps.length * perGroup); continue; }
        if (!stagesOk) { reject(tally, 'more pipeline stages than layers', eps.length * perGroup); continue; }
        const base: Layout = { ...probe };
        const cheapKey = (((ti * space.cps.length + ci) * mbss.length + mi) * 2 + crossNode) * 2 + (pp > 1 ? 1 : 0);
        const cheap = (cheapCache[cheapKey] ??= cheapBoundTerms(ctx, base));
        out.push({
          level: 'schedule', base, eps, epIndices,
          bound: lowerBoundSeconds(ctx, base, cheap), index: enumerationIndex(space, ti, ci, pi, epIndices[0]!, mi, si),
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
function expandScheduleGroup(ctx: PlanContext, space: Space, sg: ScheduleGroup, queue: GroupQueue, scratch: Probe): void {
  const { base, eps, epIndices } = sg;
  const exact = eps.length === 1;
  // the enumeration index is linear in the EP position
  const epStride = enumerationIndex(space, 0, 0, 0, 1, 0, 0);
  Object.assign(scratch, base);
  const groups: Group[] = [];
  for (let k = 0; k < eps.length; k++) {
    const ep = eps[k]!;
    scratch.ep = ep;
    const g: Group = {
      level: 'group', base: k === 0 ? base : null, from: base, ep, next: null, exact,
      index: sg.index + (epIndices[k]! - epIndices[0]!) * epStride,
      bound: lowerBoundSeconds(ctx, scratch, exact ? boundTerms(ctx, scratch) : epBoundTerms(ctx, scratch)),
    };
    // insertion sort by (bound, index): a handful of EP sizes
    let at = groups.length;
    while (at > 0 && (g.bound < groups[at - 1]!.bound || (g.bound === groups[at - 1]!.bound && g.index < groups[at - 1]!.index))) at--;
    groups.splice(at, 0, g);
  }
  for (let k = 0; k + 1 < groups.length; k++) groups[k]!.next = groups[k + 1]!;
  queue.push(groups[0]!);
}

/**
 * Memory of one group's layouts: per-rank parameters, activations per recomputation mode and
 * the heaviest-recomputation verdict per ZeRO stage, looked up once; checks build no breakdown
 * and allocate nothing (one instance per search, reset per group).
 */
class GroupMemory {
  private readonly layout: Probe;
  private stages: readonly StageContent[] = [];
  private m = 0;
  params: readonly StaticParams[] = [];
  /** Activations per pipeline rank by position in `recs`. */
  private readonly acts: Array<readonly number[] | undefined>;
  /** Static bytes per pipeline rank, by ZeRO stage. */
  private readonly statics: Array<readonly number[] | undefined> = [undefined, undefined, undefined, undefined];
  /** Whether the heaviest recomputation fits, by ZeRO stage. */
  private readonly heaviestFits: Array<boolean | undefined> = [undefined, undefined, undefined, undefined];
  /** Heaviest rank of the last check. */
  readonly worst: WorstMemory = { total: 0, rank: 0 };

  constructor(private readonly ctx: PlanContext, private readonly recs: readonly RecomputeMode[], probe: Probe) {
    this.layout = { ...probe };
    this.acts = recs.map(() => undefined);
  }

  reset(base: Layout, stages: readonly StageContent[], m: number, params: readonly StaticParams[]): void {
    Object.assign(this.layout, base);
    this.stages = stages; this.m = m; this.params = params;
    this.acts.fill(undefined);
    this.statics.fill(undefined);
    this.heaviestFits.fill(undefined);
  }

  /** Activations per rank with the recomputation mode at position `ri` of `recs`. */
  actsAt(ri: number): readonly number[] {
    return (this.acts[ri] ??= activationsByRank(this.ctx, this.layout, this.stages, this.m, this.recs[ri]!));
  }

  /** Whether the group's layout with this ZeRO stage and recomputation fits; fills `worst`. */
  fits(zero: ZeroStage, ri: number): boolean {
    this.layout.zero = zero; this.layout.recompute = this.recs[ri]!;
    const statics = (this.statics[zero] ??= staticBytesByRank(this.ctx, this.layout, this.params));
    const fits = worstMemoryOf(this.ctx, this.layout, statics, this.actsAt(ri), this.worst);
    if (ri === this.recs.length - 1) this.heaviestFits[zero] = fits;
    return fits;
  }

  /** Whether a layout of this group fits at all with this ZeRO stage (heaviest recomputation: the least memory). */
  canFit(zero: ZeroStage): boolean {
    const known = this.heaviestFits[zero];
    return known !== undefined ? known : this.fits(zero, this.recs.length - 1);
  }

  /** The breakdown of the heaviest rank of the last `fits` check, for `layout`. */
  check(layout: Layout, ri: number): MemoryCheck {
    return memoryCheckAt(this.ctx, layout, this.params, this.actsAt(ri), this.worst.rank);
  }
}

export function searchLayouts(ctx: PlanContext, fixed: LayoutConstraints = {}, keep = 6, options: SearchOptions = {}): SearchOutcome {
  const prune = options.prune ?? true;
  const space = searchSpace(ctx, fixed);
  const { zeros, recs, perGroup } = space;
  const tally: Tally = { considered: 0, rejected: {} };
  const ranked: LayoutEvaluation[] = [];
  /** The non-fitting layout with the least memory so far (its breakdown is built at the end). */
  let closest: { layout: Layout; total: number; recIndex: number; params: readonly StaticParams[]; acts: readonly number[]; rank: number } | null = null;
  let timed = 0, pruned = 0, hbmRejected = 0;
  /** Step time a layout must beat to enter `ranked` (the slowest kept once `keep` are kept). */
  let limit = Infinity;

  const probe: Probe = { tp: 1, cp: 1, pp: 1, dp: 1, ep: 1, zero: zeros[0]!, microBatchSize: 1, schedule: '1f1b', virtualStages: 1, recompute: recs[0]! };
  const items: QueueItem[] = prune ? enumerateScheduleGroups(ctx, space, fixed, probe, tally) : enumerateEveryGroup(ctx, space, fixed, probe, tally);
  /** Layouts in the queue (what a stop prunes). */
  let queued = 0;
  for (let i = 0; i < items.length; i++) { const item = items[i]!; queued += (item.level === 'schedule' ? item.eps.length : 1) * perGroup; }

  // branch and bound: cheapest bound first; stop once no remaining group can beat the kept ones
  const queue = new GroupQueue(items);
  let maxZero = zeros[0]!;
  for (const z of zeros) if (z > maxZero) maxZero = z;
  const memory = new GroupMemory(ctx, recs, probe);
  const scratch: Probe = { ...probe };
  for (let item = queue.pop(); item !== null; item = queue.pop()) {
    if (prune && item.bound >= limit) {
      pruned += queued;
      break;
    }
    if (item.level === 'schedule') {
      // its groups, one per EP size, each with a bound at least this one's and a later index
      expandScheduleGroup(ctx, space, item, queue, scratch);
      continue;
    }
    if (item.next) { queue.push(item.next); item.next = null; }
    if (!item.exact) {
      // its exact bound (at least the cheap one): back into the queue
      Object.assign(scratch, item.from);
      scratch.ep = item.ep;
      item.bound = lowerBoundSeconds(ctx, scratch, boundTerms(ctx, scratch));
      item.exact = true;
      queue.push(item);
      continue;
    }
    const base = (item.base ??= { ...item.from, ep: item.ep });
    queued -= perGroup;
    const stages = stagesFor(ctx, base.pp)!;
    const m = microBatchesPerStep(ctx, base);
    const params = paramsByRank(ctx, base, stages);
    // a tighter bound (stage imbalance, bubble, optimizer step) skips this group only
    if (prune && ranked.length >= keep && groupLowerBoundSeconds(ctx, { ...base, zero: maxZero }, stages, m, params) >= limit) {
      pruned += perGroup;
      continue;
    }
    memory.reset(base, stages, m, params);
    // once a layout fits, the closest non-fitting one no longer matters: reject hopeless ZeRO stages with one check
    if (prune && ranked.length > 0 && !memory.canFit(maxZero)) {
      hbmRejected += perGroup;
      continue;
    }
    let previous: { zero: ZeroStage; recompute: RecomputeMode; timing: StepTiming } | null = null;
    for (let zi = 0; zi < zeros.length; zi++) {
      const zero = zeros[zi]!;
      if (prune && ranked.length > 0 && zero !== maxZero && !memory.canFit(zero)) {
        hbmRejected += recs.length;
        continue;
      }
      for (let ri = 0; ri < recs.length; ri++) {
        const recompute = recs[ri]!;
        if (!memory.fits(zero, ri)) {
          hbmRejected++;
          const w = memory.worst;
          if (!closest || w.total < closest.total) {
            closest = { layout: { ...base, zero, recompute }, total: w.total, recIndex: ri, params, acts: memory.actsAt(ri), rank: w.rank };
          }
          continue;
        }
        timed++;
        const layout: Layout = { ...base, zero, recompute };
        // ZeRO-1 and ZeRO-2 take the same time: reuse the timing of the stage before
        const timing: StepTiming = previous && previous.recompute === recompute && sameTiming(previous.zero, zero) ? previous.timing : timeLayout(ctx, layout, stages, m);
        previous = { zero, recompute, timing };
        // the full evaluation (breakdowns, strings) only for layouts that enter the ranking
        if (timing.stepTimeSeconds < limit) {
          insertRanked(ranked, evaluateLayout(ctx, layout, memory.check(layout, ri), timing), keep);
          if (ranked.length >= keep) limit = ranked[ranked.length - 1]!.stepTimeSeconds;
        }
        // heavier recomputation of a fitting layout is only slower: not timed
        break;
      }
    }
  }
  if (hbmRejected > 0) reject(tally, 'does not fit in HBM', hbmRejected);
  const c = closest as { layout: Layout; recIndex: number; params: readonly StaticParams[]; acts: readonly number[]; rank: number } | null;
  return {
    ranked,
    closestNonFitting: ranked.length === 0 && c ? evaluateLayout(ctx, c.layout, memoryCheckAt(ctx, c.layout, c.params, c.acts, c.rank)) : null,
    rejected: tally.rejected,
    layoutsConsidered: tally.considered,
    layoutsTimed: timed,
    layoutsPruned: pruned,
  };
}
