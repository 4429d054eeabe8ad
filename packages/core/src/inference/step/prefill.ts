import { forwardPass } from './forward.js';
import type { ServingSetup } from '../serving/setup.js';

/** Floor on sequences per chunk (a prompt longer than the chunk is a fraction of a sequence; never zero). */
const MIN_SEQUENCES_PER_CHUNK = 1e-9;

export interface PrefillRequest {
  /** Prompt tokens that must be computed (cache misses). */
  readonly newTokens: number;
  /** Prompt tokens served from the prefix cache (their KV is loaded, not recomputed). */
  readonly cachedTokens: number;
}

/** Mean keys a new prompt token attends to: the cached prefix plus half the new part (causal). */
function meanKeys(r: PrefillRequest): number {
  return r.cachedTokens + (r.newTokens + 1) / 2;
}

/**
 * Saturated prefill rate of the instance, in computed (cache-miss) tokens per second: every
 * attention-DP rank runs chunks of `prefillChunkTokens` tokens (at least one whole prompt).
 */
export function prefillTokensPerSecond(s: ServingSetup, r: PrefillRequest): number {
  const chunk = Math.max(s.prefillChunkTokens, 1);
  const seqs = Math.max(chunk / Math.max(r.newTokens, 1), MIN_SEQUENCES_PER_CHUNK);
  const pass = forwardPass(s, {
    tokensPerRank: chunk,
    sequencesPerRank: Math.min(seqs, chunk),
    meanKeys: meanKeys(r),
    kvKeysPerSequence: r.cachedTokens,
    phase: 'prefill',
  });
  return (chunk * s.layout.attentionDp) / pass.timeS;
}

/** Time to prefill one prompt alone on the instance (chunked by `prefillChunkTokens`), seconds. */
export function prefillLatencyS(s: ServingSetup, r: PrefillRequest): number {
  const chunk = Math.max(s.prefillChunkTokens, 1);
  const n = Math.max(1, Math.ceil(r.newTokens / chunk));
  const per = r.newTokens / n;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const cached = r.cachedTokens + i * per;
    t += forwardPass(s, {
      tokensPerRank: per,
      sequencesPerRank: 1,
      meanKeys: cached + (per + 1) / 2,
      kvKeysPerSequence: cached,
      phase: 'prefill',
      activeRanks: 1,
    }).timeS;
  }
  return t;
}
