import { decodeStep, type DecodeStep } from '../step/decode.js';
import { prefillLatencyS, prefillTokensPerSecond } from '../step/prefill.js';
import { convert } from '../../units/units.js';
import type { ServingSetup } from './setup.js';
import { closedLoopMva } from './closed-loop-mva.js';

/**
 * Decode steps between a prefill finishing and its first token reaching the client: on average the
 * finished prompt waits half a running decode step to join the batch, then one full step emits
 * its first token (0.5 + 1).
 */
export const FIRST_TOKEN_DECODE_STEPS = 1.5;

/** A closed-loop load: `concurrency` requests in flight, each `inputTokens` in / `outputTokens` out. */
export interface ClosedLoopLoad {
  readonly concurrency: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Fraction of input tokens served from the prefix cache. */
  readonly prefixCacheHitRate?: number;
  /** Sequences the engine batches at most (max_batch_size / max_num_seqs); default = concurrency. */
  readonly maxBatch?: number;
}

export interface ServingEstimate {
  /** Sequences decoded together. */
  readonly batch: number;
  readonly ttftS: number;
  readonly tpotS: number;
  /** Time a request waits for a batch slot when concurrency exceeds the batch (closed-loop queue). */
  readonly slotWaitS: number;
  readonly requestLatencyS: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly prefillTokensPerSecond: number;
  readonly decode: DecodeStep;
  /** The terms TTFT, TPOT and throughput are sums and ratios of (seconds), for their explanations. */
  readonly terms: ServingTerms;
}

/** tpot = decodeTpotS + (batch − 1) · prefillPerPromptS ÷ output tokens; ttft = overhead + own prefill + prefill wait + first token + slot wait. */
export interface ServingTerms {
  readonly decodeTpotS: number;
  readonly prefillPerPromptS: number;
  readonly overheadS: number;
  readonly ownPrefillS: number;
  readonly prefillWaitS: number;
  readonly firstTokenS: number;
  /** One request's time in the batch: TTFT before any slot wait + (output − 1) × TPOT. */
  readonly serviceS: number;
}

/** The batch-independent prefill side of a closed-loop load: saturated rate and lone-prompt latency. */
export interface PrefillCost {
  /** Computed (cache-miss) tokens per second of the instance at saturation. */
  readonly tokensPerSecond: number;
  /** One prompt alone on the instance, seconds. */
  readonly ownPrefillS: number;
}

/** Prefill cost of one request of `load` (computed once when many batch sizes are tried). */
export function prefillCost(s: ServingSetup, load: Pick<ClosedLoopLoad, 'inputTokens' | 'prefixCacheHitRate'>): PrefillCost {
  const hit = load.prefixCacheHitRate ?? 0;
  const req = { newTokens: load.inputTokens * (1 - hit), cachedTokens: load.inputTokens * hit };
  return { tokensPerSecond: prefillTokensPerSecond(s, req), ownPrefillS: prefillLatencyS(s, req) };
}

/**
 * Aggregated serving (one pool does prefill and decode), steady state of a closed loop:
 *  - TPOT = decode step ÷ tokens per step + the prefills of the other batch members that
 *    interrupt a request's decode: (batch − 1) · prefill time per prompt ÷ output tokens.
 *  - TTFT = request overhead + the prompt's own prefill + its wait for the instance's prefill
 *    capacity + half an in-flight iteration it waits for + the first decode step. The wait is the
 *    larger of the steady closed-loop queue (exact MVA: `batch` clients, prefill demand per prompt,
 *    the rest of the request as think time; it grows without bound as arrivals near the prefill
 *    capacity) and the synchronised wave's share (`prefillQueueShare`) of the other members' prefills.
 *  - concurrency above the batch limit waits for a slot: Little's law gives
 *    (concurrency ÷ batch − 1) × request latency of waiting on top of TTFT.
 */
export function aggregatedServing(s: ServingSetup, load: ClosedLoopLoad, prefill?: PrefillCost): ServingEstimate {
  const hit = load.prefixCacheHitRate ?? 0;
  const batch = Math.max(1, Math.min(load.concurrency, load.maxBatch ?? load.concurrency));
  const req = { newTokens: load.inputTokens * (1 - hit), cachedTokens: load.inputTokens * hit };
  const decodeCtx = load.inputTokens + load.outputTokens / 2;
  const decode = decodeStep(s, batch, decodeCtx);
  const { tokensPerSecond: pfRate, ownPrefillS } = prefill ?? prefillCost(s, load);
  // a prompt's cost to the instance: its share of the packed prefill rate, or under attention DP,
  // for the share of prompts prefilled on their rank alone, that rank's whole prompt time (the
  // other ranks' decodes wait for it at the MoE all-to-all)
  const packedPerPromptS = req.newTokens / pfRate;
  const alone = s.layout.attentionDp > 1 ? s.eff.adpPrefillAloneShare : 0;
  const pfPerPromptS = (1 - alone) * packedPerPromptS + alone * Math.max(packedPerPromptS, ownPrefillS);
  const overheadS = convert(s.eff.requestOverheadMs, 'ms', 's');
  const tpotS = decode.tpotS + ((batch - 1) * pfPerPromptS) / Math.max(load.outputTokens, 1);
  // wait for the instance's prefill capacity: the steady closed-loop queue (exact MVA on one station
  // of demand pfPerPromptS, the rest of the request as think time), or the synchronised wave's share
  // of the other members' prefills, whichever is longer (as disaggregatedServing does for its pool)
  const firstTokenS = FIRST_TOKEN_DECODE_STEPS * decode.stepS;
  const thinkS = overheadS + Math.max(0, ownPrefillS - pfPerPromptS) + firstTokenS + (load.outputTokens - 1) * tpotS;
  const steadyWaitS = Math.max(0, closedLoopMva(batch, pfPerPromptS, thinkS).r - pfPerPromptS);
  const waveWaitS = s.eff.prefillQueueShare * (batch - 1) * pfPerPromptS;
  const prefillWaitS = Math.max(steadyWaitS, waveWaitS);
  const ttftNoQueue = overheadS + ownPrefillS + prefillWaitS + firstTokenS;
  const serviceS = ttftNoQueue + (load.outputTokens - 1) * tpotS;
  const slotWaitS = load.concurrency > batch ? (load.concurrency / batch - 1) * serviceS : 0;
  const ttftS = ttftNoQueue + slotWaitS;
  const requestLatencyS = ttftS + (load.outputTokens - 1) * tpotS;
  return {
    batch,
    ttftS,
    tpotS,
    slotWaitS,
    requestLatencyS,
    outputTokensPerSecondPerUser: 1 / tpotS,
    outputTokensPerSecondPerGpu: (batch * load.outputTokens) / serviceS / s.layout.gpuCount,
    prefillTokensPerSecond: pfRate,
    decode,
    terms: { decodeTpotS: decode.tpotS, prefillPerPromptS: pfPerPromptS, overheadS, ownPrefillS, prefillWaitS, firstTokenS, serviceS },
  };
}
