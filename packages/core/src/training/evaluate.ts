import { convert } from '../units/units.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';
import { dataParallelComm, expertAllToAllSeconds, layerComm, pipelineSendSeconds, type LayerComm } from './communication.js';
import { headCosts, layerCosts, mtpCosts, routedLowerBoundSeconds, routedSeconds, tokenPart, type ComputeContext, type PassCost, type PassCostByMode, type TokenPart } from './compute.js';
import { MEMO, memoKey, memoize, stagesFor, type PlanContext } from './context.js';
import {
  activationTokens, inFlight, largestLayerParams, logitBytes, memoryShares, rawStageParams, runtimeReserveBytes, stageActivationBytesPerToken,
  staticMemory, sumMemory, type RawStageParams, type StaticParams,
} from './memory.js';
import type { LayerKindProfile, ModelProfile } from './model-profile.js';
import { mapStages, type StageContent } from './stages.js';
import type { Layout, LayoutEvaluation, MemoryBreakdown, PipelineSchedule, RecomputeMode, TimeBreakdown } from './types.js';

/** Numeric codes of the string layout fields for memo keys. */
const BYTES_BF16 = BYTES_PER_ELEMENT.bf16, BYTES_FP8 = BYTES_PER_ELEMENT.fp8, BYTES_FP32 = BYTES_PER_ELEMENT.fp32;

const RECOMPUTE_INDEX: Readonly<Record<RecomputeMode, number>> = { none: 0, selective: 1, full: 2 };
const SCHEDULE_INDEX: Readonly<Record<PipelineSchedule, number>> = { '1f1b': 0, interleaved: 1, zerobubble: 2, dualpipe: 3 };

interface Costs {
  readonly kinds: readonly PassCost[];
  readonly comms: readonly LayerComm[];
  readonly head: PassCost;
  readonly mtp: PassCost;
  readonly mtpComm: LayerComm | null;
  readonly ppSend: number;
  /** Per-stage times of one micro-batch by pipeline depth, filled lazily (many layouts of a search share them). */
  readonly stageTimes: Map<number, readonly StageTime[]>;
}

/** Whether pipeline neighbours sit on different nodes (the stride tp·cp·dp fills a node): sets the pipeline-send link. */
function crossNodePipeline(ctx: PlanContext, layout: Layout): 0 | 1 {
  return layout.tp * layout.cp * layout.dp >= ctx.cluster.gpusPerNode ? 1 : 0;
}

/**
 * Everything of one (tp, cp, ep, micro-batch) shape that no other layout field changes:
 * compute of every layer kind, the head and MTP under each recomputation mode, the per-layer
 * collectives, and the whole-model sums the cheap search bound needs.
 */
interface ShapeCosts {
  readonly kinds: readonly PassCostByMode[];
  readonly head: PassCostByMode;
  readonly mtp: PassCostByMode;
  readonly moeComm: LayerComm;
  readonly denseComm: LayerComm;
  /** BoundTerms without the pipeline send. */
  readonly sums: Omit<BoundTerms, 'ppSend'>;
}

/** What of a shape does not depend on EP either (per tp, cp, micro-batch): each kind's token part, the head, and an EP-free bound. */
interface TokenShape {
  readonly kindParts: readonly TokenPart[];
  readonly head: PassCostByMode;
  /** BoundTerms of every EP size's shape at most (routed experts at their large-GEMM peak, no all-to-all, no pipeline send). */
  readonly cheapTerms: BoundTerms;
  /** Decoder layers of each kind in the whole model. */
  readonly kindTotals: readonly number[];
}

function computeContext(ctx: PlanContext, layout: Layout): ComputeContext {
  return {
    hw: ctx.hw, eff: ctx.eff, precision: ctx.precision, tp: layout.tp, ep: layout.ep,
    tokens: (layout.microBatchSize * ctx.profile.sequenceLength) / layout.cp,
  };
}

function tokenShapeFor(ctx: PlanContext, layout: Layout): TokenShape {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.microBatchSize, 0);
  const hit = ctx.memo[MEMO.tokenShape]!.get(key);
  if (hit !== undefined) return hit as TokenShape;
  // the closure below is built on a miss only
  return memoize(ctx, MEMO.tokenShape, key, () => {
    const cctx = computeContext(ctx, layout);
    const p = ctx.profile;
    const kindParts = p.kinds.map((k) => tokenPart(k, cctx));
    const head = headCosts(p, cctx);
    const lower: PassCost[] = p.kinds.map((k, i) => {
      const t = kindParts[i]!;
      return { forward: t.f + routedLowerBoundSeconds(p, k, cctx), backward: t.b, weightGrad: 0, recompute: 0 };
    });
    const ml = lower[p.mtpKind];
    const mtp: PassCost = ml && p.mtpModules > 0
      ? { forward: p.mtpModules * (ml.forward + head.none.forward), backward: p.mtpModules * (ml.backward + head.none.backward), weightGrad: 0, recompute: 0 }
      : { forward: 0, backward: 0, weightGrad: 0, recompute: 0 };
    const comm = layerComm(p, ctx.cluster, layout, ctx.precision, false);
    const sums = boundSums(p, lower, head.none, mtp, p.kinds.map(() => comm), mtpCommOf(p, comm, comm));
    // a hair below: the sums above add in another order than the exact ones
    return { kindParts, head, cheapTerms: { compute: sums.compute * (1 - 1e-9), serial: sums.serial * (1 - 1e-9), ep: 0, ppSend: 0 }, kindTotals: kindTotalsOf(p) };
  });
}

