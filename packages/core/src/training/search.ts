import type { PlanContext } from './context.js';
import { stagesFor } from './context.js';
import {
  activationsByRank, boundTerms, cheapBoundTerms, checkMemoryOf, evaluateLayout, groupLowerBoundSeconds, lowerBoundSeconds, microBatchesPerStep, paramsByRank, timeLayout,
  type BoundTerms, type MemoryCheck, type StepTiming,
} from './evaluate.js';
import { structuralProblem, type RejectReason } from './layout-rules.js';
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

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
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

/** Activations per pipeline rank for each recomputation mode of one group, looked up on first use. */
function activationsPerMode(ctx: PlanContext, base: Layout, stages: readonly StageContent[], m: number): (recompute: RecomputeMode) => readonly number[] {
  const cache: Partial<Record<RecomputeMode, readonly number[]>> = {};
  return (recompute) => (cache[recompute] ??= activationsByRank(ctx, { ...base, recompute }, stages, m));
}

/** Whether two ZeRO stages give the same step time (1 and 2: same DP traffic, same sharded optimizer step). */
function sameTiming(a: ZeroStage, b: ZeroStage): boolean {
  return a === b || (a >= 1 && a <= 2 && b >= 1 && b <= 2);
}

/** Layouts that share everything but the ZeRO stage and the recomputation, with a lower bound on their step time. */
interface Group {
  readonly base: Layout;
  /** lowerBoundSeconds with the cheap (EP-free) terms until `exact`, then with the exact terms. */
  bound: number;
  exact: boolean;
  /** Key of the exact bound terms (tp, cp, ep, micro-batch, cross-node pipeline, pipelined). */
  readonly termsKey: number;
}

/**
 * The groups in ascending bound order (ties in enumeration order, as a stable sort gives),
 * produced lazily by a binary heap; a group can be pushed back with a larger bound. Branch
 * and bound stops after a small fraction of them.
 */
class GroupQueue {
  private readonly heap: number[];

  constructor(private readonly groups: readonly Group[]) {
    this.heap = groups.map((_, i) => i);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.heap.length;
  }

  /** Index of the next group, or -1 when none is left. */
  pop(): number {
    const h = this.heap;
    if (h.length === 0) return -1;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) { h[0] = last; this.siftDown(0); }
    return top;
  }

  /** Put group `i` (popped before, bound raised since) back. */
  push(i: number): void {
    const h = this.heap;
    h.push(i);
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.before(h[c]!, h[p]!)) return;
      const t = h[c]!; h[c] = h[p]!; h[p] = t;
      c = p;
    }
  }

  private before(a: number, b: number): boolean {
    const ba = this.groups[a]!.bound, bb = this.groups[b]!.bound;
    return ba < bb || (ba === bb && a < b);
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let min = i;
      if (l < h.length && this.before(h[l]!, h[min]!)) min = l;
      if (r < h.length && this.before(h[r]!, h[min]!)) min = r;
      if (min === i) return;
      const t = h[i]!; h[i] = h[min]!; h[min] = t;
      i = min;
    }
  }
}

/** A layout whose fields the enumeration overwrites to run the structural rules without allocating. */
type Probe = { -readonly [K in keyof Layout]: Layout[K] };

