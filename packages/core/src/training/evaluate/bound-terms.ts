/**
 * Step-time lower bounds, their terms: the whole-model sums of one micro-batch (compute,
 * TP/CP collectives, expert all-to-all, pipeline send) that lowerBoundSeconds weighs.
 */
import type { LayerComm } from '../communication.js';
import type { PassCost } from '../compute.js';
import type { ModelProfile } from '../model-profile.js';

/** Per-step-independent sums for the lower bound, seconds: everything of one micro-batch over all layers. */
export interface BoundTerms {
  /** Forward + backward compute of every layer, head and MTP (no recomputation). */
  readonly computeS: number;
  /** TP and CP collectives (never hidden). */
  readonly serialCommS: number;
  /** Expert all-to-all. */
  readonly epCommS: number;
  /** Pipeline send of one micro-batch. */
  readonly ppSendS: number;
}

/**
 * The factor a cheap bound term is lowered by: its sums add in another order than the exact
 * terms, so they can come out a few ulps above them; 1e-9 relative is far above that rounding,
 * and a lowered bound is still a lower bound.
 */
export const BOUND_SLACK = 1 - 1e-9;

/** A bound term `x`, a hair below (BOUND_SLACK). */
export function justBelow(x: number): number {
  return x * BOUND_SLACK;
}

/** Decoder layers of each kind in the model. */
export function kindTotalsOf(p: ModelProfile): readonly number[] {
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

export function boundSums(
  p: ModelProfile,
  kinds: readonly PassCost[],
  head: PassCost,
  mtp: PassCost,
  comms: readonly LayerComm[],
  mtpComm: LayerComm | null,
): Omit<BoundTerms, 'ppSendS'> {
  const kindTotals = kindTotalsOf(p);
  let computeS = head.forwardS + head.backwardS + mtp.forwardS + mtp.backwardS;
  let serialCommS = 0,
    epCommS = 0;
  for (let i = 0; i < kindTotals.length; i++) {
    const n = kindTotals[i]!;
    const k = kinds[i]!,
      m = comms[i]!;
    computeS += n * (k.forwardS + k.backwardS);
    serialCommS += n * (m.tpCommS + m.cpCommS);
    epCommS += n * (m.epForwardS + m.epBackwardS);
  }
  if (mtpComm) {
    serialCommS += p.mtpModules * (mtpComm.tpCommS + mtpComm.cpCommS);
    epCommS += p.mtpModules * (mtpComm.epForwardS + mtpComm.epBackwardS);
  }
  return { computeS, serialCommS, epCommS };
}