/**
 * Bound terms no EP size of this (tp, cp, micro-batch, cross-node link, pipelining) beats:
 * lowerBoundSeconds with them is at most lowerBoundSeconds with boundTerms. The search orders
 * groups by it and computes the exact terms only for groups that reach the front.
 */
export function cheapBoundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  // the pipeline send depends on tp, cp, micro-batch, link and pipelining only, not on EP
  return { ...tokenShapeFor(ctx, layout).cheapTerms, ppSend: pipelineSendFor(ctx, layout) * (1 - 1e-9) };
}

/**
 * Bound terms of one EP size at most its exact boundTerms, without building its shape: the
 * token parts, the head and the TP/CP collectives of the EP-free bound, plus this EP size's
 * routed experts (routedSeconds) and expert all-to-all; only the MTP projection is left out.
 * The search queues groups with it and computes the exact terms (and the shape) only for
 * groups that reach the front of the queue.
 */
export function epBoundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize, crossNodePipeline(ctx, layout) * 2 + (layout.pp > 1 ? 1 : 0));
  const table = ctx.memo[MEMO.epBound]!;
  let t = table.get(key) as BoundTerms | undefined;
  if (t !== undefined) return t;
  const p = ctx.profile;
  const tokens = tokenShapeFor(ctx, layout);
  const cctx = computeContext(ctx, layout);
  const a2a = expertAllToAllSeconds(p, ctx.cluster, layout, ctx.precision);
  const a2aLayer = a2a.forward + a2a.backward;
  const head = tokens.head.none;
  let compute = head.forward + head.backward, ep = 0;
  for (let i = 0; i < p.kinds.length; i++) {
    const kind = p.kinds[i]!, part = tokens.kindParts[i]!, n = tokens.kindTotals[i]!;
    const f = part.f + routedSeconds(p, kind, cctx);
    const layerEp = kind.kind === 'moe' ? a2aLayer : 0;
    compute += n * (f + part.b);
    ep += n * layerEp;
    // MTP modules repeat the last layer's kind, with the head (their projection left out)
    if (i === p.mtpKind && p.mtpModules > 0) {
      compute += p.mtpModules * (f + head.forward) + p.mtpModules * (part.b + head.backward);
      ep += p.mtpModules * layerEp;
    }
  }
  // a hair below: the exact terms add in another order
  t = { compute: compute * (1 - 1e-9), serial: tokens.cheapTerms.serial, ep: ep * (1 - 1e-9), ppSend: pipelineSendFor(ctx, layout) * (1 - 1e-9) };
  table.set(key, t);
  return t;
}

function shapeFor(ctx: PlanContext, layout: Layout): ShapeCosts {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize);
  const hit = ctx.memo[MEMO.shape]!.get(key);
  if (hit !== undefined) return hit as ShapeCosts;
  // the closure below is built on a miss only
  return memoize(ctx, MEMO.shape, key, () => {
    const cctx = computeContext(ctx, layout);
    const p = ctx.profile;
    const tokens = tokenShapeFor(ctx, layout);
    const kinds = p.kinds.map((k, i) => layerCosts(p, k, cctx, tokens.kindParts[i]!));
    const head = tokens.head;
    const mtp = mtpCosts(p, cctx, kinds[p.mtpKind], head);
    const moeComm = layerComm(p, ctx.cluster, layout, ctx.precision, p.numExperts > 0);
    const denseComm: LayerComm = { tp: moeComm.tp, cp: moeComm.cp, epForward: 0, epBackward: 0 };
    const comms = p.kinds.map((k) => commOfKind(k, moeComm, denseComm));
    return { kinds, head, mtp, moeComm, denseComm, sums: boundSums(p, kinds.map((k) => k.none), head.none, mtp.none, comms, mtpCommOf(p, moeComm, denseComm)) };
  });
}

/** The collectives of one layer of `kind`. */
function commOfKind(kind: LayerKindProfile, moe: LayerComm, dense: LayerComm): LayerComm {
  return kind.kind === 'moe' ? moe : dense;
}

