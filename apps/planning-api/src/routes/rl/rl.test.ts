import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { errorOf, postJson } from '../../../test/api.js';
import { rlResponseSchema } from '@gcp/contract';

const RL = { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 16, promptsPerStep: 64, groupSize: 8, promptTokens: 256, responseTokens: 1024, steps: 100 };

describe('POST /v1/training/rl', () => {
  it('PPO costs more than GRPO for the same policy and rollouts, and the critic stages say where', async () => {
    const r = await postJson('/v1/training/rl', RL);
    expect(r.status).toBe(200);
    const b = v.parse(rlResponseSchema, await r.json());
    expect(b.ppo.costUsd).toBeGreaterThan(b.grpo.costUsd);
    expect(b.ppoToGrpoCostRatio).toBeCloseTo(b.ppo.costUsd / b.grpo.costUsd, 9);
    const names = (x: typeof b.grpo) => x.stages.map((s) => s.name);
    const criticOnly = names(b.ppo).filter((n) => !names(b.grpo).includes(n));
    expect(criticOnly.join(' ')).toMatch(/critic/);
    const criticHours = b.ppo.stages.filter((s) => criticOnly.includes(s.name)).reduce((a, s) => a + s.gpuHours, 0);
    expect(criticHours).toBeCloseTo(b.ppo.gpuHours - b.grpo.gpuHours, 6);
  });

  it('zero steps and an unknown field are 400s naming them', async () => {
    const zero = await postJson('/v1/training/rl', { ...RL, steps: 0 });
    expect(zero.status).toBe(400);
    expect((await errorOf(zero)).issues[0]?.path).toBe('steps');
    const typo = await postJson('/v1/training/rl', { ...RL, group: 4 });
    expect(typo.status).toBe(400);
  });
});
