import { describe, expect, it } from 'vitest';
import { planTraining } from '../index.js';

/** A GPT of Megatron-LM Table 1's family: SwiGLU of 8h/3, tied embeddings. */
const gpt = (layers: number, hidden: number, heads: number) => ({
  config: {
    model_type: 'gpt',
    hidden_size: hidden,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    intermediate_size: Math.round((8 * hidden) / 3),
    vocab_size: 51200,
    tie_word_embeddings: true,
    max_position_embeddings: 8192,
  },
});

const tokensPerSecond = (model: ReturnType<typeof gpt>, sequenceLength: number, attentionKernel: 'flash' | 'materialized') =>
  planTraining({
    model,
    gpu: 'a100',
    gpuCount: 8,
    tokens: 1e12,
    sequenceLength,
    globalBatchTokens: 64 * sequenceLength,
    precision: 'bf16',
    attentionKernel,
    parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, recompute: 'full', microBatchSize: 1 },
  }).tokensPerSecondPerGpu;

describe('attention kernel family', () => {
  it('a materialised s×s attention is slower than a flash one, and flash is the default', () => {
    const m = gpt(24, 2304, 24);
    expect(tokensPerSecond(m, 2048, 'materialized')).toBeLessThan(tokensPerSecond(m, 2048, 'flash'));
    const dflt = planTraining({
      model: m,
      gpu: 'a100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 64 * 2048,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, recompute: 'full', microBatchSize: 1 },
    }).tokensPerSecondPerGpu;
    expect(dflt).toBe(tokensPerSecond(m, 2048, 'flash'));
  });
  it('costs a narrow model more than a wide one (score bytes grow with s, GEMMs with h)', () => {
    const slowdown = (m: ReturnType<typeof gpt>) => tokensPerSecond(m, 2048, 'flash') / tokensPerSecond(m, 2048, 'materialized');
    expect(slowdown(gpt(24, 2304, 24))).toBeGreaterThan(slowdown(gpt(8, 8192, 64)));
  });
  it('costs more at a longer sequence', () => {
    const m = gpt(24, 2304, 24);
    const at = (s: number) => tokensPerSecond(m, s, 'flash') / tokensPerSecond(m, s, 'materialized');
    expect(at(8192)).toBeGreaterThan(at(2048));
  });
});