/** The collectives of one MTP module (those of the layer kind it repeats), null without MTP. */
function mtpCommOf(p: ModelProfile, moe: LayerComm, dense: LayerComm): LayerComm | null {
  const mk = p.kinds[p.mtpKind];
  return mk && p.mtpModules > 0 ? commOfKind(mk, moe, dense) : null;
}

/**
 * Pipeline send of one micro-batch, memoised per (tp, cp, micro-batch, cross-node link,
 * pipelined or not): a single stage sends nothing, every deeper pipeline sends the same
 * activations per micro-batch boundary, whatever the EP size.
 */
function pipelineSendFor(ctx: PlanContext, layout: Layout): number {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.microBatchSize, 0, crossNodePipeline(ctx, layout) * 2 + (layout.pp > 1 ? 1 : 0));
  const table = ctx.memo[MEMO.pipelineSend]!;
  let v = table.get(key) as number | undefined;
  if (v === undefined) { v = pipelineSendSeconds(ctx.profile, ctx.cluster, layout); table.set(key, v); }
  return v;
}

function costsFor(ctx: PlanContext, layout: Layout): Costs {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize, RECOMPUTE_INDEX[layout.recompute] * 4 + crossNodePipeline(ctx, layout) * 2 + (layout.pp > 1 ? 1 : 0));
  const hit = ctx.memo[MEMO.costs]!.get(key);
  if (hit !== undefined) return hit as Costs;
  // the closure below is built on a miss only
  return memoize(ctx, MEMO.costs, key, () => {
    const p = ctx.profile;
    const shape = shapeFor(ctx, layout);
    const r = layout.recompute;
    return {
      kinds: shape.kinds.map((k) => k[r]),
      comms: p.kinds.map((k) => commOfKind(k, shape.moeComm, shape.denseComm)),
      head: shape.head[r],
      mtp: shape.mtp[r],
      mtpComm: mtpCommOf(p, shape.moeComm, shape.denseComm),
      ppSend: pipelineSendFor(ctx, layout),
      stageTimes: new Map(),
    };
  });
}

interface StageTime {
  readonly forward: number;
  /** Backward + recomputation. */
  readonly backward: number;
  readonly weightGrad: number;
  readonly tp: number;
  readonly cp: number;
  readonly ep: number;
}

function stageTime(c: Costs, st: StageContent, mtpModules: number): StageTime {
  let f = 0, b = 0, w = 0, tp = 0, cp = 0, ep = 0;
  const counts = st.kindCounts;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n === 0) continue;
    const k = c.kinds[i]!;
    const m = c.comms[i]!;
    f += n * k.forward; b += n * (k.backward + k.recompute); w += n * k.weightGrad;
    tp += n * m.tp; cp += n * m.cp; ep += n * (m.epForward + m.epBackward);
  }
  if (st.hasHead) {
    f += c.head.forward + c.mtp.forward;
    b += c.head.backward + c.head.recompute + c.mtp.backward + c.mtp.recompute;
    w += c.head.weightGrad + c.mtp.weightGrad;
    if (c.mtpComm) { tp += mtpModules * c.mtpComm.tp; cp += mtpModules * c.mtpComm.cp; ep += mtpModules * (c.mtpComm.epForward + c.mtpComm.epBackward); }
  }
  return { forward: f, backward: b, weightGrad: w, tp, cp, ep };
}

function stageTimesFor(ctx: PlanContext, c: Costs, stages: readonly StageContent[]): readonly StageTime[] {
  let times = c.stageTimes.get(stages.length);
  if (!times) { times = mapStages(stages, (s) => stageTime(c, s, ctx.profile.mtpModules)); c.stageTimes.set(stages.length, times); }
  return times;
}

/** Stages a rank holds: one, or two mirrored stages under DualPipe. */
function rankStages(layout: Layout, rank: number): number[] {
  if (layout.schedule === 'dualpipe') {
    const mirror = layout.pp - 1 - rank;
    return mirror === rank ? [rank] : [rank, mirror];
  }
  return [rank];
}

export function microBatchesPerStep(ctx: PlanContext, layout: Layout): number {
  return ctx.globalBatchSequences / (layout.dp * layout.microBatchSize);
}

/** Unsharded parameters of each pipeline stage, per pipeline depth: every (ep, tp) divides them. */
function rawParamsByStage(ctx: PlanContext, pp: number, stages: readonly StageContent[]): readonly RawStageParams[] {
  const table = ctx.memo[MEMO.stageParams]!;
  let out = table.get(pp) as readonly RawStageParams[] | undefined;
  if (out === undefined) { out = mapStages(stages, (s) => rawStageParams(ctx.profile, s)); table.set(pp, out); }
  return out;
}

