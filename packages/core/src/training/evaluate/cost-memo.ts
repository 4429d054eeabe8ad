/**
 * Memo tables of the costs layouts share: per (tp, cp, micro-batch) the token parts, per
 * (tp, cp, ep, micro-batch) every layer kind's compute and collectives, per recomputation mode
 * and pipeline link the costs a stage adds up, and per pipeline depth the stage times.
 */
import { layerComm, pipelineSendSeconds, withOpSelectiveRecomputedComm, withRecomputedForwardComm, type LayerComm } from '../communication.js';
import { withTpOverlap } from '../tp-overlap.js';
import {
  headCosts,
  layerCosts,
  mtpCosts,
  routedLowerBoundSeconds,
  tokenPart,
  type ComputeContext,
  type PassCost,
  type PassCostByMode,
  type TokenPart,
} from '../compute.js';
import { MEMO, memoKey, memoize, type PlanContext } from '../context.js';
import type { LayerKindProfile, ModelProfile } from '../model-profile.js';
import { microBatchTokens } from '../layout-math.js';
import { mapStages, type StageContent } from '../stages.js';
import type { Layout } from '../types.js';
import { boundSums, justBelow, kindTotalsOf, type BoundTerms } from './bound-terms.js';
import { pipelineLinkCode, recomputeLinkCode } from './memo-keys.js';

export interface Costs {
  readonly kinds: readonly PassCost[];
  readonly comms: readonly LayerComm[];
  readonly head: PassCost;
  readonly mtp: PassCost;
  readonly mtpComm: LayerComm | null;
  /** Pipeline send of one micro-batch, seconds. */
  readonly ppSendS: number;
  /** Per-stage times of one micro-batch by pipeline depth, filled lazily (many layouts of a search share them). */
  readonly stageTimes: Map<number, readonly StageTime[]>;
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
  /** Each layer kind's collectives (TP overlap applied per kind: its GEMMs differ). */
  readonly comms: readonly LayerComm[];
  readonly mtpComm: LayerComm | null;
  /** BoundTerms without the pipeline send. */
  readonly sums: Omit<BoundTerms, 'ppSendS'>;
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

export function computeContext(ctx: PlanContext, layout: Layout): ComputeContext {
  return {
    hw: ctx.hw,
    eff: ctx.eff,
    precision: ctx.precision,
    tp: layout.tp,
    ep: layout.ep,
    tokens: microBatchTokens(ctx.profile.sequenceLength, layout),
    cp: layout.cp,
    attentionKernel: ctx.attentionKernel,
    fp8Scaling: ctx.fp8Scaling,
  };
}

export function tokenShapeFor(ctx: PlanContext, layout: Layout): TokenShape {
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
      return { forwardS: t.forwardS + routedLowerBoundSeconds(p, k, cctx), backwardS: t.backwardS, weightGradS: 0, recomputeS: 0 };
    });
    const ml = lower[p.mtpKind];
    const mtp: PassCost =
      ml && p.mtpModules > 0
        ? {
            forwardS: p.mtpModules * (ml.forwardS + head.none.forwardS),
            backwardS: p.mtpModules * (ml.backwardS + head.none.backwardS),
            weightGradS: 0,
            recomputeS: 0,
          }
        : { forwardS: 0, backwardS: 0, weightGradS: 0, recomputeS: 0 };
    const comm = layerComm(p, ctx.cluster, layout, ctx.precision, false);
    const comms = kindParts.map((t) => withTpOverlap(comm, t.gemmS, layout.tp, ctx.tpCommOverlap));
    const sums = boundSums(p, lower, head.none, mtp, comms, mtpCommOfKinds(p, comms));
    // a hair below: the sums above add in another order than the exact ones
    return {
      kindParts,
      head,
      cheapTerms: { computeS: justBelow(sums.computeS), serialCommS: justBelow(sums.serialCommS), epCommS: 0, ppSendS: 0 },
      kindTotals: kindTotalsOf(p),
    };
  });
}

export function shapeFor(ctx: PlanContext, layout: Layout): ShapeCosts {
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
    const denseComm: LayerComm = { ...moeComm, tpOverlappedS: 0, epForwardS: 0, epBackwardS: 0 };
    const comms = p.kinds.map((k, i) => withTpOverlap(commOfKind(k, moeComm, denseComm), tokens.kindParts[i]!.gemmS, layout.tp, ctx.tpCommOverlap));
    const mtpComm = mtpCommOfKinds(p, comms);
    return {
      kinds,
      head,
      mtp,
      comms,
      mtpComm,
      sums: boundSums(
        p,
        kinds.map((k) => k.none),
        head.none,
        mtp.none,
        comms,
        mtpComm,
      ),
    };
  });
}

