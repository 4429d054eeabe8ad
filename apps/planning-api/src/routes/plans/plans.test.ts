import { SELF } from 'cloudflare:test';
import { createdPlanSchema, savedPlanSchema, type CreatePlanRequest } from '@gcp/contract';
import { createClient } from '@gcp/contract/client';
import { PLANNER_VERSION } from '@gcp/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { client, errorOf, get, postJson } from '../../../test/api.js';

const ORIGIN = 'https://planning.test';
const trainingPlan = {
  name: 'DeepSeek-V3 on H800',
  kind: 'training',
  request: { modelId: 'deepseek-v3', gpuId: 'h800', tokens: 14.8e12 },
  response: { gpus: 2048, days: 57, efficiencyParameters: { mfu: 0.39, attention: 0.45 } },
} satisfies CreatePlanRequest;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const ownerClient = (ownerToken: string) => createClient(ORIGIN, (url, init) => SELF.fetch(url, init), { checkResponses: true, ownerToken });
const send = (path: string, method: string, headers: Record<string, string> = {}, body?: unknown) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function created(body: CreatePlanRequest = trainingPlan, headers: Record<string, string> = {}) {
  const response = await postJson('/v1/plans', body, headers);
  expect(response.status).toBe(201);
  return v.parse(createdPlanSchema, await response.json());
}

