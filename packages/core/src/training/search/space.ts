/**
 * The layout search space: the values searched per field, the pinned fields, and the
 * enumeration index that orders groups.
 */
import type { PlanContext } from '../context.js';
import type { Layout, PipelineSchedule, RecomputeMode, ZeroStage } from '../types.js';

/** Fields a caller pins; the rest are searched. */
export type LayoutConstraints = Partial<Layout>;

const MICRO_BATCH_SIZES = [1, 2, 4, 8];
const VIRTUAL_STAGES = [2, 4];
const RECOMPUTE_ORDER: readonly RecomputeMode[] = ['none', 'selective', 'full'];
/** ZeRO-1 costs the same time as ZeRO-0 with less memory, so 0 is searched only when pinned. */
const ZERO_ORDER: readonly ZeroStage[] = [1, 2, 3];
/** Context parallelism is searched only for long sequences. */
const CP_MIN_SEQUENCE = 32768;
/** Context-parallel sizes searched for long sequences. */
const CP_SIZES = [1, 2, 4, 8, 16];

/** Divisors of n in ascending order (pairs up to √n: n can be a GPU count in the thousands). */
function divisors(n: number): number[] {
  const low: number[] = [],
    high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.push(n / d);
  }
  for (let i = high.length - 1; i >= 0; i--) low.push(high[i]!);
  return low;
}

/** A layout whose fields the enumeration overwrites to run the structural rules without allocating. */
export type Probe = { -readonly [K in keyof Layout]: Layout[K] };

/** Radix of the enumeration index for pipeline depths and EP sizes (more than any number's divisor count up to 10^9). */
const INDEX_RADIX = 2048;
/** Radix of the enumeration index for (schedule, virtual stages) entries. */
const SCHEDULE_RADIX = 8;

/** The searched value lists and lookups shared by both enumerations. */
export interface Space {
  readonly tpSizes: readonly number[];
  readonly cpSizes: readonly number[];
  readonly zeroStages: readonly ZeroStage[];
  readonly recomputeModes: readonly RecomputeMode[];
  readonly microBatchSizes: readonly number[];
  /** Layouts per group: ZeRO stages × recomputation modes. */
  readonly layoutsPerGroup: number;
  /** Pipeline depths searched for `rest` = gpuCount / (tp·cp) GPUs. */
  ppSizes(rest: number): readonly number[];
  /** EP sizes searched for an expert-parallel domain of tp·dp GPUs (expertParallelDomain). */
  epSizes(tpDp: number): readonly number[];
  /** (schedule, virtual stages) entries searched at pipeline depth pp. */
  schedules(pp: number): ReadonlyArray<readonly [PipelineSchedule, number]>;
}

export function searchSpace(ctx: PlanContext, fixed: LayoutConstraints): Space {
  const n = ctx.gpuCount;
  const gpn = ctx.cluster.gpusPerNode;
  const arch = ctx.profile.arch;
  const experts = arch.moe?.numRoutedExperts ?? 0;
  const zeroStages = fixed.zero !== undefined ? [fixed.zero] : ZERO_ORDER;
  const recomputeModes = fixed.recompute !== undefined ? [fixed.recompute] : RECOMPUTE_ORDER;
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
  const deep = schedulesAt(2),
    shallow = schedulesAt(1);
  return {
    tpSizes: fixed.tp !== undefined ? [fixed.tp] : divisors(gpn).filter((t) => n % t === 0),
    cpSizes: fixed.cp !== undefined ? [fixed.cp] : ctx.profile.sequenceLength >= CP_MIN_SEQUENCE ? CP_SIZES : [1],
    zeroStages,
    recomputeModes,
    microBatchSizes: fixed.microBatchSize !== undefined ? [fixed.microBatchSize] : MICRO_BATCH_SIZES,
    layoutsPerGroup: zeroStages.length * recomputeModes.length,
    ppSizes: (rest) => (fixed.pp !== undefined ? [fixed.pp] : divisors(rest).filter((p) => p <= arch.numLayers)),
    epSizes: (tpDp) => (fixed.ep !== undefined ? [fixed.ep] : experts > 0 ? divisors(tpDp).filter((e) => experts % e === 0) : [1]),
    schedules: (pp) => (pp === 1 ? shallow : deep),
  };
}

/** Enumeration index of a group (or of a schedule group's first group): lexicographic in (tp, cp, pp, ep, micro-batch, schedule). */
export function enumerationIndex(space: Space, ti: number, ci: number, pi: number, ei: number, mi: number, si: number): number {
  return ((((ti * space.cpSizes.length + ci) * INDEX_RADIX + pi) * INDEX_RADIX + ei) * space.microBatchSizes.length + mi) * SCHEDULE_RADIX + si;
}