/** Parameters each pipeline rank holds (both mirrored stages under DualPipe), per (pp, ep, tp, DualPipe or not). */
export function paramsByRank(ctx: PlanContext, layout: Layout, stages: readonly StageContent[]): readonly StaticParams[] {
  const dual = layout.schedule === 'dualpipe';
  const key = memoKey(ctx, layout.pp, layout.ep, layout.tp, 0, dual ? 1 : 0);
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
    const mirror = pp - 1 - rank;
    // the same raw stages as the rank before (equal stages share one object): the same shares
    if (rank > 0 && a === raw[rank - 1] && (!dual || (raw[mirror] === raw[mirror + 1] && mirror !== rank && mirror + 1 !== rank - 1))) { out.push(out[rank - 1]!); continue; }
    if (dual && mirror !== rank) {
      const b = raw[mirror]!;
      out.push({ dense: (a.dense + b.dense) / tp, denseFp8: (a.denseFp8 + b.denseFp8) / tp, expert: (a.expert + b.expert) / ep, largestLayer });
    } else {
      out.push({ dense: a.dense / tp, denseFp8: a.denseFp8 / tp, expert: a.expert / ep, largestLayer });
    }
  }
  table.set(key, out);
  return out;
}

/** Activation bytes per token of each stage under one recomputation mode, per (pp, mode). */
function perTokenByStage(ctx: PlanContext, pp: number, recompute: RecomputeMode, stages: readonly StageContent[]): readonly number[] {
  const key = pp * 4 + RECOMPUTE_INDEX[recompute];
  const table = ctx.memo[MEMO.stageActivations]!;
  let out = table.get(key) as readonly number[] | undefined;
  if (out === undefined) { out = mapStages(stages, (s) => stageActivationBytesPerToken(ctx.profile, s, ctx.precision, recompute)); table.set(key, out); }
  return out;
}

/**
 * Peak activation bytes of each pipeline rank (all micro-batches it holds in flight) under
 * `recompute` (default the layout's). `m` follows from the key's (pp, tp, cp, micro-batch): dp = gpus / (tp·cp·pp).
 */
export function activationsByRank(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number, recompute: RecomputeMode = layout.recompute): readonly number[] {
  const key = memoKey(ctx, layout.pp, layout.tp, layout.cp, layout.microBatchSize, RECOMPUTE_INDEX[recompute] + 3 * (SCHEDULE_INDEX[layout.schedule] + 4 * layout.virtualStages));
  const table = ctx.memo[MEMO.activations]!;
  const hit = table.get(key);
  if (hit !== undefined) return hit as readonly number[];
  const perToken = perTokenByStage(ctx, layout.pp, recompute, stages);
  const tokens = activationTokens(ctx.profile, layout);
  const pp = layout.pp, dual = layout.schedule === 'dualpipe';
  const out: number[] = [];
  for (let rank = 0; rank < pp; rank++) {
    const mirror = pp - 1 - rank;
    let perMb = tokens * perToken[rank]!;
    // DualPipe: a rank holds both mirrored stages, half the micro-batches of each
    if (dual && mirror !== rank) perMb = (perMb + tokens * perToken[mirror]!) / 2;
    out.push(perMb * inFlight(layout, rank, m));
  }
  table.set(key, out);
  return out;
}

function headRank(layout: Layout): number {
  return layout.schedule === 'dualpipe' ? 0 : layout.pp - 1;
}

export interface MemoryCheck {
  readonly worst: MemoryBreakdown;
  readonly worstRank: number;
  readonly fits: boolean;
}

/** The heaviest pipeline rank of a layout: its total bytes per GPU and whether that fits in HBM. */
export interface WorstMemory {
  total: number;
  rank: number;
}

/**
 * Fill `out` with the heaviest rank of `layout` (per-rank parameters and activations already
 * looked up) and say whether it fits; builds no breakdown (memoryCheckAt does, for the layouts
 * a search reports). Its totals are those of the breakdowns, operation for operation.
 */
export function worstMemory(ctx: PlanContext, layout: Layout, params: readonly StaticParams[], acts: readonly number[], out: WorstMemory): boolean {
  return worstMemoryOf(ctx, layout, staticBytesByRank(ctx, layout, params), acts, out);
}

/**
 * Static bytes of each pipeline rank of `layout` (weights, FP8 copies, gradients, optimizer
 * states: the first four terms of the breakdown's total, added left to right as it adds them),
 * once per run of ranks with the same parameters. Depends on the ZeRO stage, not on the
 * recomputation: the search computes it once per group and ZeRO stage.
 */
export function staticBytesByRank(ctx: PlanContext, layout: Layout, params: readonly StaticParams[]): number[] {
  const { wDp, wEdp, gDp, gEdp, oDp, oEdp, gather, fp8, optimizerBytes } = memoryShares(layout, ctx.precision, ctx.optimizer);
  const out: number[] = [];
  let last: StaticParams | null = null, stat = 0;
  for (let r = 0; r < layout.pp; r++) {
    const p = params[r]!;
    if (p !== last) {
      const gatherBuffer = gather ? 2 * p.largestLayer : 0;
      stat = BYTES_BF16 * (p.dense / wDp + p.expert / wEdp + gatherBuffer)
        + (fp8 ? BYTES_FP8 * (p.denseFp8 / wDp + p.expert / wEdp + gatherBuffer) : 0)
        + BYTES_FP32 * (p.dense / gDp + p.expert / gEdp)
        + optimizerBytes * (p.dense / oDp + p.expert / oEdp);
      last = p;
    }
    out.push(stat);
  }
  return out;
}

