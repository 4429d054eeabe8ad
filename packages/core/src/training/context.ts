import { buildCluster } from '../cluster/cluster.js';
import type { ClusterSpec } from '../cluster/types.js';
import type { GpuSpec } from '../gpus/types.js';
import type { ModelArchitecture } from '../models/types.js';
import type { EfficiencyParameters } from './efficiency.js';
import { hardwareOf, type Hardware } from './hardware.js';
import { buildModelProfile, type ModelProfile } from './model-profile.js';
import { buildStages, type StageContent } from './stages.js';
import type { OptimizerStatePrecision, TrainingPrecision } from './types.js';

/** Everything fixed for one planning request; caches what many layouts share. */
export interface PlanContext {
  readonly profile: ModelProfile;
  readonly gpu: GpuSpec;
  readonly hw: Hardware;
  readonly cluster: ClusterSpec;
  readonly eff: EfficiencyParameters;
  readonly precision: TrainingPrecision;
  readonly optimizer: OptimizerStatePrecision;
  readonly gpuCount: number;
  readonly globalBatchSequences: number;
  readonly stageCache: Map<number, StageContent[] | null>;
  /** Memo tables by tag (see MEMO), keyed by memoKey. */
  readonly memo: Map<number | string, unknown>[];
  /** Radix of memoKey: above every layout field and micro-batch count of this request. */
  readonly keyRadix: number;
}

/** Memo table tags. */
export const MEMO = { tokenShape: 0, shape: 1, pipelineSend: 2, costs: 3, params: 4, activations: 5, bound: 6, stageParams: 7 } as const;

export function createContext(args: {
  arch: ModelArchitecture; gpu: GpuSpec; gpuCount: number; sequenceLength: number; globalBatchSequences: number;
  precision: TrainingPrecision; optimizer: OptimizerStatePrecision; eff: EfficiencyParameters;
  cluster?: Parameters<typeof buildCluster>[2];
}): PlanContext {
  return {
    profile: buildModelProfile(args.arch, args.sequenceLength),
    gpu: args.gpu,
    hw: hardwareOf(args.gpu),
    cluster: buildCluster(args.gpu, args.gpuCount, args.cluster),
    eff: args.eff,
    precision: args.precision,
    optimizer: args.optimizer,
    gpuCount: args.gpuCount,
    globalBatchSequences: args.globalBatchSequences,
    stageCache: new Map(),
    memo: Object.values(MEMO).map(() => new Map<number | string, unknown>()),
    keyRadix: Math.max(args.gpuCount, args.globalBatchSequences, 64) + 1,
  };
}

export function stagesFor(ctx: PlanContext, pp: number): StageContent[] | null {
  let s = ctx.stageCache.get(pp);
  if (s === undefined) { s = buildStages(ctx.profile, pp); ctx.stageCache.set(pp, s); }
  return s;
}

/**
 * A memo key of up to eight non-negative integer fields (each below ctx.keyRadix): one number,
 * no string building, in the hot path of the layout search; a string when the number would not
 * be exact.
 */
export function memoKey(ctx: PlanContext, a: number, b: number, c: number, d: number, e = 0, f = 0, g = 0, h = 0): number | string {
  const r = ctx.keyRadix;
  const k = ((((((a * r + b) * r + c) * r + d) * r + e) * r + f) * r + g) * r + h;
  const fits = Number.isSafeInteger(k) && Math.max(a, b, c, d, e, f, g, h) < r;
  return fits ? k : `${a}|${b}|${c}|${d}|${e}|${f}|${g}|${h}`;
}

export function memoize<T>(ctx: PlanContext, tag: number, key: number | string, make: () => T): T {
  const table = ctx.memo[tag]!;
  const hit = table.get(key);
  if (hit !== undefined) return hit as T;
  const v = make();
  table.set(key, v);
  return v;
}
