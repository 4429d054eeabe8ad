/**
 * Memory per pipeline rank: parameters and activations each rank holds, the heaviest rank and
 * whether it fits, and its breakdown.
 */
import { MEMO, memoKey, type PlanContext } from '../context.js';
import {
  activationTokens,
  inFlight,
  largestLayerParams,
  logitBytes,
  memoryShares,
  rawStageParams,
  runtimeReserveBytes,
  stageActivationBytesPerToken,
  staticBytesWith,
  staticMemory,
  sumMemory,
  type RawStageParams,
  type StaticParams,
} from '../memory.js';
import { mapStages, type StageContent } from '../stages.js';
import type { Layout, MemoryBreakdown, RecomputeMode } from '../types.js';
import { dualPipeMirror, headPipelineRank } from '../layout-math.js';
import { activationsCode, dualPipeCode, stageActivationsKey } from './memo-keys.js';

/** Unsharded parameters of each pipeline stage, per pipeline depth: every (ep, tp) divides them. */
function rawParamsByStage(ctx: PlanContext, pp: number, stages: readonly StageContent[]): readonly RawStageParams[] {
  const table = ctx.memo[MEMO.stageParams]!;
  let out = table.get(pp) as readonly RawStageParams[] | undefined;
  if (out === undefined) {
    out = mapStages(stages, (s) => rawStageParams(ctx.profile, s));
    table.set(pp, out);
  }
  return out;
}

/** Parameters each pipeline rank holds (both mirrored stages under DualPipe), per (pp, ep, tp, DualPipe or not). */
export function paramsByRank(ctx: PlanContext, layout: Layout, stages: readonly StageContent[]): readonly StaticParams[] {
  const dual = layout.schedule === 'dualpipe';
  const key = memoKey(ctx, layout.pp, layout.ep, layout.tp, 0, dualPipeCode(layout));
  const table = ctx.memo[MEMO.params]!;
  const hit = table.get(key);
  if (hit !== undefined) return hit as readonly StaticParams[];
  const raw = rawParamsByStage(ctx, layout.pp, stages);
  const { pp, tp, ep } = layout;
  // tensor parallelism shards the non-expert weights (MLA down-projections are small; ignored), EP the routed experts
  const largestLayer = largestLayerParams(ctx.profile, ep) / tp;
  const out: StaticParams[] = [];
  for (let rank = 0; rank < pp; rank++) {
    const a = raw[rank]!;
    const mirror = dualPipeMirror(pp, rank);
    // the same raw stages as the rank before (equal stages share one object): the same shares
    if (rank > 0 && a === raw[rank - 1] && (!dual || (raw[mirror] === raw[mirror + 1] && mirror !== rank && mirror + 1 !== rank - 1))) {
      out.push(out[rank - 1]!);
      continue;
    }
    if (dual && mirror !== rank) {
      const b = raw[mirror]!;
      out.push({
        denseParams: (a.denseParams + b.denseParams) / tp,
        denseFp8Params: (a.denseFp8Params + b.denseFp8Params) / tp,
        expertParams: (a.expertParams + b.expertParams) / ep,
        largestLayerParams: largestLayer,
      });
    } else {
      out.push({ denseParams: a.denseParams / tp, denseFp8Params: a.denseFp8Params / tp, expertParams: a.expertParams / ep, largestLayerParams: largestLayer });
    }
  }
  table.set(key, out);
  return out;
}

/** Activation bytes per token of each stage under one recomputation mode, per (pp, mode). */
function perTokenByStage(ctx: PlanContext, pp: number, recompute: RecomputeMode, stages: readonly StageContent[]): readonly number[] {
  const key = stageActivationsKey(pp, recompute);
  const table = ctx.memo[MEMO.stageActivations]!;
  let out = table.get(key) as readonly number[] | undefined;
  if (out === undefined) {
    out = mapStages(stages, (s) => stageActivationBytesPerToken(ctx.profile, s, ctx.precision, recompute));
    table.set(key, out);
  }
  return out;
}

/**
 * Peak activation bytes of each pipeline rank (all micro-batches it holds in flight) under
 * `recompute` (default the layout's). `m` follows from the key's (pp, tp, cp, micro-batch): dp = gpus / (tp·cp·pp).
 */
