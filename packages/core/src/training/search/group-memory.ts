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
  /** Activation bytes per pipeline rank by position in `recomputeModes`. */
  private readonly activationBytes: Array<readonly number[] | undefined>;
  /** Static bytes per pipeline rank, by ZeRO stage. */
  private readonly staticBytes: Array<readonly number[] | undefined> = [undefined, undefined, undefined, undefined];
  /** Whether the heaviest recomputation fits, by ZeRO stage. */
  private readonly heaviestFits: Array<boolean | undefined> = [undefined, undefined, undefined, undefined];
  /** Heaviest rank of the last check. */
  readonly worst: WorstMemory = { totalBytes: 0, rank: 0 };

  constructor(
    private readonly ctx: PlanContext,
    private readonly recomputeModes: readonly RecomputeMode[],
    probe: Probe,
  ) {
    this.layout = { ...probe };
    this.activationBytes = recomputeModes.map(() => undefined);
  }

  reset(base: Layout, stages: readonly StageContent[], m: number, params: readonly StaticParams[]): void {
    Object.assign(this.layout, base);
    this.stages = stages;
    this.m = m;
    this.params = params;
    this.activationBytes.fill(undefined);
    this.staticBytes.fill(undefined);
    this.heaviestFits.fill(undefined);
  }

  /** Activation bytes per rank with the recomputation mode at position `ri` of `recomputeModes`. */
  activationBytesAt(ri: number): readonly number[] {
    return (this.activationBytes[ri] ??= activationsByRank(this.ctx, this.layout, this.stages, this.m, this.recomputeModes[ri]!));
  }

  /** Whether the group's layout with this ZeRO stage and recomputation fits; fills `worst`. */
  fits(zero: ZeroStage, ri: number): boolean {
    this.layout.zero = zero;
    this.layout.recompute = this.recomputeModes[ri]!;
    const staticBytes = (this.staticBytes[zero] ??= staticBytesByRank(this.ctx, this.layout, this.params));
    const fits = worstMemoryOf(this.ctx, this.layout, staticBytes, this.activationBytesAt(ri), this.worst);
    if (ri === this.recomputeModes.length - 1) this.heaviestFits[zero] = fits;
    return fits;
  }

  /** Whether a layout of this group fits at all with this ZeRO stage (heaviest recomputation: the least memory). */
  canFit(zero: ZeroStage): boolean {
    const known = this.heaviestFits[zero];
    return known !== undefined ? known : this.fits(zero, this.recomputeModes.length - 1);
  }

  /** The breakdown of the heaviest rank of the last `fits` check, for `layout`. */
  check(layout: Layout, ri: number): MemoryCheck {
    return memoryCheckAt(this.ctx, layout, this.params, this.activationBytesAt(ri), this.worst.rank);
  }
}
