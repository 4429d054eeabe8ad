/**
 * Accuracy of the planning core's model accounting against published figures.
 * Every expected number names its source (copied from shared/reference/published-figures.json)
 * and a stated relative tolerance. Nothing is looked up by model id: the counts come from the
 * config.json fields, so perturbed configs are recounted.
 */
import { describe, expect, it } from 'vitest';
import { analyzeModel, getModel, listModels, normalizeConfig } from '@gcp/core';

const relErr = (got: number, want: number) => Math.abs(got / want - 1);
const analyze = (id: string, sequenceLength = 4096) => analyzeModel(getModel(id)!.architecture, { sequenceLength });

describe('DeepSeek-V3 accounting', () => {
  const v3 = analyze('deepseek-v3');

  // DeepSeek-V3 Technical Report (arXiv:2412.19437) §4.2: "671B total parameters, of which 37B are activated"
  it('totals 671B parameters (tolerance 1.5%)', () => {
    expect(relErr(v3.totalParams, 671e9)).toBeLessThan(0.015);
  });

  // same source; our convention counts embedding and head, ≈ 37.5B (README_WEIGHTS: 36.7B incl. 0.9B embedding + 0.9B head)
  it('activates 37B parameters per token (tolerance 2%)', () => {
    expect(relErr(v3.activeParams, 37e9)).toBeLessThan(0.02);
  });

  // github.com/deepseek-ai/DeepSeek-V3 README_WEIGHTS.md @ 9b4e9788: MTP "11.5B unique parameters, excluding the shared 0.9B Embedding and 0.9B output Head"
  it('has 11.5B unique MTP parameters (tolerance 3%)', () => {
    expect(relErr(v3.mtpParams, 11.5e9)).toBeLessThan(0.03);
  });

  // README.md @ 9b4e9788: "685B, which includes 671B of the Main Model weights and 14B of the Multi-Token Prediction (MTP) Module weights"
  // (14B = 11.5B unique + 0.9B embedding + 0.9B head + rounding) — checked loosely, 5%
  it('adds up to the 685B Hugging Face checkpoint with MTP, embedding and head counted again (tolerance 5%)', () => {
    const hfTotal = v3.totalParams + v3.mtpParams + v3.paramsBreakdown.embedding + v3.paramsBreakdown.head;
    expect(relErr(hfTotal, 685e9)).toBeLessThan(0.05);
  });

  // DESIGN.md / V3 config: (kv_lora_rank 512 + qk_rope_head_dim 64) x 61 layers x 2 bytes = 70,272 B (exact)
  it('caches exactly 70,272 bytes per token in BF16 and half that in FP8', () => {
    expect(v3.kvCacheBytesPerToken.bf16).toBe(70272);
    expect(v3.kvCacheBytesPerToken.fp8).toBe(35136);
  });

  // ISCA'25 (arXiv:2505.09343) Table 2: "DeepSeek-V3 MoE | 671B | 250 GFLOPS/Token" at 4K, causal
  it('needs about 250 GFLOP of training compute per token at 4K context (tolerance 5%)', () => {
    expect(relErr(v3.trainingFlopsPerToken, 250e9)).toBeLessThan(0.05);
  });
});

describe('KV cache of dense GQA models', () => {
  // Llama 3 paper Table 3: 126 layers, 8 KV heads, head dim 128 → 2 x 8 x 128 x 126 x 2 B = 516,096 B (exact)
  it('caches exactly 516,096 bytes per token for Llama-3.1-405B in BF16', () => {
    expect(analyze('llama-3.1-405b').kvCacheBytesPerToken.bf16).toBe(516096);
  });
});

describe('every catalog model against its official total', () => {
  // Official totals (rounded as published) with their sources are kept beside each catalog entry
  // (packages/core/src/models/catalog.ts, officialParams). Tolerance 3%.
  for (const model of listModels()) {
    it(`${model.id}: within 3% of ${model.officialParams.totalB.value}B (${model.officialParams.totalB.source.slice(0, 60)}…)`, () => {
      const a = analyzeModel(model.architecture);
      expect(relErr(a.totalParams, model.officialParams.totalB.value * 1e9)).toBeLessThan(0.03);
    });
  }
});

describe('pasted, perturbed configs are recounted', () => {
  const base = analyze('deepseek-v3');

  it('DeepSeek-V3 with 128 routed experts loses 58 layers x 128 experts', () => {
    const cfg = { ...getModel('deepseek-v3')!.config, n_routed_experts: 128 };
    const a = analyzeModel(normalizeConfig(cfg));
    const expertParams = 3 * 7168 * 2048;
    expect(base.totalParams - a.totalParams).toBeGreaterThan(58 * 128 * expertParams);
    expect(relErr(a.totalParams, base.totalParams - 58 * 128 * expertParams)).toBeLessThan(0.001);
    expect(a.kvCacheBytesPerToken.bf16).toBe(base.kvCacheBytesPerToken.bf16);
  });

  it('DeepSeek-V3 with 40 layers has 40/61 of the KV cache and 37 MoE layers', () => {
    const cfg = { ...getModel('deepseek-v3')!.config, num_hidden_layers: 40 };
    const a = analyzeModel(normalizeConfig(cfg));
    expect(a.kvCacheBytesPerToken.bf16).toBe(576 * 40 * 2);
    expect(a.moeLayers).toBe(37);
    expect(a.totalParams).toBeLessThan(0.66 * base.totalParams);
  });
});