/** worstMemory with the static bytes per rank already computed (staticBytesByRank of the same layout). */
export function worstMemoryOf(ctx: PlanContext, layout: Layout, statics: readonly number[], acts: readonly number[], out: WorstMemory): boolean {
  const reserve = runtimeReserveBytes();
  const withLogits = reserve + logitBytes(ctx.profile, layout);
  const hr = headRank(layout);
  // memoryTotal inlined (the search's most frequent loop; a cold isolate runs it in the interpreter)
  let worstTotal = -1, worstRank = 0;
  for (let r = 0; r < layout.pp; r++) {
    const total = statics[r]! + acts[r]! + (r === hr ? withLogits : reserve);
    if (total > worstTotal) { worstTotal = total; worstRank = r; }
  }
  out.total = worstTotal; out.rank = worstRank;
  return worstTotal <= ctx.hw.hbmCapacityBytes;
}

/** The memory breakdown of one pipeline rank (the worst one, found by worstMemory). */
export function memoryCheckAt(ctx: PlanContext, layout: Layout, params: readonly StaticParams[], acts: readonly number[], rank: number): MemoryCheck {
  const reserve = runtimeReserveBytes();
  const transient = rank === headRank(layout) ? reserve + logitBytes(ctx.profile, layout) : reserve;
  const worst = sumMemory(staticMemory(params[rank]!, layout, ctx.precision, ctx.optimizer), acts[rank]!, transient);
  return { worst, worstRank: rank, fits: worst.total <= ctx.hw.hbmCapacityBytes };
}

export function checkMemory(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): MemoryCheck {
  return checkMemoryOf(ctx, layout, paramsByRank(ctx, layout, stages), activationsByRank(ctx, layout, stages, m));
}

/** checkMemory with the per-rank parameters and activations already looked up. */
export function checkMemoryOf(ctx: PlanContext, layout: Layout, params: readonly StaticParams[], acts: readonly number[]): MemoryCheck {
  const w: WorstMemory = { total: 0, rank: 0 };
  worstMemory(ctx, layout, params, acts, w);
  return memoryCheckAt(ctx, layout, params, acts, w.rank);
}

function gb(bytes: number): string {
  return `${convert(bytes, 'B', 'GB').toFixed(1)} GB`;
}

export function memoryReason(ctx: PlanContext, check: MemoryCheck): string {
  const w = check.worst;
  return `does not fit in HBM: pipeline rank ${check.worstRank} needs ${gb(w.total)} per GPU, the GPU has ${gb(ctx.hw.hbmCapacityBytes)} `
    + `(weights ${gb(w.weights + w.fp8WeightCopies)}, gradients ${gb(w.gradients)}, optimizer states ${gb(w.optimizerStates)}, activations ${gb(w.activations)}, transient ${gb(w.transient)})`;
}

/** Per-step-independent sums for the lower bound: everything of one micro-batch over all layers. */
export interface BoundTerms {
  /** Forward + backward compute of every layer, head and MTP (no recomputation). */
  readonly compute: number;
  /** TP and CP collectives (never hidden). */
  readonly serial: number;
  /** Expert all-to-all. */
  readonly ep: number;
  readonly ppSend: number;
}

/** Decoder layers of each kind in the model. */
function kindTotalsOf(p: ModelProfile): readonly number[] {
  let kindTotals = KIND_TOTALS.get(p);
  if (kindTotals === undefined) {
    const t = new Array<number>(p.kinds.length).fill(0);
    for (let i = 0; i < p.layerKinds.length; i++) t[p.layerKinds[i]!]! += 1;
    KIND_TOTALS.set(p, (kindTotals = t));
  }
  return kindTotals;
}

/** kindTotalsOf per profile (model-derived only). */
const KIND_TOTALS = new WeakMap<ModelProfile, readonly number[]>();

function boundSums(p: ModelProfile, kinds: readonly PassCost[], head: PassCost, mtp: PassCost, comms: readonly LayerComm[], mtpComm: LayerComm | null): Omit<BoundTerms, 'ppSend'> {
  const kindTotals = kindTotalsOf(p);
  let compute = head.forward + head.backward + mtp.forward + mtp.backward;
  let serial = 0, ep = 0;
  for (let i = 0; i < kindTotals.length; i++) {
    const n = kindTotals[i]!;
    const k = kinds[i]!, m = comms[i]!;
    compute += n * (k.forward + k.backward);
    serial += n * (m.tp + m.cp);
    ep += n * (m.epForward + m.epBackward);
  }
  if (mtpComm) {
    serial += p.mtpModules * (mtpComm.tp + mtpComm.cp);
    ep += p.mtpModules * (mtpComm.epForward + mtpComm.epBackward);
  }
  return { compute, serial, ep };
}