/** The collectives of one layer of `kind`. */
function commOfKind(kind: LayerKindProfile, moe: LayerComm, dense: LayerComm): LayerComm {
  return kind.kind === 'moe' ? moe : dense;
}

/** The collectives of one MTP module (those of the layer kind it repeats), null without MTP. */
function mtpCommOfKinds(p: ModelProfile, comms: readonly LayerComm[]): LayerComm | null {
  return p.kinds[p.mtpKind] && p.mtpModules > 0 ? (comms[p.mtpKind] ?? null) : null;
}

/**
 * Pipeline send of one micro-batch, memoised per (tp, cp, micro-batch, cross-node link,
 * pipelined or not): a single stage sends nothing, every deeper pipeline sends the same
 * activations per micro-batch boundary, whatever the EP size.
 */
export function pipelineSendFor(ctx: PlanContext, layout: Layout): number {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.microBatchSize, 0, pipelineLinkCode(ctx, layout));
  const table = ctx.memo[MEMO.pipelineSend]!;
  let v = table.get(key) as number | undefined;
  if (v === undefined) {
    v = pipelineSendSeconds(ctx.profile, ctx.cluster, layout);
    table.set(key, v);
  }
  return v;
}

export function costsFor(ctx: PlanContext, layout: Layout): Costs {
  const key = memoKey(ctx, layout.tp, layout.cp, layout.ep, layout.microBatchSize, recomputeLinkCode(ctx, layout));
  const hit = ctx.memo[MEMO.costs]!.get(key);
  if (hit !== undefined) return hit as Costs;
  // the closure below is built on a miss only
  return memoize(ctx, MEMO.costs, key, () => {
    const shape = shapeFor(ctx, layout);
    const r = layout.recompute;
    const repeat = r === 'full' ? withRecomputedForwardComm : r === 'selective-op' ? withOpSelectiveRecomputedComm : null;
    return {
      kinds: shape.kinds.map((k) => k[r]),
      comms: repeat ? shape.comms.map(repeat) : shape.comms,
      head: shape.head[r],
      mtp: shape.mtp[r],
      mtpComm: repeat && shape.mtpComm ? repeat(shape.mtpComm) : shape.mtpComm,
      ppSendS: pipelineSendFor(ctx, layout),
      stageTimes: new Map(),
    };
  });
}

/** Seconds of one micro-batch through one pipeline stage: compute and the collectives of its layers. */
export interface StageTime {
  readonly forwardS: number;
  /** Backward + recomputation. */
  readonly backwardS: number;
  readonly weightGradS: number;
  readonly tpCommS: number;
  /** TP collectives hidden by TP communication overlap. */
  readonly tpOverlappedS: number;
  readonly cpCommS: number;
  /** Expert all-to-all, forward and backward. */
  readonly epCommS: number;
}

function stageTime(c: Costs, st: StageContent, mtpModules: number): StageTime {
  let forwardS = 0,
    backwardS = 0,
    weightGradS = 0,
    tpCommS = 0,
    tpOverlappedS = 0,
    cpCommS = 0,
    epCommS = 0;
  const counts = st.kindCounts;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n === 0) continue;
    const k = c.kinds[i]!;
    const m = c.comms[i]!;
    forwardS += n * k.forwardS;
    backwardS += n * (k.backwardS + k.recomputeS);
    weightGradS += n * k.weightGradS;
    tpCommS += n * m.tpCommS;
    tpOverlappedS += n * m.tpOverlappedS;
    cpCommS += n * m.cpCommS;
    epCommS += n * (m.epForwardS + m.epBackwardS);
  }
  if (st.hasHead) {
    forwardS += c.head.forwardS + c.mtp.forwardS;
    backwardS += c.head.backwardS + c.head.recomputeS + c.mtp.backwardS + c.mtp.recomputeS;
    weightGradS += c.head.weightGradS + c.mtp.weightGradS;
    if (c.mtpComm) {
      tpCommS += mtpModules * c.mtpComm.tpCommS;
      tpOverlappedS += mtpModules * c.mtpComm.tpOverlappedS;
      cpCommS += mtpModules * c.mtpComm.cpCommS;
      epCommS += mtpModules * (c.mtpComm.epForwardS + c.mtpComm.epBackwardS);
    }
  }
  return { forwardS, backwardS, weightGradS, tpCommS, tpOverlappedS, cpCommS, epCommS };
}

export function stageTimesFor(ctx: PlanContext, c: Costs, stages: readonly StageContent[]): readonly StageTime[] {
  let times = c.stageTimes.get(stages.length);
  if (!times) {
    times = mapStages(stages, (s) => stageTime(c, s, ctx.profile.mtpModules));
    c.stageTimes.set(stages.length, times);
  }
  return times;
}
