import { describe, expect, it } from 'vitest';
import { client, errorOf, get } from '../../../test/api.js';

describe('GET /v1/gpus', () => {
  it('lists the catalog with units in field names', async () => {
    const response = await get('/v1/gpus');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = await client.listGpus(); // checked against the contract's response schema
    const ids = body.gpus.map((gpu) => gpu.id);
    expect(ids).toContain('h100');
    expect(ids).toContain('mi300x');
    expect(body.gpus[0]).toHaveProperty('hbmCapacityGB');
  });
});

describe('GET /v1/gpus/{id}', () => {
  it('returns one GPU', async () => {
    const gpu = await client.getGpu('h100');
    expect(gpu.id).toBe('h100');
    expect(gpu).toHaveProperty('exportControl');
  });

  it('answers 404 with the envelope for unknown ids, without echoing the id', async () => {
    const response = await get('/v1/gpus/no-such-gpu-xyz');
    expect(response.status).toBe(404);
    const error = await errorOf(response);
    expect(error.code).toBe('not_found');
    expect(error.issues).toEqual([{ path: 'id', message: 'Unknown GPU id' }]);
    expect(JSON.stringify(error)).not.toContain('no-such-gpu-xyz');
  });
});
