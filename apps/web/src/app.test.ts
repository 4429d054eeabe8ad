import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { forward } from './proxy/forward.js';

const url = (path: string) => `https://planner.test${path}`;

describe('static assets', () => {
  it('serves the planner page and its modules', async () => {
    const page = await env.ASSETS.fetch(url('/'));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<section id="analysis"');
    expect(html).toContain('<section id="training"');
    expect(html).toContain('<section id="inference"');
    const script = await env.ASSETS.fetch(url('/js/analysis.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await env.ASSETS.fetch(url('/style.css'))).status).toBe(200);
  });

  it('falls back to the assets for non-API paths reaching the worker', async () => {
    const response = await SELF.fetch(url('/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GPU Capacity Planner');
  });
});

describe('routing to the service bindings', () => {
  it('sends /v1/inference/* to INFERENCE', async () => {
    const response = await SELF.fetch(url('/v1/inference/kv-cache'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"contextTokens":1}',
    });
    expect(await response.json()).toEqual({ service: 'inference', method: 'POST', path: '/v1/inference/kv-cache', body: '{"contextTokens":1}' });
  });

  it('sends every other /v1/* to PLANNING, query string included', async () => {
    const response = await SELF.fetch(url('/v1/models/deepseek-v3?sequenceLength=8192'));
    expect(await response.json()).toMatchObject({ service: 'planning', method: 'GET', path: '/v1/models/deepseek-v3?sequenceLength=8192' });
    expect(await (await SELF.fetch(url('/v1/plans'), { method: 'DELETE' })).json()).toMatchObject({ service: 'planning', method: 'DELETE' });
    expect(await (await SELF.fetch(url('/v1/inferencex'))).json()).toMatchObject({ service: 'planning' });
  });

  it('answers 502 with the envelope when a worker cannot be reached', async () => {
    const broken = { fetch: () => Promise.reject(new Error('connection refused')) };
    const original = console.error;
    console.error = () => {};
    try {
      const response = await forward(broken, 'planning-api', new Request(url('/v1/gpus')));
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        error: { code: 'upstream_unavailable', message: 'The planning-api service could not be reached.', issues: [] },
      });
    } finally {
      console.error = original;
    }
  });
});

describe('merged /openapi.json', () => {
  it('covers every endpoint of every worker in one OpenAPI 3.1 document', async () => {
    const response = await SELF.fetch(url('/openapi.json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('GPU Capacity Planner API');
    expect(Object.keys(document.paths)).toEqual(['/v1/gpus', '/v1/inference/kv-cache', '/v1/models']);
    expect(Object.keys(document.components.schemas).sort()).toEqual(['ErrorEnvelope', 'inferenceOnly', 'planningOnly']);
  });
});