export function boundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize, crossNodePipeline(ctx, layout) * 2 + (layout.pp > 1 ? 1 : 0));
  const hit = ctx.memo[MEMO.bound]!.get(key);
  if (hit !== undefined) return hit as BoundTerms;
  // the closure below is built on a miss only
  return memoize(ctx, MEMO.bound, key, () => ({ ...shapeFor(ctx, layout).sums, ppSend: pipelineSendFor(ctx, layout) }));
}

/**
 * A lower bound on the step time of a layout (any ZeRO stage, any recomputation): the
 * slowest stage is at least the average one, recomputation and DP traffic only add.
 * Used to prune the search (branch and bound).
 */
export function lowerBoundSeconds(ctx: PlanContext, layout: Layout, t: BoundTerms): number {
  const pp = layout.pp;
  const m = microBatchesPerStep(ctx, layout);
  if (layout.schedule === 'dualpipe') {
    const tax = dualPipeCommTax(ctx, layout);
    return m * (Math.max((t.compute * tax) / pp, t.ep / pp + t.ppSend) + t.serial / pp);
  }
  const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
  // zero-bubble: the bubble can shrink to nothing (W ≥ (F + B)/2), so only the m slots bound it
  const slots = layout.schedule === 'zerobubble' ? m : m + (pp - 1) / v;
  return slots * ((t.compute + t.serial + t.ep) / pp + t.ppSend * v);
}

/** Zero-bubble (ZB-H1) bubble from the slowest stage's per-micro-batch time and its weight-gradient share W. */
function zeroBubbleBubble(pp: number, stageTotal: number, weightGrad: number): number {
  return (pp - 1) * Math.max(0, stageTotal - 2 * weightGrad);
}

/** One micro-batch of a 1F1B / interleaved stage: compute, exposed collectives and its pipeline sends. */
function stageTotal(t: StageTime, sends: number): number {
  return t.forward + t.backward + t.tp + t.cp + t.ep + sends;
}

/** Compute slows by the SM share communication kernels take while the expert all-to-all overlaps it (DualPipe, EP > 1). */
function dualPipeCommTax(ctx: PlanContext, layout: Layout): number {
  return layout.ep > 1 ? 1 / (1 - ctx.eff.overlappedCommSmFraction) : 1;
}

/** One DualPipe rank's pair of slots (one micro-batch each way): F, B, W compute, collectives, C = F + B, period P. */
interface RankPass { F: number; B: number; W: number; tp: number; cp: number; ep: number; C: number; P: number }

function newRankPass(): RankPass {
  return { F: 0, B: 0, W: 0, tp: 0, cp: 0, ep: 0, C: 0, P: 0 };
}

/** Fill `out` for rank r, which holds stages r and pp−1−r (the same stage twice in the middle). */
function dualPipeRankPass(out: RankPass, times: readonly StageTime[], r: number, tax: number, ppSend: number): void {
  const a = times[r]!, b = times[times.length - 1 - r]!;
  out.F = (a.forward / 2 + b.forward / 2) * tax;
  out.B = (a.backward / 2 + b.backward / 2) * tax;
  out.W = (a.weightGrad / 2 + b.weightGrad / 2) * tax;
  out.tp = a.tp / 2 + b.tp / 2; out.cp = a.cp / 2 + b.cp / 2; out.ep = a.ep / 2 + b.ep / 2;
  out.C = out.F + out.B;
  out.P = Math.max(out.C, out.ep + ppSend) + out.tp + out.cp;
}

/** Whether DualPipe rank r holds the same stage times as rank r − 1 (equal stages share one object). */
function samePair(times: readonly StageTime[], r: number): boolean {
  const n = times.length;
  return times[r] === times[r - 1] && times[n - 1 - r] === times[n - r];
}

/** DualPipe bubble from the slowest rank's period P, backward B and weight-gradient W. */
function dualPipeBubble(pp: number, P: number, B: number, W: number): number {
  return Math.max(0, (pp / 2 - 1) * (P + B - 3 * W));
}

/**
 * A lower bound on the step time of every layout of a search group (the same tp, cp, pp,
 * dp, ep, micro-batch and schedule; any ZeRO stage up to `layout.zero`, any recomputation
 * at least as heavy as `layout.recompute`), tighter than lowerBoundSeconds: the slowest
 * stage (or DualPipe rank) and the bubble of the lightest recomputation, plus the smallest
 * optimizer step of any rank. Recomputation only adds backward work, DP traffic is ≥ 0,
 * and every operation below is monotone in those terms, so the bound holds in floating
 * point too: a group whose bound reaches the slowest kept layout cannot enter the ranking.
 */
