import { decodeStep } from '../step/decode.js';
import { gpuMemory } from '../memory/memory.js';
import type { ResolvedLayout } from './layout.js';
import type { ServingSetup } from './setup.js';
import { LOGITS_CHUNK_TOKENS } from '../memory/memory.js';

/** Largest batch per attention-DP rank the sweep plots (2^10: past it per-GPU speed has flattened on every catalog GPU). */
export const PARETO_MAX_BATCH_PER_RANK = 1024;

export interface ParetoPoint {
  readonly parallelism: ResolvedLayout;
  readonly batch: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
}

/**
 * Decode Pareto frontier of tokens/s per GPU against tokens/s per user: every setup (layout) ×
 * batch per attention-DP rank in powers of two up to what fits; points another point beats on
 * both axes are dropped. Sorted by per-user speed, descending.
 */
export function decodePareto(setups: readonly ServingSetup[], contextTokens: number): ParetoPoint[] {
  const pts: ParetoPoint[] = [];
  for (const s of setups) {
    const mem = gpuMemory({
      shape: s.shape,
      gpu: s.gpu,
      layout: s.layout,
      weights: s.weights,
      kvBytesPerElement: s.kvBytesPerElement,
      contextTokens,
      maxTokensPerStep: LOGITS_CHUNK_TOKENS,
      withMtp: s.speculative !== null,
    });
    const maxPerRank = Math.floor(mem.maxConcurrency / s.layout.attentionDp);
    for (let b = 1; b <= Math.min(maxPerRank, PARETO_MAX_BATCH_PER_RANK); b *= 2) {
      const d = decodeStep(s, b * s.layout.attentionDp, contextTokens);
      pts.push({
        parallelism: s.layout,
        batch: b * s.layout.attentionDp,
        outputTokensPerSecondPerUser: d.outputTokensPerSecondPerUser,
        outputTokensPerSecondPerGpu: d.outputTokensPerSecondPerGpu,
      });
    }
  }
  pts.sort((a, b) => b.outputTokensPerSecondPerUser - a.outputTokensPerSecondPerUser || b.outputTokensPerSecondPerGpu - a.outputTokensPerSecondPerGpu);
  const front: ParetoPoint[] = [];
  let best = -Infinity;
  for (const p of pts) {
    if (p.outputTokensPerSecondPerGpu > best) {
      front.push(p);
      best = p.outputTokensPerSecondPerGpu;
    }
  }
  return front;
}
