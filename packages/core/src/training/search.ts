import type { PlanContext } from './context.js';
import { stagesFor } from './context.js';
import { boundTerms, checkMemory, evaluateLayout, lowerBoundSeconds, microBatchesPerStep, type BoundTerms, type MemoryCheck } from './evaluate.js';
import { structuralProblem, type RejectReason } from './layout-rules.js';
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
  /** Layouts skipped because a lower bound on their compute time already exceeds the slowest layout kept. */
  readonly layoutsPruned: number;
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

export function searchLayouts(ctx: PlanContext, fixed: LayoutConstraints = {}, keep = 6): SearchOutcome {
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
  const groups: Array<{ base: Layout; bound: number }> = [];

  const tps = fixed.tp !== undefined ? [fixed.tp] : divisors(gpn).filter((t) => n % t === 0);
  const cps = fixed.cp !== undefined ? [fixed.cp] : seq >= CP_MIN_SEQUENCE ? [1, 2, 4, 8, 16] : [1];
  const zeros = fixed.zero !== undefined ? [fixed.zero] : ZERO_ORDER;
  const recs = fixed.recompute !== undefined ? [fixed.recompute] : RECOMPUTE_ORDER;
  const perGroup = zeros.length * recs.length;

  const push = (e: LayoutEvaluation) => {
    ranked.push(e);
    ranked.sort((a, b) => a.stepTimeSeconds - b.stepTimeSeconds);
    if (ranked.length > keep) ranked.pop();
  };

  for (const tp of tps) for (const cp of cps) {
    if (n % (tp * cp) !== 0) continue;
    const rest = n / (tp * cp);
    const pps = fixed.pp !== undefined ? [fixed.pp] : divisors(rest).filter((p) => p <= arch.numLayers);
    for (const pp of pps) {
      if (rest % pp !== 0) continue;
      const dp = rest / pp;
      if (fixed.dp !== undefined && fixed.dp !== dp) continue;
      const eps = fixed.ep !== undefined ? [fixed.ep] : experts > 0 ? divisors(tp * dp).filter((e) => experts % e === 0) : [1];
      const mbss = fixed.microBatchSize !== undefined ? [fixed.microBatchSize] : MICRO_BATCH_SIZES;
      const schedules: Array<[PipelineSchedule, number]> = [];
      const wanted: PipelineSchedule[] = fixed.schedule ? [fixed.schedule] : pp === 1 ? ['1f1b'] : ['1f1b', 'interleaved', 'dualpipe'];
      for (const s of wanted) {
        if (s === 'interleaved') for (const v of fixed.virtualStages !== undefined ? [fixed.virtualStages] : VIRTUAL_STAGES) schedules.push([s, v]);
        else schedules.push([s, 1]);
      }
      for (const ep of eps) for (const mbs of mbss) {
        let terms: BoundTerms | null = null;
        for (const [schedule, v] of schedules) {
          considered += perGroup;
          const base: Layout = { tp, cp, pp, dp, ep, zero: zeros[0]!, microBatchSize: mbs, schedule, virtualStages: v, recompute: recs[0]! };
          const problem = structuralProblem(ctx, base);
          if (problem) { reject(problem, perGroup); continue; }
          if (!stagesFor(ctx, pp)) { reject('more pipeline stages than layers', perGroup); continue; }
          terms ??= boundTerms(ctx, base);
          groups.push({ base, bound: lowerBoundSeconds(ctx, base, terms) });
        }
      }
    }
  }

  // branch and bound: cheapest compute bound first; stop once no remaining group can beat the kept ones
  groups.sort((a, b) => a.bound - b.bound);
  for (let gi = 0; gi < groups.length; gi++) {
    const { base, bound } = groups[gi]!;
    if (ranked.length >= keep && bound >= ranked[ranked.length - 1]!.stepTimeSeconds) {
      pruned += (groups.length - gi) * perGroup;
      break;
    }
    const stages = stagesFor(ctx, base.pp)!;
    const m = microBatchesPerStep(ctx, base);
    for (const zero of zeros) {
      for (const recompute of recs) {
        const layout: Layout = { ...base, zero, recompute };
        const mem = checkMemory(ctx, layout, stages, m);
        if (!mem.fits) {
          reject('does not fit in HBM', 1);
          if (!closest || mem.worst.total < closest.mem.worst.total) closest = { layout, mem };
          continue;
        }
        timed++;
        push(evaluateLayout(ctx, layout, mem));
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