describe('saved plans (D1)', () => {
  it('round-trips a plan: POST → 201 with a random id and an owner token → public GET without the token', async () => {
    const response = await postJson('/v1/plans', trainingPlan);
    expect(response.status).toBe(201);
    const plan = v.parse(createdPlanSchema, await response.json());
    expect(plan.id).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 random bytes
    expect(plan.ownerToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(response.headers.get('location')).toBe(`/v1/plans/${plan.id}`);
    expect(plan).toMatchObject({ plannerVersion: PLANNER_VERSION, efficiencyParameters: { mfu: 0.39, attention: 0.45 }, stale: false, staleReason: null });

    const fetched = await get(`/v1/plans/${plan.id}`);
    expect(fetched.status).toBe(200);
    const { ownerToken, ...publicPlan } = plan;
    const text = await fetched.text();
    expect(JSON.parse(text)).toEqual(publicPlan);
    expect(text).not.toContain(ownerToken);
    expect(text).not.toMatch(/hash/i);
  });

  it('makes ids and tokens that do not repeat', async () => {
    const plans = await Promise.all([1, 2, 3].map(() => created()));
    expect(new Set(plans.flatMap((plan) => [plan.id, plan.ownerToken])).size).toBe(6);
  });

  it('stores the token only as its SHA-256', async () => {
    const { env } = await import('cloudflare:test');
    const plan = await created();
    const row = await env.DB.prepare('SELECT * FROM saved_plans WHERE id = ?').bind(plan.id).first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(plan.ownerToken);
    expect(row?.owner_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores plans without a response as null, without efficiency parameters', async () => {
    const plan = await client.createPlan({ name: 'serve', kind: 'inference', request: { modelId: 'llama-3.1-8b' } });
    expect(plan.response).toBeNull();
    expect(plan.efficiencyParameters).toBeNull();
    const { ownerToken: _token, ...publicPlan } = plan;
    expect(await client.getPlan(plan.id)).toEqual(publicPlan);
  });

  it('lists only the presented token’s plans, newest first, limited; 401 without a token', async () => {
    const first = await created({ ...trainingPlan, name: 'first' });
    const owner = ownerClient(first.ownerToken);
    for (const name of ['second', 'third']) expect((await owner.createPlan({ ...trainingPlan, name })).ownerToken).toBe(first.ownerToken);
    await created({ ...trainingPlan, name: 'someone else' });

    expect((await owner.listPlans({ limit: 2 })).plans.map((plan) => plan.name)).toEqual(['third', 'second']);
    const all = await owner.listPlans();
    expect(all.plans.map((plan) => plan.name)).toEqual(['third', 'second', 'first']);
    expect(all.plans[0]).not.toHaveProperty('request');

    const anonymous = await get('/v1/plans');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await errorOf(anonymous)).code).toBe('unauthorized');
    for (const header of ['Bearer', 'Bearer short', 'Basic abc', `Token ${first.ownerToken}`]) {
      expect((await send('/v1/plans', 'GET', { authorization: header })).status, header).toBe(401);
    }
    const stranger = ownerClient('A'.repeat(43));
    expect((await stranger.listPlans()).plans).toEqual([]);
  });

  it('renames and deletes for the owner only: 401 without a token, 403 with another', async () => {
    const plan = await created();
    const other = await created();
    const path = `/v1/plans/${plan.id}`;

    expect((await send(path, 'PATCH', {}, { name: 'x' })).status).toBe(401);
    const wrong = await send(path, 'PATCH', bearer(other.ownerToken), { name: 'x' });
    expect(wrong.status).toBe(403);
    expect((await errorOf(wrong)).code).toBe('forbidden');
    expect((await send(path, 'PATCH', bearer(plan.ownerToken), { name: '' })).status).toBe(400);
    expect((await send(path, 'PATCH', bearer(plan.ownerToken), { name: 'ok', extra: 1 })).status).toBe(400);

    const renamed = await ownerClient(plan.ownerToken).renamePlan(plan.id, { name: 'renamed' });
    expect(renamed.name).toBe('renamed');
    expect(renamed).not.toHaveProperty('ownerToken');
    expect((await client.getPlan(plan.id)).name).toBe('renamed');

    expect((await send(path, 'DELETE')).status).toBe(401);
    expect((await send(path, 'DELETE', bearer(other.ownerToken))).status).toBe(403);
    const deleted = await send(path, 'DELETE', bearer(plan.ownerToken));
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await get(path)).status).toBe(404);
    expect((await send(path, 'DELETE', bearer(plan.ownerToken))).status).toBe(404);
  });

  it('lets nobody change plans saved before owners existed, and calls them stale', async () => {
    const { env } = await import('cloudflare:test');
    const id = 'legacy-plan-0001';
    await env.DB.prepare('INSERT INTO saved_plans (id, name, kind, request_json, created_at_ms) VALUES (?, ?, ?, ?, ?)')
      .bind(id, 'old', 'training', '{}', Date.now())
      .run();
    const plan = v.parse(savedPlanSchema, await (await get(`/v1/plans/${id}`)).json());
    expect(plan).toMatchObject({ plannerVersion: null, stale: true });
    expect(plan.staleReason).toContain(PLANNER_VERSION);
    const { ownerToken } = await created();
    expect((await send(`/v1/plans/${id}`, 'DELETE', bearer(ownerToken))).status).toBe(403);
  });

  it('marks plans saved under another planner version stale, with the reason', async () => {
    const { env } = await import('cloudflare:test');
    const plan = await created();
    await env.DB.prepare('UPDATE saved_plans SET planner_version = ? WHERE id = ?').bind('0.0.1+old-fit', plan.id).run();
    const fetched = await client.getPlan(plan.id);
    expect(fetched.stale).toBe(true);
    expect(fetched.staleReason).toContain('0.0.1+old-fit');
    expect(fetched.staleReason).toContain(PLANNER_VERSION);
  });

  it('refuses cross-origin writes unless ALLOWED_ORIGINS lists the origin (empty by default)', async () => {
    const response = await postJson('/v1/plans', trainingPlan, { origin: 'https://elsewhere.example' });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden');
    expect((await postJson('/v1/plans', trainingPlan, { origin: ORIGIN })).status).toBe(201);
    const read = await SELF.fetch(`${ORIGIN}/v1/gpus`, { headers: { origin: 'https://elsewhere.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('rejects bad list limits', async () => {
    const { ownerToken } = await created();
    for (const limit of ['0', '101', 'many', '-1']) {
      expect((await send(`/v1/plans?limit=${limit}`, 'GET', bearer(ownerToken))).status, limit).toBe(400);
    }
  });

  it('answers 404 for unknown plan ids', async () => {
    await expect(client.getPlan('AAAAAAAAAAAAAAAAAAAAAA')).rejects.toMatchObject({ status: 404, code: 'not_found' });
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
