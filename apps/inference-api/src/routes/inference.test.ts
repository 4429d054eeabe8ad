import { describe, expect, it } from 'vitest';
import { errorOf, postJson } from '../../test/api.js';

describe('POST /v1/inference/kv-cache', () => {
  it('sizes DeepSeek-V3 MLA KV: 70,272 B/token in BF16', async () => {
    const r = await postJson('/v1/inference/kv-cache', { model: 'deepseek-v3', contextTokens: 4096, concurrency: 2 });
    expect(r.status).toBe(200);
    const b = (await r.json()) as { bytesPerToken: number; bytesPerSequence: number; totalBytes: number };
    expect(b.bytesPerToken).toBe(70272);
    expect(b.totalBytes).toBe(2 * b.bytesPerSequence);
  });

  it('rejects a context beyond max_position_embeddings naming the field', async () => {
    const r = await postJson('/v1/inference/kv-cache', { model: 'llama-3.1-8b', contextTokens: 999_999_999 });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues[0]?.path).toBe('contextTokens');
  });
});

describe('POST /v1/inference/throughput', () => {
  const base = { model: 'llama-3.1-70b', gpu: 'h100', gpuCount: 4, precision: { weights: 'fp8', kvCache: 'fp8' }, inputTokens: 2048, outputTokens: 512, concurrency: 32 };

  it('answers throughput, latency and memory', async () => {
    const r = await postJson('/v1/inference/throughput', base);
    expect(r.status).toBe(200);
    const b = (await r.json()) as Record<string, unknown>;
    for (const k of ['outputTokensPerSecondPerGpu', 'outputTokensPerSecondPerUser', 'ttftMs', 'tpotMs', 'maxConcurrency', 'memoryPerGpuBytes', 'fits']) expect(b).toHaveProperty(k);
    expect(b['fits']).toBe(true);
  });

  it('a model that does not fit answers 200 with fits:false and reasons, no null numbers', async () => {
    const r = await postJson('/v1/inference/throughput', { ...base, model: 'deepseek-v3', gpuCount: 1, precision: { weights: 'bf16', kvCache: 'bf16' } });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/null|NaN|Infinity/);
    const b = JSON.parse(text) as { fits: boolean; reasons: string[]; ttftMs?: number };
    expect(b.fits).toBe(false);
    expect(b.reasons.length).toBeGreaterThan(0);
    expect(b.ttftMs).toBeUndefined();
  });

  it('zero concurrency and unknown precision are 400s naming the field', async () => {
    const zero = await postJson('/v1/inference/throughput', { ...base, concurrency: 0 });
    expect(zero.status).toBe(400);
    expect((await errorOf(zero)).issues.map((i) => i.path)).toContain('concurrency');
    const prec = await postJson('/v1/inference/throughput', { ...base, precision: { weights: 'fp7', kvCache: 'fp8' } });
    expect(prec.status).toBe(400);
    expect((await errorOf(prec)).issues.map((i) => i.path).join(' ')).toMatch(/precision/);
  });
});

