import { describe, expect, it } from 'vitest';
import { planInference } from './plan.js';

const workload = { inputTokensPerDay: 1e9, cacheHitRate: 0.5, outputTokensPerDay: 1e8 };

describe('inference plan: layout choice and infeasible answers', () => {
  it('an SLO no layout meets is a feasible: false answer that says by how much', () => {
    const plan = planInference({
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8', kvCache: 'bf16' },
      workload,
      slo: { minOutputTokensPerSecondPerUser: 5000 },
    });
    expect(plan.feasible).toBe(false);
    expect(plan.reasons.join(' ')).toMatch(/tokens\/s per user, below the 5000 required/);
    // the reported decode layout is one that at least fits in memory
    expect(plan.reasons.join(' ')).not.toMatch(/exceed the 80 GB/);
  });

  it('a small dense model is served on less than a node when that is cheaper per token', () => {
    const plan = planInference({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload,
      slo: { minOutputTokensPerSecondPerUser: 30 },
    });
    expect(plan.feasible).toBe(true);
    expect(plan.prefill.parallelism.gpuCount).toBeLessThan(8);
  });

  it('never picks a prefill layout that cannot hold the model', () => {
    const plan = planInference({
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8', kvCache: 'bf16' },
      workload,
      slo: { minOutputTokensPerSecondPerUser: 20 },
    });
    expect(plan.reasons.filter((r) => r.startsWith('prefill'))).toEqual([]);
    expect(plan.prefill.parallelism.gpuCount).toBeGreaterThanOrEqual(8);
  });
});
