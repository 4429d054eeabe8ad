import type { InferencePlanRequest, ThroughputRequest } from '@gcp/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateThroughput, kvCacheReport, planInference } from '../../src/index.js';
import { badNumbers, rel } from './numbers.js';

/** A pasted Llama-style config with `heads` query heads of `headDim`, `kvHeads` KV heads. */
const config = (heads: number, kvHeads: number, headDim: number, layers: number) => ({
  model_type: 'llama',
  hidden_size: heads * headDim,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  num_key_value_heads: kvHeads,
  intermediate_size: 4 * heads * headDim,
  vocab_size: 32000,
  max_position_embeddings: 131072,
});

const LLAMA_70B_TP4: ThroughputRequest = {
  model: 'llama-3.1-70b',
  gpu: 'h100',
  gpuCount: 4,
  precision: { weights: 'fp8', kvCache: 'fp8' },
  inputTokens: 2048,
  outputTokens: 512,
  concurrency: 32,
};

const SERVE_70B: InferencePlanRequest = {
  model: 'llama-3.1-70b',
  gpu: 'h100',
  precision: { weights: 'fp8', kvCache: 'fp8' },
  workload: { inputTokensPerDay: 2e10, outputTokensPerDay: 4e9, cacheHitRate: 0.3 },
  slo: { minOutputTokensPerSecondPerUser: 20 },
  pricePerGpuHourUsd: 2,
  deployment: { mode: 'disaggregated' },
};