export function activationsByRank(
  ctx: PlanContext,
  layout: Layout,
  stages: readonly StageContent[],
  m: number,
  recompute: RecomputeMode = layout.recompute,
): readonly number[] {
  const key = memoKey(ctx, layout.pp, layout.tp, layout.cp, layout.microBatchSize, activationsCode(recompute, layout.schedule, layout.virtualStages));
  const table = ctx.memo[MEMO.activations]!;
  const hit = table.get(key);
  if (hit !== undefined) return hit as readonly number[];
  const perToken = perTokenByStage(ctx, layout.pp, recompute, stages);
  const tokens = activationTokens(ctx.profile, layout);
  const pp = layout.pp,
    dual = layout.schedule === 'dualpipe';
  const out: number[] = [];
  for (let rank = 0; rank < pp; rank++) {
    const mirror = dualPipeMirror(pp, rank);
    let perMicroBatchBytes = tokens * perToken[rank]!;
    // DualPipe: a rank holds both mirrored stages, half the micro-batches of each
    if (dual && mirror !== rank) perMicroBatchBytes = (perMicroBatchBytes + tokens * perToken[mirror]!) / 2;
    out.push(perMicroBatchBytes * inFlight(layout, rank, m));
  }
  table.set(key, out);
  return out;
}

export interface MemoryCheck {
  readonly worst: MemoryBreakdown;
  readonly worstRank: number;
  readonly fits: boolean;
}

/** The heaviest pipeline rank of a layout: its total bytes per GPU and whether that fits in HBM. */
export interface WorstMemory {
  totalBytes: number;
  rank: number;
}

/**
 * Fill `out` with the heaviest rank of `layout` (per-rank parameters and activations already
 * looked up) and say whether it fits; builds no breakdown (memoryCheckAt does, for the layouts
 * a search reports). Its totals are those of the breakdowns, operation for operation.
 */
export function worstMemory(ctx: PlanContext, layout: Layout, params: readonly StaticParams[], activationBytes: readonly number[], out: WorstMemory): boolean {
  return worstMemoryOf(ctx, layout, staticBytesByRank(ctx, layout, params), activationBytes, out);
}

/**
 * Static bytes of each pipeline rank of `layout` (weights, FP8 copies, gradients, optimizer
 * states: the first four terms of the breakdown's total, added left to right as it adds them),
 * once per run of ranks with the same parameters. Depends on the ZeRO stage, not on the
 * recomputation: the search computes it once per group and ZeRO stage.
 */
export function staticBytesByRank(ctx: PlanContext, layout: Layout, params: readonly StaticParams[]): number[] {
  const shares = memoryShares(layout, ctx.precision, ctx.optimizer, ctx.gradients);
  const out: number[] = [];
  let last: StaticParams | null = null,
    staticBytes = 0;
  for (let r = 0; r < layout.pp; r++) {
    const p = params[r]!;
    if (p !== last) {
      staticBytes = staticBytesWith(p, shares);
      last = p;
    }
    out.push(staticBytes);
  }
  return out;
}

/** worstMemory with the static bytes per rank already computed (staticBytesByRank of the same layout). */
export function worstMemoryOf(ctx: PlanContext, layout: Layout, staticBytes: readonly number[], activationBytes: readonly number[], out: WorstMemory): boolean {
  const reserveBytes = runtimeReserveBytes();
  const withLogitsBytes = reserveBytes + logitBytes(ctx.profile, layout);
  const headRank = headPipelineRank(layout);
  // memoryTotal inlined (the search's most frequent loop; a cold isolate runs it in the interpreter)
  let worstTotalBytes = -1,
    worstRank = 0;
  for (let r = 0; r < layout.pp; r++) {
    const totalBytes = staticBytes[r]! + activationBytes[r]! + (r === headRank ? withLogitsBytes : reserveBytes);
    if (totalBytes > worstTotalBytes) {
      worstTotalBytes = totalBytes;
      worstRank = r;
    }
  }
  out.totalBytes = worstTotalBytes;
  out.rank = worstRank;
  return worstTotalBytes <= ctx.hw.hbmCapacityBytes;
}

/** The memory breakdown of one pipeline rank (the worst one, found by worstMemory). */
export function memoryCheckAt(
  ctx: PlanContext,
  layout: Layout,
  params: readonly StaticParams[],
  activationBytes: readonly number[],
  rank: number,
): MemoryCheck {
  const reserveBytes = runtimeReserveBytes();
  const transientBytes = rank === headPipelineRank(layout) ? reserveBytes + logitBytes(ctx.profile, layout) : reserveBytes;
  const worst = sumMemory(staticMemory(params[rank]!, layout, ctx.precision, ctx.optimizer, ctx.gradients), activationBytes[rank]!, transientBytes);
  return { worst, worstRank: rank, fits: worst.total <= ctx.hw.hbmCapacityBytes };
}

export function checkMemory(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): MemoryCheck {
  return checkMemoryOf(ctx, layout, paramsByRank(ctx, layout, stages), activationsByRank(ctx, layout, stages, m));
}

/** checkMemory with the per-rank parameters and activations already looked up. */
export function checkMemoryOf(ctx: PlanContext, layout: Layout, params: readonly StaticParams[], activationBytes: readonly number[]): MemoryCheck {
  const w: WorstMemory = { totalBytes: 0, rank: 0 };
  worstMemory(ctx, layout, params, activationBytes, w);
  return memoryCheckAt(ctx, layout, params, activationBytes, w.rank);
}
