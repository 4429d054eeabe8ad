import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { errorOf, postJson } from '../../../test/api.js';
import { tcoResponseSchema } from '@gcp/contract';

describe('POST /v1/cost/tco', () => {
  it("DeepSeek-V3's 2,048 H800: capex, own vs rent per GPU-hour, the run both ways, every default sourced", async () => {
    const r = await postJson('/v1/cost/tco', { gpu: 'h800', gpuCount: 2048, run: { gpuHours: 2.788e6 } });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/NaN|Infinity/);
    const b = v.parse(tcoResponseSchema, JSON.parse(text));
    expect(b.nodes).toBe(256);
    // default rental from the H800 price file: DeepSeek's $2 assumption (V3 report §1)
    expect(b.rentalPrice.usdPerGpuHour).toBe(2);
    expect(b.rentalPrice.source).toMatch(/DeepSeek-V3/);
    // 2.788M H800 GPU-hours × $2 = $5.576M (V3 report Table 1)
    expect(b.runCostUsd!.rent).toBeCloseTo(5.576e6, 0);
    expect(b.effectiveUsdPerGpuHour.own).toBeGreaterThan(0);
    expect(b.capexUsd).toBeCloseTo(b.breakdown.capexUsd.servers + b.breakdown.capexUsd.networking + b.breakdown.capexUsd.storage, 0);
    for (const a of b.assumptions) expect(a.source.length).toBeGreaterThan(0);
    expect(b.sensitivity.length).toBeGreaterThan(3);
  });

  it("a given price replaces the file's and is marked as given", async () => {
    const r = await postJson('/v1/cost/tco', { gpu: 'h100', gpuCount: 64, gpuUsd: 30000, rentUsdPerGpuHour: 2.5, usdPerKwh: 0.12 });
    expect(r.status).toBe(200);
    const b = (await r.json()) as { effectiveUsdPerGpuHour: { rent: number }; assumptions: Array<{ name: string; given: boolean; value: number }> };
    expect(b.effectiveUsdPerGpuHour.rent).toBe(2.5);
    expect(b.assumptions.find((a) => a.name === 'usdPerKwh')).toMatchObject({ given: true, value: 0.12 });
    expect(b.assumptions.find((a) => a.name === 'gpuUsd')).toMatchObject({ given: true, value: 30000 });
  });

  it('bad input is a 400 naming the field; an unknown GPU a 422', async () => {
    for (const [body, path] of [
      [{ gpu: 'h800', gpuCount: 0 }, 'gpuCount'],
      [{ gpu: 'h800', gpuCount: 8, pue: 0.5 }, 'pue'],
      [{ gpu: 'h800', gpuCount: 8, lifetimeUtilization: 0 }, 'lifetimeUtilization'],
      [{ gpu: 'h800', gpuCount: 8, extra: 1 }, 'extra'],
    ] as const) {
      const r = await postJson('/v1/cost/tco', body);
      expect(r.status).toBe(400);
      expect((await errorOf(r)).issues.map((i) => i.path).join(' ')).toContain(path);
    }
    const unknown = await postJson('/v1/cost/tco', { gpu: 'nope', gpuCount: 8 });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(await errorOf(unknown))).not.toContain('nope');
  });
});