export function groupLowerBoundSeconds(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number, params: readonly StaticParams[]): number {
  const c = costsFor(ctx, layout);
  const times = stageTimesFor(ctx, c, stages);
  const pp = layout.pp;
  let pipeline: number;
  if (layout.schedule === 'dualpipe') {
    // the slowest rank under a heavier recomputation has P ≥ max P, B ≥ min B and W ≤ max W of this one
    const tax = dualPipeCommTax(ctx, layout);
    const rank = newRankPass();
    let maxP = -1, minB = Infinity, maxW = 0;
    for (let r = 0; r < pp; r++) {
      // a rank with the same pair of stages as the one before: the same pass
      if (r > 0 && samePair(times, r)) continue;
      dualPipeRankPass(rank, times, r, tax, c.ppSend);
      maxP = Math.max(maxP, rank.P); minB = Math.min(minB, rank.B); maxW = Math.max(maxW, rank.W);
    }
    pipeline = m * maxP + dualPipeBubble(pp, maxP, minB, maxW);
  } else {
    const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
    const sends = c.ppSend * v;
    let tmax = -1, maxW = 0;
    for (let s = 0; s < times.length; s++) {
      if (s > 0 && times[s] === times[s - 1]) continue; // an equal stage: the same terms
      tmax = Math.max(tmax, stageTotal(times[s]!, sends)); maxW = Math.max(maxW, times[s]!.weightGrad);
    }
    // zero-bubble: a heavier recomputation only raises the slowest stage's total, its W is at most maxW
    pipeline = layout.schedule === 'zerobubble' ? m * tmax + zeroBubbleBubble(pp, tmax, maxW) : (m + (pp - 1) / v) * tmax;
  }
  // the optimizer step grows with the rank's shard: the smallest shard gives the smallest step
  let smallest = params[0]!;
  for (let r = 1; r < pp; r++) if (optimizerShard(layout, params[r]!) < optimizerShard(layout, smallest)) smallest = params[r]!;
  return pipeline + optimizerStepSeconds(ctx, layout, smallest);
}

/**
 * Step time of one valid layout and the parts its time breakdown reports. Allocation-light:
 * the search times many layouts and builds a full LayoutEvaluation only for those it keeps.
 */
export interface StepTiming {
  readonly stepTimeSeconds: number;
  readonly pipelineTime: number;
  readonly bubble: number;
  readonly compute: number;
  readonly exposedTp: number;
  readonly exposedCp: number;
  readonly exposedEp: number;
  readonly exposedPp: number;
  readonly exposedDp: number;
  readonly overlapped: number;
  readonly optimizerStep: number;
}

export function timeLayout(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): StepTiming {
  const c = costsFor(ctx, layout);
  const times = stageTimesFor(ctx, c, stages);
  const pp = layout.pp;

  let pipelineTime = 0, bubble = 0, compute = 0, slowRank = 0;
  let expTp = 0, expCp = 0, expEp = 0, expPp = 0, overlapped = 0;
  let fwdWindow = 0, bwdWindow = 0, perMbCompute = 0;
  if (layout.schedule === 'dualpipe') {
    const tax = dualPipeCommTax(ctx, layout);
    const rank = newRankPass(), pick = newRankPass();
    let best = -1;
    for (let r = 0; r < pp; r++) {
      // the same pair of stages as the rank before: the same P, which is not greater
      if (r > 0 && samePair(times, r)) continue;
      dualPipeRankPass(rank, times, r, tax, c.ppSend);
      if (rank.P > best) { best = rank.P; slowRank = r; Object.assign(pick, rank); }
    }
    bubble = dualPipeBubble(pp, pick.P, pick.B, pick.W);
    pipelineTime = m * pick.P + bubble;
    compute = m * pick.C;
    const overComm = pick.ep + c.ppSend;
    const excess = Math.max(0, overComm - pick.C);
    const share = overComm > 0 ? pick.ep / overComm : 0;
    expEp = m * excess * share; expPp = m * excess * (1 - share);
    expTp = m * pick.tp; expCp = m * pick.cp;
    overlapped = m * Math.min(overComm, pick.C);
    fwdWindow = pick.F; bwdWindow = pick.B; perMbCompute = pick.C;
  } else {
    const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
    const sends = c.ppSend * v;
    let tmax = -1;
    let pick: StageTime = times[0]!;
    for (let s = 0; s < times.length; s++) {
      if (s > 0 && times[s] === times[s - 1]) continue; // an equal stage: the same total, not greater
      const total = stageTotal(times[s]!, sends);
      if (total > tmax) { tmax = total; pick = times[s]!; slowRank = s; }
    }
    bubble = layout.schedule === 'zerobubble' ? zeroBubbleBubble(pp, tmax, pick.weightGrad) : ((pp - 1) / v) * tmax;
    pipelineTime = m * tmax + bubble;
    compute = m * (pick.forward + pick.backward);
    expTp = m * pick.tp; expCp = m * pick.cp; expEp = m * pick.ep; expPp = m * sends;
    fwdWindow = pick.forward; bwdWindow = pick.backward; perMbCompute = pick.forward + pick.backward;
  }

  // data parallel: gradient reduction hides behind the last micro-batch's backward, the
  // parameter all-gather behind the first forward; ZeRO-3 gathers in every micro-batch
  const params = paramsByRank(ctx, layout, stages)[slowRank]!;
  const dpc = layout.dp * layout.cp > 1 || layout.ep > 1 ? dataParallelComm(ctx.cluster, layout, params.dense, params.expert) : { gradients: 0, parameters: 0 };
  let expDp = 0;
  if (layout.zero === 3) expDp = m * Math.max(0, 2 * dpc.parameters + dpc.gradients - perMbCompute);
  else expDp = Math.max(0, dpc.gradients - bwdWindow) + Math.max(0, dpc.parameters - fwdWindow);

  const optimizerStep = optimizerStepSeconds(ctx, layout, params);
  return {
    stepTimeSeconds: pipelineTime + expDp + optimizerStep,
    pipelineTime, bubble, compute, exposedTp: expTp, exposedCp: expCp, exposedEp: expEp, exposedPp: expPp, exposedDp: expDp, overlapped, optimizerStep,
  };
}

