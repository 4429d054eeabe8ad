import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { errorOf, get, postJson } from '../test/api.js';
import { routes } from './app.js';

interface OpenApi {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

describe('inference-api', () => {
  it('serves an OpenAPI 3.1 document with every registered route', async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-gcp-service')).toBe('inference-api');
    const document = (await response.json()) as OpenApi;
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toContain('inference');
    expect(document.components.schemas).toHaveProperty('ErrorEnvelope');
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    expect(Object.keys(document.paths).every((path) => path.startsWith('/v1/inference/'))).toBe(true);
  });

  it('documents the planner bounds: exclusive minimum 0 for positive numbers, a maximum on every count and volume', async () => {
    const document = (await (await get('/openapi.json')).json()) as OpenApi;
    type Schema = { properties?: Record<string, Schema>; exclusiveMinimum?: number; minimum?: number; maximum?: number; description?: string };
    const body = (path: string) =>
      (document.paths[path]?.['post'] as { requestBody: { content: { 'application/json': { schema: Schema } } } }).requestBody.content['application/json']
        .schema;
    const workload = body('/v1/inference/plan').properties!['workload']!.properties!;
    expect(workload['utilization']).toMatchObject({ exclusiveMinimum: 0, maximum: 1 });
    expect(workload['inputTokensPerDay']).toMatchObject({ minimum: 1, maximum: 1e15 });
    expect(workload['utilization']!.description).toMatch(/DeepSeek/);
    expect(body('/v1/inference/throughput').properties!['gpuCount']).toMatchObject({ minimum: 1, maximum: 4096 });
    for (const [name, s] of Object.entries(workload)) {
      if (name === 'hourlyLoad') continue;
      expect(s.maximum, `workload.${name}`).toBeDefined();
      expect(s.minimum === 5e-324 || s.exclusiveMinimum === 5e-324).toBe(false);
    }
  });

  it('answers unknown routes with the 404 envelope', async () => {
    const response = await postJson('/v1/inference/unknown-endpoint', {});
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({ code: 'not_found', message: 'No such route.', issues: [] });
  });

  it('answers 405 on the document path for other methods', async () => {
    const response = await SELF.fetch('https://inference.test/openapi.json', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
