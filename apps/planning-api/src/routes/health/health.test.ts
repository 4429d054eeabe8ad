import { PLANNER_VERSION } from '@gcp/core';
import { describe, expect, it } from 'vitest';
import { client, get } from '../../../test/api.js';

describe('GET /v1/health', () => {
  it('answers ok with the planner version, checked against its schema', async () => {
    expect(await client.health()).toEqual({ status: 'ok', service: 'planning-api', plannerVersion: PLANNER_VERSION });
  });

  it('is not stored by caches (a liveness answer must be live)', async () => {
    const response = await get('/v1/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBeNull();
  });
});
