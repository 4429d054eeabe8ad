import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getGpu, getModel } from '../../index.js';
import { kvCacheReport } from '../memory/kv-report.js';
import { makeSetup } from '../serving/setup.js';
import { decodeStep } from './decode.js';
import { estimateThroughput } from '../serving/throughput.js';

const V2_REPORT = 'DeepSeek-V2 report (arXiv:2405.04434) §1/Fig. 1: MLA "reducing the KV cache by 93.3%" vs DeepSeek 67B';

describe('KV cache physics', () => {
  it('MLA (DeepSeek-V2) stores 69,120 B/token in BF16 vs 389,120 B for GQA DeepSeek-LLM-67B: 82% smaller', () => {
    const mla = kvCacheReport({ model: 'deepseek-v2', contextTokens: 1, kvCacheDtype: 'bf16' });
    const gqa = kvCacheReport({ model: 'deepseek-llm-67b', contextTokens: 1, kvCacheDtype: 'bf16' });
    expect(mla.bytesPerToken).toBe(576 * 60 * 2);
    expect(mla.bytesPerToken).toBe(69120);
    expect(gqa.bytesPerToken).toBe(389120);
    expect(1 - mla.bytesPerToken / gqa.bytesPerToken).toBeCloseTo(0.822, 3);
  });

  it(`with ~6-bit KV quantisation MLA reaches the published 93.3% reduction (${V2_REPORT})`, () => {
    const mla6 = kvCacheReport({ model: 'deepseek-v2', contextTokens: 1, kvCacheBits: 6 });
    const gqa = kvCacheReport({ model: 'deepseek-llm-67b', contextTokens: 1, kvCacheDtype: 'bf16' });
    expect(1 - mla6.bytesPerToken / gqa.bytesPerToken).toBeCloseTo(0.933, 3);
  });

  it('FP8 KV halves BF16; totals scale with concurrency; sliding layers cap per-sequence KV', () => {
    const bf = kvCacheReport({ model: 'llama-3.1-70b', contextTokens: 8192, kvCacheDtype: 'bf16', concurrency: 4 });
    const f8 = kvCacheReport({ model: 'llama-3.1-70b', contextTokens: 8192, kvCacheDtype: 'fp8', concurrency: 4 });
    expect(f8.bytesPerToken * 2).toBe(bf.bytesPerToken);
    expect(bf.totalBytes).toBe(4 * bf.bytesPerSequence);
    const oss = kvCacheReport({ model: 'gpt-oss-120b', contextTokens: 65536 });
    expect(oss.bytesPerSequence).toBeLessThan(oss.bytesPerToken * 65536);
  });

  // an unknown precision is the contract's (kvFormatSchema; packages/contract inference.test.ts)
  it('rejects a context beyond max_position_embeddings, naming the field', () => {
    expect(() => kvCacheReport({ model: 'llama-3.1-8b', contextTokens: 10_000_000 })).toThrowError(/contextTokens/);
  });
});

describe('decode physics', () => {
  const arch = getModel('deepseek-v3')!.architecture;
  const gpu = getGpu('h200')!;
  const s = makeSetup({ arch, gpu, layout: { attentionTp: 8, attentionDp: 1, moeTp: 1, moeEp: 8 }, weights: 'fp8', kvBytesPerElement: 1 });

  it('tokens/s per user falls (never rises) as concurrency rises (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 128, max: 32768 }), (a, b, ctx) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const slow = decodeStep(s, hi, ctx).outputTokensPerSecondPerUser;
        const fast = decodeStep(s, lo, ctx).outputTokensPerSecondPerUser;
        return slow <= fast * (1 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('MoE decode at batch 1 reads only the touched experts (far less than all weights)', () => {
    const one = decodeStep(s, 1, 1024).pass.bytesRead;
    const many = decodeStep(s, 512, 1024).pass.bytesRead;
    expect(one).toBeLessThan(many / 3);
  });

  it('MTP with 0.85 acceptance gives 1.85 tokens per step', () => {
    const m = makeSetup({
      arch,
      gpu,
      layout: { attentionTp: 8, attentionDp: 1, moeTp: 1, moeEp: 8 },
      weights: 'fp8',
      kvBytesPerElement: 1,
      speculative: { draftTokens: 1, acceptance: 0.85 },
    });
    expect(decodeStep(m, 8, 2048).tokensPerStep).toBeCloseTo(1.85, 10);
  });
});

describe('deployments that do not fit say why', () => {
  it('DeepSeek-V3 in BF16 on one 8×H100 node: weights exceed HBM', () => {
    const r = estimateThroughput({
      model: 'deepseek-v3',
      gpu: 'h100',
      gpuCount: 8,
      precision: { weights: 'bf16', kvCache: 'bf16' },
      inputTokens: 1024,
      outputTokens: 256,
      concurrency: 8,
    });
    expect(r.fits).toBe(false);
    expect(r.reasons.join(' ')).toMatch(/exceed/);
    expect(r.ttftMs).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/null|NaN|Infinity/);
  });

  // zero concurrency is the contract's (packages/contract inference.test.ts)
  it('a layout that does not multiply out is an input error naming the field', () => {
    expect(() =>
      estimateThroughput({
        model: 'deepseek-v3',
        gpu: 'h200',
        gpuCount: 16,
        precision: { weights: 'fp8', kvCache: 'fp8' },
        inputTokens: 10,
        outputTokens: 10,
        concurrency: 1,
        parallelism: { attentionTp: 8, attentionDp: 2, moeTp: 1, moeEp: 8 },
      }),
    ).toThrowError(/parallelism/);
  });

  it('FP8 weights on A100 are accepted as weight-only quantisation (BF16 compute)', () => {
    const r = estimateThroughput({
      model: 'llama-3.1-8b',
      gpu: 'a100',
      gpuCount: 1,
      precision: { weights: 'fp8', kvCache: 'bf16' },
      inputTokens: 512,
      outputTokens: 128,
      concurrency: 4,
    });
    expect(r.computeFormat).toBe('bf16');
    expect(r.fits).toBe(true);
  });
});
