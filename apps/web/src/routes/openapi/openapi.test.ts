import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const url = (path: string) => `https://planner.test${path}`;

describe('merged /openapi.json', () => {
  it('covers every endpoint of every worker in one OpenAPI 3.1 document', async () => {
    const response = await SELF.fetch(url('/openapi.json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
      servers: { url: string }[];
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('GPU Capacity Planner API');
    expect(Object.keys(document.paths)).toEqual(['/v1/gpus', '/v1/inference/kv-cache', '/v1/models']);
    expect(Object.keys(document.components.schemas).sort()).toEqual(['ErrorEnvelope', 'inferenceOnly', 'planningOnly']);
    // clients generated from the document call the origin it was fetched from
    expect(document.servers).toEqual([{ url: 'https://planner.test', description: expect.any(String) }]);
  });
});
