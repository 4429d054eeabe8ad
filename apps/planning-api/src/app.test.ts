import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { errorOf, get, postJson } from '../test/api.js';
import { routes } from './app.js';

interface OpenApi {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown> };
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every registered route', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toContain('planning');
    expect(document.components.schemas).toHaveProperty('ErrorEnvelope');
    // the contract's endpoints (issues 2 and 3) must all be registered
    const registered = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    for (const required of [
      'GET /v1/gpus',
      'GET /v1/gpus/{id}',
      'GET /v1/models',
      'GET /v1/models/{id}',
      'POST /v1/models/analyze',
      'POST /v1/training/plan',
      'POST /v1/plans',
      'GET /v1/plans',
      'GET /v1/plans/{id}',
    ])
      expect(registered).toContain(required);
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(Object.keys(operation?.responses ?? {})).toContain(String(route.successStatus));
    }
    expect(document.paths['/v1/models/analyze']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object', required: ['config'], properties: { config: { type: 'object' } } } } },
    });
    expect(JSON.stringify(document)).not.toMatch(/zod|NaN|Infinity/);
  });
});

describe('error classes', () => {
  it('404 for unknown routes', async () => {
    const response = await get('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({ code: 'not_found', message: 'No such route.', issues: [] });
    expect((await get('/')).status).toBe(404);
  });

  it('405 with Allow for known paths', async () => {
    const response = await SELF.fetch('https://planning.test/v1/gpus', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect((await errorOf(response)).code).toBe('method_not_allowed');
    expect((await get('/v1/models/analyze')).status).toBe(404); // GET /v1/models/{id} with id "analyze"
    expect((await SELF.fetch('https://planning.test/v1/plans', { method: 'PUT' })).status).toBe(405);
  });

  it('400 for malformed JSON', async () => {
    for (const text of ['{"config": {', 'not json', '{"config": {}}}', '']) {
      const response = await postJson('/v1/models/analyze', text);
      expect(response.status, text).toBe(400);
      expect((await errorOf(response)).code).toBe('malformed_json');
    }
  });

  it('415 for non-JSON content types', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await SELF.fetch('https://planning.test/v1/plans', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: '{}',
      });
      expect(response.status, contentType).toBe(415);
      expect((await errorOf(response)).code).toBe('unsupported_media_type');
    }
  });

  it('413 for bodies over 256 KiB', async () => {
    const response = await postJson('/v1/plans', { name: 'big', kind: 'training', request: { padding: 'x'.repeat(300 * 1024) } });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
  });

  it('accepts JSON with a charset parameter', async () => {
    const response = await postJson('/v1/plans', { name: 'n', kind: 'training', request: {} }, { 'content-type': 'application/json; charset=UTF-8' });
    expect(response.status).toBe(201);
  });
});
