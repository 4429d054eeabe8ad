import { describe, expect, it } from 'vitest';
import { getModel, listModels } from '../models/catalog.js';
import { normalizeConfig } from '../models/normalize-config.js';
import { countParameters } from './params.js';
import { kvCacheBytesPerSequence, kvCacheBytesPerToken } from './kv-cache.js';
import { meanCausalKeys, trainingFlopsPerToken } from './flops.js';

const arch = (id: string) => getModel(id)!.architecture;

describe('parameter accounting', () => {
  it('counts a perturbed DeepSeek-V3 config from its fields (128 routed experts)', () => {
    const base = countParameters(arch('deepseek-v3'));
    const cfg = { ...getModel('deepseek-v3')!.config, n_routed_experts: 128 };
    const fewer = countParameters(normalizeConfig(cfg));
    // 58 MoE layers x 128 removed experts x 3 x 7168 x 2048, plus the router rows (and score biases) that go with them
    const removed = 58 * 128 * (3 * 7168 * 2048 + 7168 + 1);
    expect(base.totalParams - fewer.totalParams).toBe(removed);
    expect(fewer.activeParams).toBe(base.activeParams - 58 * 128 * (7168 + 1)); // router rows + score biases; top-8 unchanged
  });

  it('counts a perturbed DeepSeek-V3 config from its fields (40 layers)', () => {
    const cfg = { ...getModel('deepseek-v3')!.config, num_hidden_layers: 40 };
    const a = normalizeConfig(cfg);
    const p = countParameters(a);
    const full = countParameters(arch('deepseek-v3'));
    const perMoeLayer = (full.totalParams - full.embeddingParams - full.headParams - full.normParams - full.denseFfnParams - full.attentionParams) / 58;
    expect(a.layers.filter((l) => l.ffn === 'moe')).toHaveLength(37);
    expect(p.totalParams).toBeLessThan(full.totalParams - 20 * perMoeLayer);
  });

  it('unties the head unless tie_word_embeddings', () => {
    const cfg = { ...getModel('llama-3.1-8b')!.config, tie_word_embeddings: true };
    const tied = countParameters(normalizeConfig(cfg));
    const untied = countParameters(arch('llama-3.1-8b'));
    expect(untied.totalParams - tied.totalParams).toBe(128256 * 4096);
  });

  it('every catalog model has a positive active share no larger than its total', () => {
    for (const m of listModels()) {
      const p = countParameters(m.architecture);
      expect(p.activeParams).toBeGreaterThan(0);
      expect(p.activeParams).toBeLessThanOrEqual(p.totalParams);
    }
  });
});

describe('KV cache', () => {
  it('caps sliding-window layers at their window', () => {
    const oss = arch('gpt-oss-120b');
    const perTokenPerLayer = kvCacheBytesPerToken(oss, 2) / 36;
    // 18 full layers x 8192 tokens + 18 sliding layers x 128 tokens
    expect(kvCacheBytesPerSequence(oss, 8192, 2)).toBe(perTokenPerLayer * (18 * 8192 + 18 * 128));
  });
});

describe('FLOP accounting', () => {
  it('averages causal keys as (L+1)/2, capped by a window', () => {
    expect(meanCausalKeys(4096, null)).toBe(2048.5);
    expect(meanCausalKeys(4, 2)).toBe((1 + 2 + 2 + 2) / 4);
  });
  it('grows attention FLOPs with sequence length and leaves matmuls alone', () => {
    const a = arch('llama-3.1-8b');
    const short = trainingFlopsPerToken(a, 2048);
    const long = trainingFlopsPerToken(a, 8192);
    expect(long.matmulFlops).toBe(short.matmulFlops);
    expect(long.attentionFlops / short.attentionFlops).toBeCloseTo(8193 / 2049, 6);
  });
});
