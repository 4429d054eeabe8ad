import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { errorOf, postJson } from '../../../test/api.js';
import { programmeResponseSchema } from '@gcp/contract';

const PROGRAMME = {
  model: 'llama-3.1-8b',
  gpu: 'h100',
  gpuCount: 64,
  precision: 'bf16',
  phases: [
    { name: 'pre-training', tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 16 * 1024 * 1024 },
    { name: 'long context', steps: 100, sequenceLength: 32768, batchSequences: 256 },
  ],
};

describe('POST /v1/training/program', () => {
  it('plans each phase at its own sequence length and adds up GPU-hours, days, cost and energy', async () => {
    const r = await postJson('/v1/training/program', PROGRAMME);
    expect(r.status).toBe(200);
    const b = v.parse(programmeResponseSchema, await r.json());
    expect(b.phases.map((p) => p.name)).toEqual(['pre-training', 'long context']);
    expect(b.totals.gpuHours).toBeCloseTo(b.phases[0]!.gpuHours + b.phases[1]!.gpuHours, 6);
    expect(b.totals.costUsd).toBeCloseTo(
      b.phases.reduce((s, p) => s + p.costUsd, 0),
      6,
    );
    expect(b.totals.energyMWh).toBeGreaterThan(0);
    expect((b.phases[1]!.plan as { sequenceLength: number }).sequenceLength).toBe(32768);
  });

  it('a phase with both tokens and steps is refused naming it', async () => {
    const r = await postJson('/v1/training/program', {
      ...PROGRAMME,
      phases: [{ name: 'x', tokens: 1e9, steps: 10, sequenceLength: 4096, batchSequences: 8 }],
    });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues[0]?.path).toBe('phases.0.tokens');
  });

  it("a phase's planner error names the field under the phase, in the schema's dotted form (as the page reads it)", async () => {
    const r = await postJson('/v1/training/program', {
      ...PROGRAMME,
      phases: [PROGRAMME.phases[0], { name: 'x', steps: 10, sequenceLength: 4096, batchSequences: 8, layoutConstraints: { tp: 3 } }],
    });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues.map((i) => i.path)).toEqual(['phases.1.layoutConstraints']);
  });
});
