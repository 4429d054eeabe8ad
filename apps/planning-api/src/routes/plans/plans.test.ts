import { savedPlanSchema, type CreatePlanRequest } from '@gcp/contract';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { client, errorOf, get, postJson } from '../../../test/api.js';

const trainingPlan = {
  name: 'DeepSeek-V3 on H800',
  kind: 'training',
  request: { modelId: 'deepseek-v3', gpuId: 'h800', tokens: 14.8e12 },
  response: { gpus: 2048, days: 57 },
} satisfies CreatePlanRequest;

describe('saved plans (D1)', () => {
  it('round-trips a plan: POST → 201 with id → GET', async () => {
    const created = await postJson('/v1/plans', trainingPlan);
    expect(created.status).toBe(201);
    const plan = v.parse(savedPlanSchema, await created.json());
    expect(plan.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('location')).toBe(`/v1/plans/${plan.id}`);
    expect(new Date(plan.createdAt).getTime()).toBeGreaterThan(0);

    const fetched = await get(`/v1/plans/${plan.id}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual({ ...trainingPlan, id: plan.id, createdAt: plan.createdAt });
  });

  it('stores plans without a response as null', async () => {
    const plan = await client.createPlan({ name: 'serve', kind: 'inference', request: { modelId: 'llama-3.1-8b' } });
    expect(plan.response).toBeNull();
    expect(await client.getPlan(plan.id)).toEqual(plan);
  });

  it('lists newest first, limited', async () => {
    for (const name of ['first', 'second', 'third']) {
      expect((await postJson('/v1/plans', { ...trainingPlan, name })).status).toBe(201);
    }
    const body = await client.listPlans({ limit: 2 });
    expect(body.plans.map((plan) => plan.name)).toEqual(['third', 'second']);
    expect(body.plans[0]).not.toHaveProperty('request');
    const all = await client.listPlans();
    expect(all.plans.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects bad list limits', async () => {
    for (const limit of ['0', '101', 'many', '-1']) {
      expect((await get(`/v1/plans?limit=${limit}`)).status, limit).toBe(400);
    }
  });

  it('answers 404 for unknown plan ids', async () => {
    await expect(client.getPlan('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('validates the plan body', async () => {
    const cases: [unknown, string][] = [
      [{ ...trainingPlan, name: '' }, 'name'],
      [{ ...trainingPlan, name: 42 }, 'name'],
      [{ ...trainingPlan, kind: 'SECRET-kind' }, 'kind'],
      [{ ...trainingPlan, request: 'SECRET' }, 'request'],
      [{ ...trainingPlan, response: [1] }, 'response'],
      [{ name: 'x', kind: 'training' }, 'request'],
    ];
    for (const [body, path] of cases) {
      const response = await postJson('/v1/plans', body);
      expect(response.status, path).toBe(400);
      const error = await errorOf(response);
      expect(error.issues.map((issue) => issue.path)).toContain(path);
      expect(JSON.stringify(error)).not.toContain('SECRET');
    }
  });
});
