import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createApiApp } from '../app/create-api-app.js';
import { defineRoute } from '../routes/define-route.js';
import type { ResponseCacheStore } from './answer-route.js';
import { IsolateAnswerCache } from './isolate-answers.js';

/** The Cache API's contract as the app uses it, over a Map (Node has no `caches.default`). */
class MapStore implements ResponseCacheStore {
  readonly entries = new Map<string, { body: string; headers: [string, string][] }>();
  lookups = 0;
  async match(key: string): Promise<Response | undefined> {
    this.lookups++;
    const entry = this.entries.get(key);
    return entry ? new Response(entry.body, { headers: entry.headers }) : undefined;
  }
  async put(key: string, response: Response): Promise<void> {
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      headers.push([name, value]);
    });
    this.entries.set(key, { body: await response.text(), headers });
  }
}

const plannerSchema = v.object({
  gpuCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  options: v.optional(v.object({ precision: v.picklist(['fp8', 'bf16']), tp: v.optional(v.number(), 1) }), { precision: 'bf16' }),
});

function appWith(store: MapStore, version = '1.0.0+abc', memory?: IsolateAnswerCache) {
  const calls = { plan: 0, save: 0 };
  const { app } = createApiApp({
    serviceName: 'test-api',
    info: { title: 'Test', version: '1' },
    responseCache: { version, store: () => store, ...(memory ? { memory } : {}) },
    routes: [
      defineRoute({
        method: 'post',
        path: '/v1/plan',
        summary: 'A pure planner',
        cacheable: true,
        requestSchema: plannerSchema,
        handler: ({ body }) => {
          calls.plan++;
          if (body.gpuCount === 13) return { ratio: Number.NaN };
          return { gpus: body.gpuCount, options: body.options, computedAt: calls.plan };
        },
      }),
      defineRoute({
        method: 'post',
        path: '/v1/save',
        summary: 'Not cacheable',
        successStatus: 201,
        requestSchema: plannerSchema,
        handler: () => ({ saved: ++calls.save }),
      }),
    ],
  });
  const post = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { post, calls };
}

