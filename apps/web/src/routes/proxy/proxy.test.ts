import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { forward } from './forward.js';

const url = (path: string) => `https://planner.test${path}`;

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
