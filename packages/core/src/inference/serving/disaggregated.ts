import { decodeStep, type DecodeStep } from '../step/decode.js';
import { prefillLatencyS, prefillTokensPerSecond } from '../step/prefill.js';
import { kvBytesPerSequencePerGpu } from '../memory/memory.js';
import { links } from '../step/comm.js';
import { convert } from '../../units/units.js';
import type { ServingSetup } from './setup.js';
import { closedLoopMva } from './closed-loop-mva.js';

export { closedLoopMva };

/** Geometric bisection of the decode batch: at most this many halvings of the bracket… */
const BATCH_BISECTION_MAX_STEPS = 24;
/** …stopping once the bracket is within this fraction of its upper end. */
const BATCH_BISECTION_RELATIVE_TOLERANCE = 1e-3;

/**
 * A disaggregated deployment under a closed-loop benchmark: `concurrency` requests in flight over
 * the whole deployment, `prefillWorkers` prefill instances and `decodeWorkers` decode instances.
 */
export interface DisaggLoad {
  readonly concurrency: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly prefillWorkers: number;
  readonly decodeWorkers: number;
  /** Sequences a decode instance holds at most (batch per rank × attention-DP); default unlimited. */
  readonly decodeMaxBatch?: number;
}

export interface DisaggEstimate {
  readonly ttftS: number;
  readonly tpotS: number;
  /** Closed-loop throughput of the deployment, requests/s. */
  readonly requestsPerSecond: number;
  /** Sequences each decode instance batches in steady state. */
  readonly decodeBatch: number;
  /** Mean wait for a prefill slot (queue in front of the prefill pool), seconds. */
  readonly prefillWaitS: number;
  /** Prefill pool time per prompt at saturation (chunked rate of all instances), seconds. */
  readonly prefillDemandS: number;
  /** Prompt KV moved prefill → decode GPU over the scale-out NIC, seconds. */
  readonly kvTransferS: number;
  readonly decode: DecodeStep;
}

/**
 * KV of one prompt moved from the prefill GPU that holds it to the decode GPU that will (NIXL/RDMA
 * over each GPU's scale-out NIC, catalog bandwidth): the bigger of the bytes one prefill GPU sends
 * and one decode GPU receives (GQA heads split by TP on either side; MLA latent whole on each).
 */
export function kvTransferS(ps: ServingSetup, ds: ServingSetup, promptTokens: number): number {
  const send = kvBytesPerSequencePerGpu(ps.shape, ps.layout, promptTokens, ps.kvBytesPerElement) / links(ps.gpu).ibBps;
  const recv = kvBytesPerSequencePerGpu(ds.shape, ds.layout, promptTokens, ds.kvBytesPerElement) / links(ds.gpu).ibBps;
  return Math.max(send, recv);
}

/**
 * Steady state of a disaggregated closed loop (`concurrency` requests cycling: prefill pool →
 * KV transfer → decode pool → next request):
 *  - Prefill pool: capacity = instances × the saturated chunked prefill rate (`prefillTokensPerSecond`);
 *    it works on one prompt per attention-DP rank of each instance (m "servers"). Multi-server
 *    station by Seidmann's approximation: a queue of demand 1 ÷ capacity per prompt plus a fixed
 *    delay (the lone prompt's latency less that demand). Exact closed-loop MVA on that queue, with
 *    everything else as the loop's delay, gives the throughput X and the steady wait, which grows
 *    without bound as X approaches the pool's capacity (concurrency ÷ request latency = arrival rate).
 *  - Benchmarks send fixed-length requests that start together, so they arrive in waves:
 *    `disaggPrefillQueueShare` × (concurrency ÷ m − 1) prompts' worth of each server's time is the
 *    mean wait behind a wave. The wait is the larger of the two.
 *  - KV transfer of the prompt (`kvTransferS`), then the first decode step.
 *  - Decode pool: each instance holds X · decode time ÷ workers sequences (Little's law), at most
 *    `decodeMaxBatch`; TPOT = its decode step. X, the decode batch and TPOT are solved together
 *    (bisection on the batch: a bigger batch slows decode, which keeps more requests in decode).
 *  - TTFT = request overhead + prefill wait + own prefill + KV transfer + first decode step.
 */
export function disaggregatedServing(ps: ServingSetup, ds: ServingSetup, load: DisaggLoad): DisaggEstimate {
  const n = Math.max(1, load.concurrency);
  const isl = Math.max(1, load.inputTokens);
  const osl = Math.max(1, load.outputTokens);
  const prefillWorkers = Math.max(1, load.prefillWorkers);
  // pool capacity: every instance at its saturated chunked rate (prompts packed up to the token budget)
  const demand = isl / (prefillTokensPerSecond(ps, { newTokens: isl, cachedTokens: 0 }) * prefillWorkers);
  // prompts the pool works on at once: one per attention-DP rank of every instance
  const servers = prefillWorkers * ps.layout.attentionDp;
  const lone = prefillLatencyS(ps, { newTokens: isl, cachedTokens: 0 });
  const transferS = kvTransferS(ps, ds, isl);
  const overheadS = convert(ps.eff.requestOverheadMs, 'ms', 's');
  const workers = Math.max(1, load.decodeWorkers);
  const cap = Math.max(1, Math.min(load.decodeMaxBatch ?? Infinity, n / workers));
  const ctx = isl + osl / 2;
  const solve = (b: number) => {
    const d = decodeStep(ds, b, ctx);
    const front = overheadS + Math.max(0, lone - demand) + transferS + d.stepS;
    const decodeS = (osl - 1) * d.tpotS;
    const mva = closedLoopMva(n, demand, front + decodeS);
    return { d, mva, front, inDecode: Math.min(cap, (mva.x * decodeS) / workers) };
  };
  let batch = cap;
  let s = solve(batch);
  if (s.inDecode < batch) {
    let lo = 1,
      hi = cap;
    for (let i = 0; i < BATCH_BISECTION_MAX_STEPS && hi - lo > BATCH_BISECTION_RELATIVE_TOLERANCE * hi; i++) {
      const mid = Math.sqrt(lo * hi);
      if (solve(mid).inDecode < mid) hi = mid;
      else lo = mid;
    }
    batch = Math.sqrt(lo * hi);
    s = solve(batch);
  }
  // steady closed-loop wait (grows without bound as the pool saturates) or the synchronised-wave
  // share of the prompts queued at each prefill server, whichever is longer
  const steadyS = Math.max(0, s.mva.r - demand);
  const waveS = ps.eff.disaggPrefillQueueShare * Math.max(0, n / servers - 1) * demand * servers;
  const waitS = Math.max(steadyS, waveS);
  return {
    ttftS: overheadS + waitS + lone + transferS + s.d.stepS,
    tpotS: s.d.tpotS,
    requestsPerSecond: s.mva.x,
    decodeBatch: batch,
    prefillWaitS: waitS,
    prefillDemandS: demand,
    kvTransferS: transferS,
    decode: s.d,
  };
}
