import { decodeStep, type DecodeStep } from './decode.js';
import { gpuMemory, LOGITS_CHUNK_TOKENS, memoryShortfallReason, type GpuMemory } from '../memory/memory.js';
import type { ServingSetup } from '../serving/setup.js';

/** Upper end of the batch-per-attention-DP-rank searches (well above any engine's max_num_seqs; memory caps it first). */
export const MAX_BATCH_PER_RANK_SEARCHED = 4096;

/** The decode batch an instance runs: the largest that fits in memory and meets the per-user speed. */
export interface DecodePoint {
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  /** Sequences on the whole instance. */
  readonly batch: number;
  readonly memory: GpuMemory;
  readonly step?: DecodeStep;
}

/**
 * Decode tokens/s per user falls monotonically as the batch grows (more KV and, past the ridge,
 * more compute per step), so a binary search over the batch per attention-DP rank finds the
 * largest batch with speed ≥ `minTokensPerSecondPerUser` among those that fit.
 */
export function decodeOperatingPoint(
  s: ServingSetup,
  contextTokens: number,
  minTokensPerSecondPerUser: number | undefined,
  maxBatchPerRank = MAX_BATCH_PER_RANK_SEARCHED,
): DecodePoint {
  const dp = s.layout.attentionDp;
  const memAt = (perRank: number) =>
    gpuMemory({
      shape: s.shape,
      gpu: s.gpu,
      layout: s.layout,
      weights: s.weights,
      kvBytesPerElement: s.kvBytesPerElement,
      contextTokens,
      maxTokensPerStep: Math.max(perRank * (1 + (s.speculative?.draftTokens ?? 0)), LOGITS_CHUNK_TOKENS),
      withMtp: s.speculative !== null,
    });
  const mem = memAt(1);
  const fitPerRank = Math.min(maxBatchPerRank, Math.floor(mem.maxConcurrency / dp));
  if (fitPerRank < 1) {
    const reason = memoryShortfallReason(mem, contextTokens);
    return { feasible: false, reasons: [reason], batch: 0, memory: mem };
  }
  const ok = (perRank: number) =>
    minTokensPerSecondPerUser === undefined || decodeStep(s, perRank * dp, contextTokens).outputTokensPerSecondPerUser >= minTokensPerSecondPerUser;
  if (!ok(1)) {
    const step = decodeStep(s, dp, contextTokens);
    return {
      feasible: false,
      reasons: [
        `even one sequence per attention-DP rank decodes at ${step.outputTokensPerSecondPerUser.toFixed(1)} tokens/s per user, below the ${minTokensPerSecondPerUser} required`,
      ],
      batch: dp,
      memory: mem,
      step,
    };
  }
  let lo = 1,
    hi = fitPerRank;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  const batch = lo * dp;
  return { feasible: true, reasons: [], batch, memory: memAt(lo), step: decodeStep(s, batch, contextTokens) };
}
