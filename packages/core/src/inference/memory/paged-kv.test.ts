import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../index.js';
import { gpuMemory } from './memory.js';
import { KV_BLOCK_TOKENS, meanBlocksPerLayer } from './paged-kv.js';
import { makeSetup } from '../serving/setup.js';
import { estimateThroughput } from '../serving/throughput.js';

/** Paged KV admission (paged-kv.ts): sequences hold the tokens they have, block-rounded; capacity from the time average. */
describe('paged KV cache', () => {
  it('a sequence holds prompt + output/2 on average over its life, rounded to blocks', () => {
    const b = KV_BLOCK_TOKENS['vllm']!;
    const mean = meanBlocksPerLayer(1024, 8192, b) * b;
    expect(mean).toBeGreaterThan(1024 + 8191 / 2);
    expect(mean).toBeLessThan(1024 + 8191 / 2 + b);
    expect(meanBlocksPerLayer(1000, 1, 16)).toBe(Math.ceil(1000 / 16));
    // a sliding layer never holds more than its window
    expect(meanBlocksPerLayer(100, 10_000, 16, 128)).toBeLessThanOrEqual(128 / 16);
  });

  it('sustainable concurrency exceeds full-context concurrency whenever the output is long (property)', () => {
    const cases = [
      { model: 'llama-3.1-70b', gpu: 'h200', layout: { attentionTp: 1, attentionDp: 1, moeTp: 1, moeEp: 1 }, weights: 'fp8' as const },
      { model: 'llama-3.1-8b', gpu: 'h100', layout: { attentionTp: 1, attentionDp: 1, moeTp: 1, moeEp: 1 }, weights: 'bf16' as const },
      { model: 'deepseek-v3', gpu: 'h200', layout: { attentionTp: 1, attentionDp: 8, moeTp: 1, moeEp: 8 }, weights: 'fp8' as const },
      { model: 'gpt-oss-120b', gpu: 'h100', layout: { attentionTp: 2, attentionDp: 1, moeTp: 2, moeEp: 1 }, weights: 'nvfp4' as const },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.integer({ min: 64, max: 8192 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1, 16, 32),
        (c, isl, ratio, block) => {
          const osl = isl * ratio; // output at least as long as the prompt
          const s = makeSetup({ arch: getModel(c.model)!.architecture, gpu: getGpu(c.gpu)!, layout: c.layout, weights: c.weights, kvBytesPerElement: 2 });
          const m = gpuMemory({
            shape: s.shape,
            gpu: s.gpu,
            layout: s.layout,
            weights: s.weights,
            kvBytesPerElement: 2,
            contextTokens: isl + osl,
            outputTokens: osl,
            kvBlockTokens: block,
            maxTokensPerStep: 8192,
          });
          if (m.maxConcurrencyFullContext < 4 * s.layout.attentionDp) return true; // too few to compare after flooring
          return m.maxConcurrency > m.maxConcurrencyFullContext && m.kvBytesPerSequenceMean < m.kvBytesPerSequence;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('issue 8: Llama-3.1-70B FP8 on one H200, 1K in / 8K out, 32 concurrent — all 32 admitted, no queue (measured TTFT 0.47 s)', () => {
    const r = estimateThroughput({
      model: 'llama-3.1-70b',
      gpu: 'h200',
      gpuCount: 1,
      precision: { weights: 'fp8', kvCache: 'bf16' },
      inputTokens: 1024,
      outputTokens: 8192,
      concurrency: 32,
    });
    expect(r.maxConcurrencyFullContext).toBeLessThan(32);
    expect(r.maxConcurrency).toBeGreaterThanOrEqual(32);
    expect(r.fits).toBe(true);
    expect(r.queueWaitMs).toBe(0);
    expect(r.ttftMs!).toBeLessThan(2000);
  });

  it('queueing starts only beyond the sustainable figure', () => {
    const req = {
      model: 'llama-3.1-70b',
      gpu: 'h200',
      gpuCount: 1,
      precision: { weights: 'fp8' as const, kvCache: 'bf16' as const },
      inputTokens: 1024,
      outputTokens: 8192,
    };
    const n = estimateThroughput({ ...req, concurrency: 1 }).maxConcurrency;
    expect(estimateThroughput({ ...req, concurrency: n }).queueWaitMs).toBe(0);
    const over = estimateThroughput({ ...req, concurrency: n + 8 });
    expect(over.queueWaitMs!).toBeGreaterThan(0);
    expect(over.fits).toBe(false);
  });
});
