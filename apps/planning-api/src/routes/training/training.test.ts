import type { TrainingPlanRequest } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { client, errorOf, get, postJson } from '../../../test/api.js';

/** DeepSeek-V3 as published (V3 report §3.1-3.3, §4.2; ISCA'25 Table 4). */
const V3 = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
} satisfies TrainingPlanRequest;

describe('POST /v1/training/plan', () => {
  it('plans DeepSeek-V3 on its published setup: ~2,664K GPU-hours (V3 report Table 1, 10% tolerance)', async () => {
    // the typed client checks the answer against the contract's response schema
    const body = await client.planTraining(V3);
    expect(Math.abs(body.gpuHours - 2_664_000) / 2_664_000).toBeLessThan(0.1);
    expect(body.fits).toBe(true);
    expect(body.mfuBasis).toMatch(/BF16/);
    expect(body.costUsd).toBeCloseTo(body.gpuHours * 2, 0);
  });

  it('searches layouts when none is given', async () => {
    const { parallelism: _p, ...noLayout } = V3;
    const body = await client.planTraining(noLayout);
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(Object.keys(body.rejectedLayouts).length).toBeGreaterThan(0);
    // DeepSeek's 62.9M-token batch keeps 2,048 GPUs busy: nothing to warn about
    expect(body.warnings).toEqual([]);
  });

  it('warns when the default 4M-token batch is too small for 2,048 GPUs, naming a larger batch', async () => {
    const { parallelism: _p, globalBatchTokens: _b, ...defaultBatch } = V3;
    const body = await client.planTraining(defaultBatch);
    expect(body.warnings.join(' ')).toMatch(/Global batch too small for 2,048 GPUs: .* [\d,]+ tokens \([\d,]+ sequences\) per step would reach/);
  });

  it('warns when a pinned layout is far slower than the searched one (Llama-3.1-8B, TP8 × PP8 × DP1 on 64 H100)', async () => {
    const body = await client.planTraining({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 8192,
      precision: 'bf16',
      parallelism: { tp: 8, pp: 8, dp: 1, ep: 1 },
    });
    expect(body.warnings.join(' ')).toMatch(/The searched layout TP\d+ · PP\d+ · DP\d+ · EP\d+ .* is \d+\.\d\d× faster than the pinned TP8 · PP8 · DP1 · EP1/);
  });

  it('searches under layoutConstraints: every layout keeps them (DeepSeek-V3 without TP, as its report trains)', async () => {
    const { parallelism: _p, ...noLayout } = V3;
    const body = await client.planTraining({ ...noLayout, layoutConstraints: { tp: 1, schedule: 'dualpipe' } });
    for (const l of [body.parallelism, ...body.alternatives.map((a) => a.parallelism)]) {
      expect(l.tp).toBe(1);
      expect(l.schedule).toBe('dualpipe');
    }
  });

  it('a layout that does not fit is a 200 with fits: false and reasons', async () => {
    const body = await client.planTraining({
      model: 'llama-3.1-405b',
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e9,
      sequenceLength: 4096,
      precision: 'bf16',
      parallelism: { tp: 8, pp: 1, dp: 1, ep: 1 },
    });
    expect(body.fits).toBe(false);
    expect(body.reasons[0]).toMatch(/does not fit/);
  });

  it('bad input is a 4xx envelope naming the field, never a 500', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...V3, gpuCount: 0 }, 400, 'gpuCount'],
      [{ ...V3, tokens: -5 }, 400, 'tokens'],
      [{ ...V3, tokens: 0 }, 400, 'tokens'],
      [{ ...V3, parallelism: { tp: 1, pp: 16, dp: 64, ep: 64 } }, 400, 'parallelism'],
      [{ ...V3, gpu: 'a100' }, 400, 'precision'],
      [{ ...V3, model: 'gpt-7' }, 422, 'model'],
      [{ ...V3, gpu: 'tpu-v9' }, 422, 'gpu'],
      [{ ...V3, globalBatchTokens: 1024 }, 400, 'globalBatchTokens'],
      [{ ...V3, model: { config: { model_type: 'llama' } } }, 400, 'model.config.hidden_size'],
      [{ ...V3, layoutConstraints: { tp: 1 } }, 400, 'layoutConstraints'],
      [{ ...V3, parallelism: undefined, layoutConstraints: { tp: 0 } }, 400, 'layoutConstraints.tp'],
      [{ ...V3, parallelism: undefined, layoutConstraints: { tp: 3 } }, 400, 'layoutConstraints'],
      [{ ...V3, parallelism: undefined, layoutConstraints: { ep: 3 } }, 400, 'layoutConstraints'],
    ];
    for (const [body, status, path] of cases) {
      const response = await postJson('/v1/training/plan', body);
      expect(response.status, path).toBe(status);
      const error = await errorOf(response);
      expect(error.issues.map((i) => i.path).join(' '), path).toContain(path);
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/v1/training/plan']).toBeDefined();
    expect(JSON.stringify(doc.paths['/v1/training/plan'])).toContain('layoutConstraints');
  });
});
