import type { ResolvedLayout } from '../serving/layout.js';
import type { ModelShape } from './shape.js';

/**
 * Paged KV cache: engines store KV in fixed-size blocks (pages) allocated as a sequence grows,
 * so a sequence holds the tokens it has so far — its prompt plus the tokens generated — rounded
 * up to whole blocks, not its whole context from admission. Tokens per block by backend, the
 * engines' defaults (data keyed by backend name, not fitted):
 *  - vLLM: `CacheConfig.DEFAULT_BLOCK_SIZE = 16` (docs.vllm.ai, vllm.config.cache);
 *  - SGLang: `--page-size` default 1 (token-granular radix cache; SGLang server arguments);
 *  - TensorRT-LLM: `KvCacheConfig.tokens_per_block = 32` (nvidia.github.io/TensorRT-LLM, llm-api
 *    reference KvCacheConfig);
 *  - anything else: 16.
 */
export const KV_BLOCK_TOKENS: Readonly<Record<string, number>> = { default: 16, vllm: 16, sglang: 1, trtllm: 32 };

export function kvBlockTokens(backend: string | undefined): number {
  return KV_BLOCK_TOKENS[backend ?? 'default'] ?? KV_BLOCK_TOKENS['default'] ?? 1;
}

/** Σ_{j=1..x} ⌈j / B⌉ (0 for x ≤ 0). */
function ceilSum(x: number, blockTokens: number): number {
  if (x <= 0) return 0;
  const q = Math.floor(x / blockTokens),
    r = x - q * blockTokens;
  return (blockTokens * q * (q + 1)) / 2 + r * (q + 1);
}

/**
 * Mean blocks one layer holds for a sequence over its life: after its prompt of `promptTokens`
 * it holds ⌈min(prompt + t, window) / B⌉ blocks while generating token t = 0 … output − 1
 * (uniform decode: one token per step), so the time average is ≈ (prompt + output/2) ÷ B + ½.
 * `window` caps sliding-window layers (blocks beyond the window are freed).
 */
export function meanBlocksPerLayer(promptTokens: number, outputTokens: number, blockTokens: number, window = Number.POSITIVE_INFINITY): number {
  const a = Math.max(1, Math.round(promptTokens)),
    n = Math.max(1, Math.round(outputTokens)),
    b = Math.max(1, blockTokens);
  const last = a + n - 1;
  const hi = Math.min(last, window - 1);
  const below = hi >= a ? ceilSum(hi, b) - ceilSum(a - 1, b) : 0;
  const atWindowSteps = Math.max(0, last - Math.max(a, window) + 1);
  const atWindow = atWindowSteps > 0 ? atWindowSteps * Math.ceil(window / b) : 0;
  return (below + atWindow) / n;
}

/** Blocks one layer holds for a sequence at `contextTokens` (its largest, at the end of its life); token-exact for B ≤ 1. */
export function fullBlocksPerLayer(contextTokens: number, blockTokens: number, window = Number.POSITIVE_INFINITY): number {
  const tokens = Math.min(Math.max(1, contextTokens), window);
  return blockTokens <= 1 ? tokens : Math.ceil(tokens / blockTokens);
}

/**
 * KV tokens one GPU stores for one sequence, summed over its layers (pipeline stage share), in
 * block-rounded tokens: `mean` over the sequence's life (time-averaged occupancy) and `full` at
 * its whole context (what a scheduler reserving the whole context would hold).
 */
export function pagedKvTokensPerSequence(
  shape: ModelShape,
  layout: ResolvedLayout,
  promptTokens: number,
  outputTokens: number,
  blockTokens: number,
): { mean: number; full: number } {
  let mean = 0,
    full = 0;
  for (const g of shape.groups) {
    const window = g.sliding && shape.slidingWindow !== null ? shape.slidingWindow : Number.POSITIVE_INFINITY;
    const layers = g.count / layout.pp;
    const b = Math.max(1, blockTokens);
    const fullTokens = fullBlocksPerLayer(promptTokens + outputTokens, blockTokens, window) * b;
    full += layers * fullTokens;
    // a context that is all prompt holds its whole context from the start
    mean += layers * (outputTokens > 0 ? meanBlocksPerLayer(promptTokens, outputTokens, blockTokens, window) * b : fullTokens);
  }
  return { mean, full };
}