/** Parameters whose optimizer state a rank updates (its ZeRO shard). */
function optimizerShard(layout: Layout, params: StaticParams): number {
  const edp = Math.max(1, (layout.tp * layout.cp * layout.dp) / layout.ep);
  return layout.zero >= 1 ? params.dense / (layout.dp * layout.cp) + params.expert / edp : params.dense + params.expert;
}

/** Optimizer step: read and write master weights, moments and gradients of the rank's shard at HBM speed. */
function optimizerStepSeconds(ctx: PlanContext, layout: Layout, params: StaticParams): number {
  const shard = optimizerShard(layout, params);
  const moment = ctx.optimizer === 'bf16' ? BYTES_PER_ELEMENT.bf16 : BYTES_PER_ELEMENT.fp32;
  const optBytes = shard * (3 * BYTES_PER_ELEMENT.fp32 + BYTES_PER_ELEMENT.bf16 + 4 * moment);
  return optBytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);
}

/** Full evaluation of one valid layout (structure already validated); `memory` and `timing` when already computed. */
export function evaluateLayout(ctx: PlanContext, layout: Layout, memory?: MemoryCheck, timing?: StepTiming): LayoutEvaluation {
  const stages = stagesFor(ctx, layout.pp)!;
  const m = microBatchesPerStep(ctx, layout);
  const mem = memory ?? checkMemory(ctx, layout, stages, m);
  const t = timing ?? timeLayout(ctx, layout, stages, m);
  const stepTimeSeconds = t.stepTimeSeconds;
  const tokensPerStep = ctx.globalBatchSequences * ctx.profile.sequenceLength;
  const tokensPerSecondPerGpu = tokensPerStep / stepTimeSeconds / ctx.gpuCount;
  const mfu = (tokensPerSecondPerGpu * ctx.profile.mfuFlopsPerToken) / ctx.hw.bf16FlopsPerSecond;

  const timeBreakdown: TimeBreakdown = {
    compute: t.compute,
    exposedCommunication: { tensorParallel: t.exposedTp, contextParallel: t.exposedCp, expertAllToAll: t.exposedEp, pipelineSend: t.exposedPp, dataParallel: t.exposedDp },
    pipelineBubble: t.bubble,
    optimizerStep: t.optimizerStep,
    overlappedCommunication: t.overlapped,
  };
  const reasons = mem.fits ? [] : [memoryReason(ctx, mem)];
  return {
    layout, fits: mem.fits, reasons, stepTimeSeconds, tokensPerSecondPerGpu, mfu,
    memoryPerGpuBytes: mem.worst, timeBreakdown, bottleneck: bottleneckOf(timeBreakdown),
    layersPerStage: stages.map((s) => s.layers), microBatchesPerStep: m,
  };
}

function bottleneckOf(t: TimeBreakdown): string {
  const parts: Array<[string, number]> = [
    ['compute', t.compute],
    ['pipeline bubble', t.pipelineBubble],
    ['tensor-parallel communication', t.exposedCommunication.tensorParallel],
    ['context-parallel communication', t.exposedCommunication.contextParallel],
    ['expert all-to-all', t.exposedCommunication.expertAllToAll],
    ['pipeline sends', t.exposedCommunication.pipelineSend],
    ['data-parallel communication', t.exposedCommunication.dataParallel],
    ['optimizer step', t.optimizerStep],
  ];
  parts.sort((a, b) => b[1] - a[1]);
  return parts[0]![0];
}
