import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { errorOf, postJson } from '../../../test/api.js';
import { auditResponseSchema } from '@gcp/contract';

/** DeepSeek-V3 report (arXiv:2412.19437) Table 1: 14.8T tokens of pre-training in 2,664K H800 GPU-hours ($5.328M at $2). */
const V3_CLAIM = {
  model: 'deepseek-v3',
  tokens: 14.8e12,
  gpu: 'h800',
  gpuCount: 2048,
  precision: 'fp8',
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  gpuHours: 2.664e6,
  costUsd: 5.328e6,
};

describe('POST /v1/audit', () => {
  it("V3's claim is plausible at ≈ 39% MFU (ISCA'25 reports 38.94%; ±2 points)", async () => {
    const r = await postJson('/v1/audit', V3_CLAIM);
    expect(r.status).toBe(200);
    const b = v.parse(auditResponseSchema, await r.json());
    expect(b.verdict).toBe('plausible');
    expect(Math.abs(b.impliedMfu - 0.3894)).toBeLessThan(0.02);
    expect(b.predicted!.claimedToPredictedSpeed).toBeGreaterThan(0.7);
    expect(b.predicted!.claimedToPredictedSpeed).toBeLessThan(1.3);
    expect(b.impliedUsdPerGpuHour).toBeCloseTo(2, 6);
    expect(b.leftOut.map((l) => l.item).join(' ')).toMatch(/capex.*electricity.*ablations.*staff/s);
  });

  it('the same claim in 100K GPU-hours is physically impossible, and the reasons say so', async () => {
    const r = await postJson('/v1/audit', { ...V3_CLAIM, gpuHours: 1e5, costUsd: undefined });
    expect(r.status).toBe(200);
    const b = v.parse(auditResponseSchema, await r.json());
    expect(b.verdict).toBe('physically impossible');
    expect(b.reasons.join(' ')).toMatch(/FP8 peak .*no GPU computes faster than its peak/);
  });

  it('both or neither of days and gpuHours, and unknown fields, are 400s', async () => {
    const both = await postJson('/v1/audit', { ...V3_CLAIM, days: 57 });
    expect(both.status).toBe(400);
    expect((await errorOf(both)).issues[0]?.path).toBe('days');
    const typo = await postJson('/v1/audit', { ...V3_CLAIM, gpuHourz: 1 });
    expect(typo.status).toBe(400);
  });
});