export function searchLayouts(ctx: PlanContext, fixed: LayoutConstraints = {}, keep = 6, options: SearchOptions = {}): SearchOutcome {
  const prune = options.prune ?? true;
  const n = ctx.gpuCount;
  const gpn = ctx.cluster.gpusPerNode;
  const arch = ctx.profile.arch;
  const experts = arch.moe?.numRoutedExperts ?? 0;
  const seq = ctx.profile.sequenceLength;
  const rejected: Partial<Record<RejectReason, number>> = {};
  const reject = (r: RejectReason, count: number) => { rejected[r] = (rejected[r] ?? 0) + count; };
  const ranked: LayoutEvaluation[] = [];
  let closest: { layout: Layout; mem: MemoryCheck } | null = null;
  let considered = 0, timed = 0, pruned = 0;
  const groups: Group[] = [];

  const tps = fixed.tp !== undefined ? [fixed.tp] : divisors(gpn).filter((t) => n % t === 0);
  const cps = fixed.cp !== undefined ? [fixed.cp] : seq >= CP_MIN_SEQUENCE ? [1, 2, 4, 8, 16] : [1];
  const zeros = fixed.zero !== undefined ? [fixed.zero] : ZERO_ORDER;
  const recs = fixed.recompute !== undefined ? [fixed.recompute] : RECOMPUTE_ORDER;
  const mbss = fixed.microBatchSize !== undefined ? [fixed.microBatchSize] : MICRO_BATCH_SIZES;
  const perGroup = zeros.length * recs.length;

  /** Step time a layout must beat to enter `ranked`. */
  const admissionLimit = () => (ranked.length >= keep ? ranked[ranked.length - 1]!.stepTimeSeconds : Infinity);

  const probe: Probe = { tp: 1, cp: 1, pp: 1, dp: 1, ep: 1, zero: zeros[0]!, microBatchSize: 1, schedule: '1f1b', virtualStages: 1, recompute: recs[0]! };
  // exact bound terms by (tp, cp, ep, micro-batch, cross-node pipeline, pipelined): numeric keys, no string building per layout
  const termsCache = new Map<number, BoundTerms>();
  const exactTerms = (g: Group): BoundTerms => {
    let terms = termsCache.get(g.termsKey);
    if (!terms) { terms = boundTerms(ctx, g.base); termsCache.set(g.termsKey, terms); }
    return terms;
  };
  // cheap (EP-free) bound terms by (tp, cp, micro-batch, cross-node pipeline, pipelined)
  const cheapCache: Array<BoundTerms | undefined> = [];
  for (let ti = 0; ti < tps.length; ti++) for (let ci = 0; ci < cps.length; ci++) {
    const tp = tps[ti]!, cp = cps[ci]!;
    if (n % (tp * cp) !== 0) continue;
    const rest = n / (tp * cp);
    const pps = fixed.pp !== undefined ? [fixed.pp] : divisors(rest).filter((p) => p <= arch.numLayers);
    for (const pp of pps) {
      if (rest % pp !== 0) continue;
      const dp = rest / pp;
      if (fixed.dp !== undefined && fixed.dp !== dp) continue;
      const stagesExist = stagesFor(ctx, pp) !== null;
      const crossNode = tp * cp * dp >= gpn ? 1 : 0;
      const eps = fixed.ep !== undefined ? [fixed.ep] : experts > 0 ? divisors(tp * dp).filter((e) => experts % e === 0) : [1];
      const schedules: Array<[PipelineSchedule, number]> = [];
      const wanted: PipelineSchedule[] = fixed.schedule ? [fixed.schedule] : pp === 1 ? ['1f1b'] : ['1f1b', 'interleaved', 'zerobubble', 'dualpipe'];
      for (const s of wanted) {
        if (s === 'interleaved') for (const v of fixed.virtualStages !== undefined ? [fixed.virtualStages] : VIRTUAL_STAGES) schedules.push([s, v]);
        else schedules.push([s, 1]);
      }
      probe.tp = tp; probe.cp = cp; probe.pp = pp; probe.dp = dp;
      for (const ep of eps) for (let mi = 0; mi < mbss.length; mi++) {
        const mbs = mbss[mi]!;
        probe.ep = ep; probe.microBatchSize = mbs;
        for (const [schedule, v] of schedules) {
          considered += perGroup;
          probe.schedule = schedule; probe.virtualStages = v;
          const problem = structuralProblem(ctx, probe);
          if (problem) { reject(problem, perGroup); continue; }
          if (!stagesExist) { reject('more pipeline stages than layers', perGroup); continue; }
          const base: Layout = { ...probe };
          const termsKey = ((((ti * cps.length + ci) * (n + 1) + ep) * mbss.length + mi) * 2 + crossNode) * 2 + (pp > 1 ? 1 : 0);
          // pruning orders by the cheap EP-free bound and computes the exact one on reaching the front
          const group: Group = { base, bound: 0, exact: !prune, termsKey };
          const cheapKey = (((ti * cps.length + ci) * mbss.length + mi) * 2 + crossNode) * 2 + (pp > 1 ? 1 : 0);
          let cheap = cheapCache[cheapKey];
          if (prune && !cheap) { cheap = cheapBoundTerms(ctx, base); cheapCache[cheapKey] = cheap; }
          group.bound = lowerBoundSeconds(ctx, base, prune ? cheap! : exactTerms(group));
          groups.push(group);
        }
      }
    }
  }

  // branch and bound: cheapest bound first; stop once no remaining group can beat the kept ones
  const queue = new GroupQueue(groups);
  const maxZero = zeros.reduce((a, b) => (b > a ? b : a));
  for (let gi = queue.pop(); gi >= 0; gi = queue.pop()) {
    const group = groups[gi]!;
    const { base, bound } = group;
    if (prune && bound >= admissionLimit()) {
      pruned += (queue.size + 1) * perGroup;
      break;
    }
    if (!group.exact) {
      // the cheap bound got it here: replace it by the exact one and queue it again (the order of
      // exact bounds, ties included, is the one an eager pass gives: every cheap bound is ≤ its exact one)
      group.exact = true;
      group.bound = lowerBoundSeconds(ctx, base, exactTerms(group));
      queue.push(gi);
      continue;
    }
    const stages = stagesFor(ctx, base.pp)!;
    const m = microBatchesPerStep(ctx, base);
    const params = paramsByRank(ctx, base, stages);
    // a tighter bound (stage imbalance, bubble, optimizer step) skips this group only
    if (prune && ranked.length >= keep && groupLowerBoundSeconds(ctx, { ...base, zero: maxZero }, stages, m, params) >= admissionLimit()) {
      pruned += perGroup;
      continue;
    }
    const acts = activationsPerMode(ctx, base, stages, m);
    const heaviest = recs[recs.length - 1]!;
    /** Whether a layout of this group fits at all with this ZeRO stage (heaviest recomputation: the least memory). */
    const canFit = (zero: ZeroStage) => checkMemoryOf(ctx, { ...base, zero, recompute: heaviest }, params, acts(heaviest)).fits;
    // once a layout fits, the closest non-fitting one no longer matters: reject hopeless ZeRO stages with one check
    if (prune && ranked.length > 0 && !canFit(maxZero)) {
      reject('does not fit in HBM', perGroup);
      continue;
    }
    let previous: { zero: ZeroStage; recompute: RecomputeMode; timing: StepTiming } | null = null;
    for (const zero of zeros) {
      if (prune && ranked.length > 0 && zero !== maxZero && !canFit(zero)) {
        reject('does not fit in HBM', recs.length);
        continue;
      }
      for (const recompute of recs) {
        const layout: Layout = { ...base, zero, recompute };
        const mem = checkMemoryOf(ctx, layout, params, acts(recompute));
        if (!mem.fits) {
          reject('does not fit in HBM', 1);
          if (!closest || mem.worst.total < closest.mem.worst.total) closest = { layout, mem };
          continue;
        }
        timed++;
        // ZeRO-1 and ZeRO-2 take the same time: reuse the timing of the stage before
        const timing: StepTiming = previous && previous.recompute === recompute && sameTiming(previous.zero, zero) ? previous.timing : timeLayout(ctx, layout, stages, m);
        previous = { zero, recompute, timing };
        // the full evaluation (breakdowns, strings) only for layouts that enter the ranking
        if (timing.stepTimeSeconds < admissionLimit()) insertRanked(ranked, evaluateLayout(ctx, layout, mem, timing), keep);
        // heavier recomputation of a fitting layout is only slower: not timed
        break;
      }
    }
  }
  const c = closest as { layout: Layout; mem: MemoryCheck } | null;
  return {
    ranked,
    closestNonFitting: ranked.length === 0 && c ? evaluateLayout(ctx, c.layout, c.mem) : null,
    rejected,
    layoutsConsidered: considered,
    layoutsTimed: timed,
    layoutsPruned: pruned,
  };
}
