import type { ThroughputRequest } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { client, errorOf, postJson } from '../../../test/api.js';
describe('POST /v1/inference/throughput', () => {
  const base = {
    model: 'llama-3.1-70b',
    gpu: 'h100',
    gpuCount: 4,
    precision: { weights: 'fp8', kvCache: 'fp8' },
    inputTokens: 2048,
    outputTokens: 512,
    concurrency: 32,
  } satisfies ThroughputRequest;

  it('answers throughput, latency and memory', async () => {
    const b = await client.throughput(base);
    for (const k of ['outputTokensPerSecondPerGpu', 'outputTokensPerSecondPerUser', 'ttftMs', 'tpotMs', 'maxConcurrency', 'memoryPerGpuBytes', 'fits'])
      expect(b).toHaveProperty(k);
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

  it('Llama-3.1-8B at 100,000 GPUs or TP 64 is refused: the bound, and the 32 attention heads', async () => {
    const big = await postJson('/v1/inference/throughput', { ...base, model: 'llama-3.1-8b', gpuCount: 100000 });
    expect(big.status).toBe(400);
    expect((await errorOf(big)).issues.map((i) => `${i.path}: ${i.message}`).join(' ')).toMatch(/gpuCount: .*at most 4096/);
    const tp64 = await postJson('/v1/inference/throughput', { ...base, model: 'llama-3.1-8b', gpuCount: 64 });
    expect(tp64.status).toBe(400);
    expect((await errorOf(tp64)).issues.map((i) => `${i.path}: ${i.message}`).join(' ')).toMatch(/parallelism\.attentionTp: .*32 attention heads/);
  });
});
