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
  readonly memo: Map<string, unknown>;
}

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
    memo: new Map(),
  };
}

export function stagesFor(ctx: PlanContext, pp: number): StageContent[] | null {
  let s = ctx.stageCache.get(pp);
  if (s === undefined) { s = buildStages(ctx.profile, pp); ctx.stageCache.set(pp, s); }
  return s;
}

export function memoize<T>(ctx: PlanContext, key: string, make: () => T): T {
  const hit = ctx.memo.get(key);
  if (hit !== undefined) return hit as T;
  const v = make();
  ctx.memo.set(key, v);
  return v;
}
