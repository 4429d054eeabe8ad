import type { InferencePlanRequest } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { client, errorOf, postJson } from '../../../test/api.js';
describe('POST /v1/inference/plan', () => {
  it("plans DeepSeek's Day-6 service with pools, cost and launch settings", async () => {
    // the typed client checks the answer against the contract's response schema
    const b = await client.planInference({
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8', kvCache: 'bf16' },
      workload: { inputTokensPerDay: 608e9, cacheHitRate: 0.563, outputTokensPerDay: 168e9, averageContextTokens: 4989, peakToAverage: 1.226 },
      slo: { minOutputTokensPerSecondPerUser: 20 },
      pricePerGpuHourUsd: 2,
      deployment: {
        prefill: { attentionTp: 1, attentionDp: 32, moeTp: 1, moeEp: 32, redundantExperts: 32 },
        decode: { attentionTp: 1, attentionDp: 144, moeTp: 1, moeEp: 144, redundantExperts: 32 },
        mtp: { draftTokens: 1, acceptance: 0.85 },
      },
    });
    expect(b.feasible).toBe(true);
    expect(b.averageNodes).toBeCloseTo(b.prefill.nodes + b.decode.nodes, 6);
    // engine capacity and the load per provisioned node both reported: whole instances deliver at most capacity × utilization
    for (const pool of [b.prefill, b.decode]) {
      expect(pool.utilization).toBeGreaterThan(0);
      expect(pool.utilization).toBeLessThanOrEqual(1);
      expect(pool.tokensPerSecondPerNode).toBeLessThanOrEqual(pool.capacityTokensPerSecondPerNode * pool.utilization * (1 + 1e-9));
    }
    expect(b.costPerMillionTokensUsd).toHaveProperty('inputCacheHit');
    expect((b.launchSettings as { decode: { sglang: string[] } }).decode.sglang).toContain('--enable-dp-attention');
    expect(b.pareto.length).toBeGreaterThan(0);
  });

  it('an unreachable SLO answers feasible:false with reasons', async () => {
    const r = await postJson('/v1/inference/plan', {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 1e9, outputTokensPerDay: 1e8 },
      slo: { minOutputTokensPerSecondPerUser: 5000 },
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
      model: 'llama-3.1-70b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 1e10, cacheHitRate: 0.3, outputTokensPerDay: 2e9, averageContextTokens: 2048 },
      slo: { minOutputTokensPerSecondPerUser: 30, maxTtftMs: 2000 },
      deployment: { mode: 'auto' },
    });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/null|NaN|Infinity/);
    type Summary = { feasible: boolean; averageNodes: number; dailyCostUsd: number; costPerMillionTokensUsd: Record<string, number> };
    const b = JSON.parse(text) as {
      mode: string;
      feasible: boolean;
      averageNodes: number;
      dailyCostUsd: number;
      prefill: { nodes: number };
      decode: { nodes: number };
      aggregated: { nodes: number; batchPerInstance: number; tokensPerSecondPerNode: { input: number; output: number }; launchSettings: { sglang: string[] } };
      comparison: { chosen: string; disaggregated: Summary; aggregated: Summary };
    };
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
    const r = await postJson('/v1/inference/plan', {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      precision: { weights: 'fp8' },
      workload: { inputTokensPerDay: 1, outputTokensPerDay: 1 },
      deployment: { mode: 'both' },
    });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues.map((i) => i.path).join(' ')).toMatch(/deployment\.mode/);
  });

  it('an unknown model id is a 400 naming model', async () => {
    const e = await client
      .planInference({ model: 'nope', gpu: 'h100', precision: { weights: 'fp8' }, workload: { inputTokensPerDay: 1, outputTokensPerDay: 1 } })
      .catch((error: unknown) => error);
    expect(e).toMatchObject({ status: 400, code: 'invalid_request', issues: [{ path: 'model' }] });
    expect(JSON.stringify(e)).not.toContain('nope'); // user input is not echoed
  });

  it('a pasted config that describes no model is a 400 naming model.config fields', async () => {
    const e = await client
      .planInference({
        model: { config: { model_type: 'llama' } },
        gpu: 'h100',
        precision: { weights: 'fp8' },
        workload: { inputTokensPerDay: 1, outputTokensPerDay: 1 },
      })
      .catch((error: unknown) => error);
    expect(e).toMatchObject({ status: 400, message: 'The config does not describe a supported model.' });
    expect((e as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('model.config.hidden_size');
  });

  const small = {
    model: 'deepseek-v3',
    gpu: 'h800',
    precision: { weights: 'fp8', kvCache: 'fp8' },
    workload: { inputTokensPerDay: 4e9, cacheHitRate: 0.5, outputTokensPerDay: 1e9 },
    slo: { minOutputTokensPerSecondPerUser: 20 },
  } satisfies InferencePlanRequest;

  it('a small workload is priced in whole instances: ≥ $768/day, cost = average nodes × 8 × 24 × $2, auto picks the cheaper mode', async () => {
    const r = await postJson('/v1/inference/plan', small);
    expect(r.status).toBe(200);
    type Summary = { dailyCostUsd: number };
    const b = (await r.json()) as {
      mode: string;
      dailyCostUsd: number;
      averageNodes: number;
      utilization: number;
      hourlyNodes: number[];
      alternatives: Array<{ whyNot: string }>;
      warnings: string[];
      comparison: { disaggregated: Summary; aggregated: Summary };
      prefill: { instances: number };
      decode: { instances: number };
    };
    expect(b.dailyCostUsd).toBeGreaterThanOrEqual(768);
    expect(b.dailyCostUsd / (b.averageNodes * 8 * 24 * 2)).toBeCloseTo(1, 2);
    expect(b.dailyCostUsd).toBe(Math.min(b.comparison.disaggregated.dailyCostUsd, b.comparison.aggregated.dailyCostUsd));
    expect(b.prefill.instances).toBeGreaterThanOrEqual(1);
    expect(b.decode.instances).toBeGreaterThanOrEqual(1);
    expect(b.hourlyNodes).toHaveLength(24);
    expect(b.utilization).toBeGreaterThan(0);
    expect(b.alternatives.length).toBeGreaterThan(0);
    expect(b.alternatives.length).toBeLessThanOrEqual(5);
  });

  it('bounds and layout rules are 400s naming the field and the rule', async () => {
    const cases: Array<[Record<string, unknown>, RegExp, RegExp]> = [
      [{ ...small, workload: { ...small.workload, utilization: 0 } }, /workload\.utilization/, /positive/],
      [{ ...small, workload: { ...small.workload, utilization: 1.5 } }, /workload\.utilization/, /at most 1/],
      [{ ...small, workload: { ...small.workload, hourlyLoad: [1, 2, 3] } }, /workload\.hourlyLoad/, /24 hourly values/],
      [{ ...small, workload: { ...small.workload, hourlyLoad: Array.from({ length: 24 }, () => 0) } }, /workload\.hourlyLoad/, /some load/],
      [{ ...small, workload: { ...small.workload, inputTokensPerDay: 1e30 } }, /workload\.inputTokensPerDay/, /at most/],
      [{ ...small, deployment: { minInstances: 0 } }, /deployment\.minInstances/, /at least 1/],
      [{ ...small, deployment: { expertSkew: 1e300 } }, /deployment\.expertSkew/, /at most 64/],
      [{ ...small, deployment: { decode: { attentionTp: 1, attentionDp: 48, moeTp: 1, moeEp: 48 } } }, /deployment\.decode\.moeEp/, /expert slots/],
      [
        { ...small, deployment: { prefill: { attentionTp: 3, attentionDp: 1, moeTp: 1, moeEp: 3 } } },
        /deployment\.prefill\.attentionTp/,
        /128 attention heads/,
      ],
    ];
    for (const [body, path, rule] of cases) {
      const r = await postJson('/v1/inference/plan', body);
      expect(r.status).toBe(400);
      const e = await errorOf(r);
      expect(e.issues.map((i) => i.path).join(' ')).toMatch(path);
      expect(e.issues.map((i) => i.message).join(' ')).toMatch(rule);
    }
  });
  it('the smallest accepted volume (1 token a day) is priced with finite numbers; less is a 400 naming the field', async () => {
    // 5e-324 input tokens a day once made the per-million input cost infinite, and the field vanished from a 200
    const b = await client.planInference({
      model: 'llama-3.1-70b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 1, outputTokensPerDay: 2e9 },
      slo: { minOutputTokensPerSecondPerUser: 20 },
    });
    for (const usd of Object.values(b.costPerMillionTokensUsd)) expect(Number.isFinite(usd)).toBe(true);
    // a whole instance's daily cost carried by one input token: at least one GPU-day per million tokens
    expect(b.costPerMillionTokensUsd.inputCacheMiss).toBeGreaterThan(1e6);
    const r = await postJson('/v1/inference/plan', {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 5e-324, outputTokensPerDay: 2e9 },
      slo: { minOutputTokensPerSecondPerUser: 20 },
    });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues.map((i) => i.path)).toEqual(['workload.inputTokensPerDay']);
  });
});
