import type { AttentionKernel } from '@gcp/contract';
import { buildCluster } from '../cluster/cluster.js';
import type { ClusterSpec } from '../cluster/types.js';
import type { GpuSpec } from '../gpus/types.js';
import type { ModelArchitecture } from '../models/types.js';
import type { EfficiencyParameters } from './efficiency.js';
import { hardwareOf, type Hardware } from './hardware.js';
import { buildModelProfile, type ModelProfile } from './model-profile.js';
import { buildStages, stagesSurelyExist, type StageContent } from './stages.js';
import type { Fp8Scaling, GradientPrecision, OptimizerStatePrecision, TrainingPrecision } from './types.js';

/** Everything fixed for one planning request; caches what many layouts share. */
export interface PlanContext {
  readonly profile: ModelProfile;
  readonly gpu: GpuSpec;
  readonly hw: Hardware;
  readonly cluster: ClusterSpec;
  readonly eff: EfficiencyParameters;
  readonly precision: TrainingPrecision;
  readonly optimizer: OptimizerStatePrecision;
  /** Gradient buffers and their data-parallel reduction. */
  readonly gradients: GradientPrecision;
  /** How the FP8 recipe scales its tensors (quantisation traffic, fp8-quant-bytes.ts). */
  readonly fp8Scaling: Fp8Scaling;
  readonly attentionKernel: AttentionKernel;
  /** Tensor-parallel communication overlapped with the GEMMs (tp-overlap.ts). */
  readonly tpCommOverlap: boolean;
  readonly gpuCount: number;
  readonly globalBatchSequences: number;
  readonly stageCache: Map<number, StageContent[] | null>;
  /** Memo tables by tag (see MEMO), keyed by memoKey. */
  readonly memo: Map<number | string, unknown>[];
  /** Radix of memoKey: above every parallel size of this request (a larger field falls back to a string key). */
  readonly keyRadix: number;
}

/** The smallest memoKey radix: on small requests too, fields up to 64 (a pinned micro-batch size can pass the GPU count) key as one number. */
const MIN_KEY_RADIX = 65;

/** Memo table tags. */
export const MEMO = {
  tokenShape: 0,
  shape: 1,
  pipelineSend: 2,
  costs: 3,
  params: 4,
  activations: 5,
  bound: 6,
  stageParams: 7,
  stageActivations: 8,
  epBound: 9,
} as const;

export function createContext(args: {
  arch: ModelArchitecture;
  gpu: GpuSpec;
  gpuCount: number;
  sequenceLength: number;
  globalBatchSequences: number;
  precision: TrainingPrecision;
  optimizer: OptimizerStatePrecision;
  gradients?: GradientPrecision;
  fp8Scaling?: Fp8Scaling;
  attentionKernel?: AttentionKernel;
  tpCommOverlap?: boolean;
  eff: EfficiencyParameters;
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
    gradients: args.gradients ?? 'fp32',
    fp8Scaling: args.fp8Scaling ?? 'delayed',
    attentionKernel: args.attentionKernel ?? 'flash',
    tpCommOverlap: args.tpCommOverlap ?? false,
    gpuCount: args.gpuCount,
    globalBatchSequences: args.globalBatchSequences,
    stageCache: new Map(),
    memo: Object.values(MEMO).map(() => new Map<number | string, unknown>()),
    keyRadix: Math.max(args.gpuCount + 1, MIN_KEY_RADIX),
  };
}

/**
 * Memo tables whose values depend on the global batch: the activations per rank (the
 * micro-batches in flight follow from the micro-batch count). Every other table is keyed by
 * layout fields whose costs are per micro-batch (shapes, collectives, stage times, bound terms,
 * parameters per rank) and holds the same values at any batch.
 */
const BATCH_DEPENDENT_MEMO: ReadonlySet<number> = new Set([MEMO.activations]);

/**
 * The same request with another global batch (sequences per step): model profile, hardware and
 * cluster reused, the stage partitions shared (they depend on the model and pp only), the memo
 * tables of per-micro-batch costs shared, the batch-dependent ones (BATCH_DEPENDENT_MEMO) fresh.
 */
export function withGlobalBatch(ctx: PlanContext, globalBatchSequences: number): PlanContext {
  const memo = ctx.memo.map((table, tag) => (BATCH_DEPENDENT_MEMO.has(tag) ? new Map<number | string, unknown>() : table));
  return { ...ctx, globalBatchSequences, memo };
}

export function stagesFor(ctx: PlanContext, pp: number): StageContent[] | null {
  let s = ctx.stageCache.get(pp);
  if (s === undefined) {
    s = buildStages(ctx.profile, pp);
    ctx.stageCache.set(pp, s);
  }
  return s;
}

/**
 * Whether stagesFor(ctx, pp) is not null, partitioning only when a cheap test cannot tell (the
 * search asks for every pipeline depth but partitions only the depths whose layouts it times).
 */
export function stagesExist(ctx: PlanContext, pp: number): boolean {
  const s = ctx.stageCache.get(pp);
  if (s !== undefined) return s !== null;
  return stagesSurelyExist(ctx.profile, pp) || stagesFor(ctx, pp) !== null;
}

/** Radix of memoKey's small code (flags and mode indices). */
const SMALL_CODES = 256;

/**
 * A memo key of four non-negative integer fields below ctx.keyRadix (layout sizes) and a small
 * code below 256 (flags, mode indices): one number, no string building, in the hot path of the
 * layout search; a string when the number would not be exact (very large GPU counts).
 */
export function memoKey(ctx: PlanContext, a: number, b: number, c: number, d: number, small = 0): number | string {
  const r = ctx.keyRadix;
  if (a < r && b < r && c < r && d < r && small < SMALL_CODES) {
    const k = (((a * r + b) * r + c) * r + d) * SMALL_CODES + small;
    if (k <= Number.MAX_SAFE_INTEGER) return k;
  }
  return `${a}|${b}|${c}|${d}|${small}`;
}

export function memoize<T>(ctx: PlanContext, tag: number, key: number | string, make: () => T): T {
  const table = ctx.memo[tag]!;
  const hit = table.get(key);
  if (hit !== undefined) return hit as T;
  const v = make();
  table.set(key, v);
  return v;
}