describe('the response cache of cacheable routes', () => {
  it('computes a request once, then answers the same request from the cache with an identical body', async () => {
    const store = new MapStore();
    const { post, calls } = appWith(store);
    const first = await post('/v1/plan', { gpuCount: 8, options: { precision: 'fp8' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-gcp-cache')).toBe('miss');
    expect(first.headers.get('server-timing')).toMatch(/^core;dur=\d+\.\d{2}, cache;desc="miss"$/);
    const firstBody = await first.text();

    const repeat = await post('/v1/plan', { gpuCount: 8, options: { precision: 'fp8' } });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('x-gcp-cache')).toBe('hit');
    expect(repeat.headers.get('server-timing')).toMatch(/^cache;desc="hit";dur=\d+\.\d{2}, cache-tier;desc="cache-api"$/);
    expect(repeat.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(repeat.headers.get('cache-control')).toBeNull();
    expect(repeat.headers.get('x-gcp-service')).toBe('test-api');
    expect(await repeat.text()).toBe(firstBody);
    expect(calls.plan).toBe(1);
    expect([...store.entries.keys()]).toEqual([expect.stringMatching(/^https:\/\/cache\.gcp\.internal\/v1\/plan\?v=1\.0\.0%2Babc&h=[0-9a-f]{64}$/)]);
  });

  it('keys on the validated input: key order and spelled-out defaults do not matter, a changed field does', async () => {
    const { post, calls } = appWith(new MapStore());
    await post('/v1/plan', { gpuCount: 8, options: { precision: 'bf16', tp: 1 } });
    expect((await post('/v1/plan', { options: { tp: 1, precision: 'bf16' }, gpuCount: 8 })).headers.get('x-gcp-cache')).toBe('hit');
    expect((await post('/v1/plan', { gpuCount: 8 })).headers.get('x-gcp-cache')).toBe('hit'); // defaults filled by the schema
    expect((await post('/v1/plan', { gpuCount: 16 })).headers.get('x-gcp-cache')).toBe('miss');
    expect((await post('/v1/plan', { gpuCount: 8, options: { precision: 'bf16', tp: 2 } })).headers.get('x-gcp-cache')).toBe('miss');
    expect(calls.plan).toBe(3);
  });

  it('never shares answers across planner versions', async () => {
    const store = new MapStore();
    await appWith(store, '1.0.0+abc').post('/v1/plan', { gpuCount: 8 });
    const other = await appWith(store, '1.0.0+def').post('/v1/plan', { gpuCount: 8 });
    expect(other.headers.get('x-gcp-cache')).toBe('miss');
    expect(store.entries.size).toBe(2);
  });

  it('stores neither errors nor routes that are not cacheable, which still report their time', async () => {
    const store = new MapStore();
    const { post, calls } = appWith(store);
    expect((await post('/v1/plan', { gpuCount: 0 })).status).toBe(400);
    expect((await post('/v1/plan', { gpuCount: 13 })).status).toBe(422);
    expect((await post('/v1/plan', { gpuCount: 13 })).status).toBe(422);
    expect(calls.plan).toBe(2);
    const saved = await post('/v1/save', { gpuCount: 8 });
    expect(saved.status).toBe(201);
    expect(saved.headers.get('server-timing')).toMatch(/^core;dur=\d+\.\d{2}$/);
    expect(saved.headers.get('x-gcp-cache')).toBeNull();
    expect(await (await post('/v1/save', { gpuCount: 8 })).json()).toEqual({ saved: 2 });
    expect(store.entries.size).toBe(0);
  });

  it('computes the answer when the cache fails', async () => {
    const broken: ResponseCacheStore = { match: () => Promise.reject(new Error('down')), put: () => Promise.reject(new Error('down')) };
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const { app } = createApiApp({
        serviceName: 't',
        info: { title: 'T', version: '1' },
        responseCache: { version: '1', store: () => broken },
        routes: [defineRoute({ method: 'post', path: '/v1/plan', summary: 's', cacheable: true, requestSchema: plannerSchema, handler: () => ({ ok: true }) })],
      });
      const response = await app.request('/v1/plan', { method: 'POST', body: '{"gpuCount":1}', headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(2);
  });
});

describe('the isolate tier in front of the store', () => {
  it('answers a repeat from memory without asking the store, with the same body and headers', async () => {
    const store = new MapStore();
    const { post, calls } = appWith(store, '1.0.0+abc', new IsolateAnswerCache());
    const first = await post('/v1/plan', { gpuCount: 8 });
    const firstBody = await first.text();
    expect(store.lookups).toBe(1);
    const repeat = await post('/v1/plan', { options: { tp: 1, precision: 'bf16' }, gpuCount: 8 });
    expect(repeat.headers.get('x-gcp-cache')).toBe('hit');
    expect(repeat.headers.get('server-timing')).toMatch(/^cache;desc="hit";dur=\d+\.\d{2}, cache-tier;desc="isolate"$/);
    expect(repeat.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await repeat.text()).toBe(firstBody);
    expect(store.lookups).toBe(1);
    expect(calls.plan).toBe(1);
    expect((await post('/v1/plan', { gpuCount: 9 })).headers.get('x-gcp-cache')).toBe('miss');
  });

  it('fills from a store hit (another isolate computed it), keys on the version, and keeps no errors', async () => {
    const store = new MapStore();
    await appWith(store).post('/v1/plan', { gpuCount: 8 });
    const memory = new IsolateAnswerCache();
    const other = appWith(store, '1.0.0+abc', memory);
    expect((await other.post('/v1/plan', { gpuCount: 8 })).headers.get('server-timing')).toMatch(/cache-tier;desc="cache-api"$/);
    expect((await other.post('/v1/plan', { gpuCount: 8 })).headers.get('server-timing')).toMatch(/cache-tier;desc="isolate"$/);
    expect(other.calls.plan).toBe(0);
    expect((await appWith(store, '1.0.0+def', memory).post('/v1/plan', { gpuCount: 8 })).headers.get('x-gcp-cache')).toBe('miss');
    await other.post('/v1/plan', { gpuCount: 13 });
    expect(memory.size).toBe(2);
  });

  it('answers from memory while the store is down', async () => {
    const broken: ResponseCacheStore = { match: () => Promise.reject(new Error('down')), put: () => Promise.reject(new Error('down')) };
    const original = console.error;
    console.error = () => {};
    try {
      let computed = 0;
      const { app } = createApiApp({
        serviceName: 't',
        info: { title: 'T', version: '1' },
        responseCache: { version: '1', store: () => broken, memory: new IsolateAnswerCache() },
        routes: [
          defineRoute({ method: 'post', path: '/v1/plan', summary: 's', cacheable: true, requestSchema: plannerSchema, handler: () => ({ n: ++computed }) }),
        ],
      });
      const post = () => app.request('/v1/plan', { method: 'POST', body: '{"gpuCount":1}', headers: { 'content-type': 'application/json' } });
      expect(await (await post()).json()).toEqual({ n: 1 });
      const repeat = await post();
      expect(repeat.headers.get('x-gcp-cache')).toBe('hit');
      expect(await repeat.json()).toEqual({ n: 1 });
    } finally {
      console.error = original;
    }
  });
});