describe('POST /v1/inference/plan', () => {
  it("plans DeepSeek's Day-6 service with pools, cost and launch settings", async () => {
    const r = await postJson('/v1/inference/plan', {
      model: 'deepseek-v3', gpu: 'h800', precision: { weights: 'fp8', kvCache: 'bf16' },
      workload: { inputTokensPerDay: 608e9, cacheHitRate: 0.563, outputTokensPerDay: 168e9, averageContextTokens: 4989, peakToAverage: 1.226 },
      slo: { minOutputTokensPerSecondPerUser: 20 }, pricePerGpuHourUsd: 2,
      deployment: {
        prefill: { attentionTp: 1, attentionDp: 32, moeTp: 1, moeEp: 32, redundantExperts: 32 },
        decode: { attentionTp: 1, attentionDp: 144, moeTp: 1, moeEp: 144, redundantExperts: 32 },
        mtp: { draftTokens: 1, acceptance: 0.85 },
      },
    });
    expect(r.status).toBe(200);
    const b = (await r.json()) as { feasible: boolean; prefill: { nodes: number; tokensPerSecondPerNode: number; capacityTokensPerSecondPerNode: number; utilization: number }; decode: { nodes: number; tokensPerSecondPerNode: number; capacityTokensPerSecondPerNode: number; utilization: number }; averageNodes: number; dailyCostUsd: number; costPerMillionTokensUsd: Record<string, number>; launchSettings: { decode: { sglang: string[] } }; pareto: unknown[] };
    expect(b.feasible).toBe(true);
    expect(b.averageNodes).toBeCloseTo(b.prefill.nodes + b.decode.nodes, 6);
    // engine capacity and the provisioned average both reported: average = capacity × utilization
    for (const pool of [b.prefill, b.decode]) {
      expect(pool.utilization).toBeGreaterThan(0);
      expect(pool.utilization).toBeLessThanOrEqual(1);
      expect(pool.tokensPerSecondPerNode).toBeCloseTo(pool.capacityTokensPerSecondPerNode * pool.utilization, 3);
    }
    expect(b.costPerMillionTokensUsd).toHaveProperty('inputCacheHit');
    expect(b.launchSettings.decode.sglang).toContain('--enable-dp-attention');
    expect(b.pareto.length).toBeGreaterThan(0);
  });

  it('an unreachable SLO answers feasible:false with reasons', async () => {
    const r = await postJson('/v1/inference/plan', {
      model: 'llama-3.1-70b', gpu: 'h100', precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 1e9, outputTokensPerDay: 1e8 }, slo: { minOutputTokensPerSecondPerUser: 5000 },
    });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/null|NaN|Infinity/);
    const b = JSON.parse(text) as { feasible: boolean; reasons: string[] };
    expect(b.feasible).toBe(false);
    expect(b.reasons.join(' ')).toMatch(/tokens\/s per user/);
  });

  it('mode "auto" sizes both aggregated and disaggregated fleets and answers with the cheaper feasible one', async () => {
    const r = await postJson('/v1/inference/plan', {
      model: 'llama-3.1-70b', gpu: 'h100', precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 1e10, cacheHitRate: 0.3, outputTokensPerDay: 2e9, averageContextTokens: 2048 },
      slo: { minOutputTokensPerSecondPerUser: 30, maxTtftMs: 2000 }, deployment: { mode: 'auto' },
    });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/null|NaN|Infinity/);
    type Summary = { feasible: boolean; averageNodes: number; dailyCostUsd: number; costPerMillionTokensUsd: Record<string, number> };
    const b = JSON.parse(text) as { mode: string; feasible: boolean; averageNodes: number; dailyCostUsd: number; prefill: { nodes: number }; decode: { nodes: number }; aggregated: { nodes: number; batchPerInstance: number; tokensPerSecondPerNode: { input: number; output: number }; launchSettings: { sglang: string[] } }; comparison: { chosen: string; disaggregated: Summary; aggregated: Summary } };
    expect(b.feasible).toBe(true);
    const { disaggregated: dis, aggregated: agg } = b.comparison;
    expect(dis.feasible && agg.feasible).toBe(true);
    expect(b.mode).toBe(agg.dailyCostUsd < dis.dailyCostUsd ? 'aggregated' : 'disaggregated');
    expect(b.comparison.chosen).toBe(b.mode);
    expect(b.dailyCostUsd).toBe(Math.min(agg.dailyCostUsd, dis.dailyCostUsd));
    expect(dis.averageNodes).toBeCloseTo(b.prefill.nodes + b.decode.nodes, 6);
    expect(agg.averageNodes).toBeCloseTo(b.aggregated.nodes, 6);
    expect(b.aggregated.batchPerInstance).toBeGreaterThan(0);
    expect(b.aggregated.tokensPerSecondPerNode.output).toBeGreaterThan(0);
    for (const k of ['inputCacheHit', 'inputCacheMiss', 'output']) expect(agg.costPerMillionTokensUsd[k]).toBeGreaterThan(0);
    expect(b.aggregated.launchSettings.sglang).not.toContain('--disaggregation-mode');
  });

  it('an unknown deployment.mode is a 400 naming it', async () => {
    const r = await postJson('/v1/inference/plan', { model: 'llama-3.1-70b', gpu: 'h100', precision: { weights: 'fp8' }, workload: { inputTokensPerDay: 1, outputTokensPerDay: 1 }, deployment: { mode: 'both' } });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues.map((i) => i.path).join(' ')).toMatch(/deployment\.mode/);
  });

  it('an unknown model id is a 400 naming model', async () => {
    const r = await postJson('/v1/inference/plan', { model: 'nope', gpu: 'h100', precision: { weights: 'fp8' }, workload: { inputTokensPerDay: 1, outputTokensPerDay: 1 } });
    expect(r.status).toBe(400);
    const e = await errorOf(r);
    expect(e.issues[0]?.path).toBe('model');
    expect(JSON.stringify(e)).not.toContain('nope'); // user input is not echoed
  });
});
