/**
 * The search's memory cache: per-rank parameters, activations and static bytes of one
 * group's layouts, looked up once per group.
 */
import type { PlanContext } from '../context.js';
import { activationsByRank, memoryCheckAt, staticBytesByRank, worstMemoryOf, type MemoryCheck, type WorstMemory } from '../evaluate/rank-memory.js';
import type { StaticParams } from '../memory.js';
import type { StageContent } from '../stages.js';
import type { Layout, RecomputeMode, ZeroStage } from '../types.js';
import type { Probe } from './space.js';

/**
 * Memory of one group's layouts: per-rank parameters, activations per recomputation mode and
 * the heaviest-recomputation verdict per ZeRO stage, looked up once; checks build no breakdown
 * and allocate nothing (one instance per search, reset per group).
 */
export class GroupMemory {
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