describe('inference planner properties', () => {
  it('KV bytes per token are ordered MHA > GQA > MQA at equal head dims and layers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 32, 64),
        fc.constantFrom(64, 128),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 100_000 }),
        (heads, headDim, layers, context) => {
          const divisors = [2, 4, 8].filter((d) => heads % d === 0 && heads / d > 1);
          const gqaKv = heads / (divisors[context % divisors.length] ?? 2);
          const bytes = (kvHeads: number) =>
            kvCacheReport({ model: { config: config(heads, kvHeads, headDim, layers) }, contextTokens: context }).bytesPerToken;
          const [mha, gqa, mqa] = [bytes(heads), bytes(gqaKv), bytes(1)];
          return mha > gqa && gqa > mqa && rel(mha / mqa, heads) < 1e-12;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('KV per sequence is linear in the context for full attention, and the total is per sequence × concurrency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32_000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4096 }), (context, k, concurrency) => {
        const at = (contextTokens: number) => kvCacheReport({ model: 'llama-3.1-8b', contextTokens, concurrency });
        const one = at(context);
        return rel(at(context * k).bytesPerSequence, k * one.bytesPerSequence) < 1e-12 && one.totalBytes === one.bytesPerSequence * concurrency;
      }),
      { numRuns: 60 },
    );
  });

  it('FP8 KV is half of BF16 KV, and bits per element scale the bytes linearly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('llama-3.1-8b', 'deepseek-v3', 'mixtral-8x7b', 'gpt-oss-120b'),
        fc.integer({ min: 1, max: 32_000 }),
        fc.integer({ min: 1, max: 16 }),
        (model, contextTokens, bits) => {
          const bf16 = kvCacheReport({ model, contextTokens, kvCacheDtype: 'bf16' });
          const fp8 = kvCacheReport({ model, contextTokens, kvCacheDtype: 'fp8' });
          const custom = kvCacheReport({ model, contextTokens, kvCacheBits: bits });
          return fp8.bytesPerSequence * 2 === bf16.bytesPerSequence && rel(custom.bytesPerToken, (bf16.bytesPerToken * bits) / 16) < 1e-12;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('tokens/s per user never rise with concurrency (one instance, closed loop)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 512 }), fc.constantFrom(512, 2048, 8192), (a, b, inputTokens) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (concurrency: number) => estimateThroughput({ ...LLAMA_70B_TP4, inputTokens, concurrency }).outputTokensPerSecondPerUser ?? 0;
        return at(hi) <= at(lo) * (1 + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('time to first token never falls with a longer prompt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 32_000 }), fc.integer({ min: 16, max: 32_000 }), fc.integer({ min: 1, max: 64 }), (a, b, concurrency) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (inputTokens: number) => estimateThroughput({ ...LLAMA_70B_TP4, inputTokens, concurrency }).ttftMs ?? Number.POSITIVE_INFINITY;
        return at(hi) >= at(lo) * (1 - 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('the concurrency that fits never rises with a longer context', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 60_000 }), fc.integer({ min: 64, max: 60_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (inputTokens: number) => estimateThroughput({ ...LLAMA_70B_TP4, inputTokens, outputTokens: 256 });
        return at(hi).maxConcurrency <= at(lo).maxConcurrency && at(hi).maxConcurrencyFullContext <= at(lo).maxConcurrencyFullContext;
      }),
      { numRuns: 60 },
    );
  });

  it('weights per GPU never rise with more tensor-parallel GPUs', () => {
    fc.assert(
      fc.property(fc.constantFrom('llama-3.1-8b', 'llama-3.1-70b'), fc.constantFrom(1, 2, 4), (model, gpus) => {
        const at = (gpuCount: number) => estimateThroughput({ ...LLAMA_70B_TP4, model, gpuCount, concurrency: 1 }).memoryPerGpuBytes.weights;
        return at(gpus * 2) <= at(gpus);
      }),
      { numRuns: 20 },
    );
  });

  it('throughput answers are finite and non-negative everywhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('llama-3.1-8b', 'llama-3.1-70b', 'mixtral-8x7b', 'qwen3-30b-a3b'),
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom('bf16', 'fp8') as fc.Arbitrary<'bf16' | 'fp8'>,
        fc.integer({ min: 1, max: 16_000 }),
        fc.integer({ min: 1, max: 8_000 }),
        fc.integer({ min: 1, max: 1024 }),
        (model, gpuCount, weights, inputTokens, outputTokens, concurrency) => {
          const r = estimateThroughput({ ...LLAMA_70B_TP4, model, gpuCount, precision: { weights }, inputTokens, outputTokens, concurrency });
          expect(badNumbers(r)).toEqual([]);
          return r.fits || r.reasons.length > 0;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a fleet’s daily cost is linear in the GPU price, with the same fleet', () => {
    const base = planInference(SERVE_70B);
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 20, noNaN: true }), (price) => {
        const plan = planInference({ ...SERVE_70B, pricePerGpuHourUsd: price });
        return rel(plan.dailyCostUsd, (base.dailyCostUsd * price) / 2) < 1e-9 && plan.averageNodes === base.averageNodes && plan.peakNodes === base.peakNodes;
      }),
      { numRuns: 10 },
    );
  });

  it('USD per million tokens, times the day’s tokens, add up to the daily cost', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e9, max: 1e11, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (input, outputShare, hit) => {
          const workload = { inputTokensPerDay: input, outputTokensPerDay: input * outputShare, cacheHitRate: hit };
          const plan = planInference({ ...SERVE_70B, workload });
          const c = plan.costPerMillionTokensUsd;
          const sum = (c.inputCacheHit * input * hit + c.inputCacheMiss * input * (1 - hit) + c.output * input * outputShare) / 1e6;
          expect(badNumbers(plan, (path) => path.includes('launchSettings'))).toEqual([]);
          return rel(sum, plan.dailyCostUsd) < 1e-6;
        },
      ),
      { numRuns: 8 },
    );
  });

  it('a stricter decode-speed SLO is never cheaper', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.double({ min: 5, max: 60, noNaN: true }), fc.double({ min: 5, max: 60, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (speed: number) => planInference({ ...SERVE_70B, slo: { minOutputTokensPerSecondPerUser: speed } });
        const strict = at(hi);
        const loose = at(lo);
        if (strict.feasible) compared++;
        return !strict.feasible || (loose.feasible && strict.dailyCostUsd >= loose.dailyCostUsd * (1 - 1e-9));
      }),
      { numRuns: 8 },
    );
    expect(compared).toBeGreaterThanOrEqual(4);
  });
});
