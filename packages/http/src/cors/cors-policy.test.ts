import { describe, expect, it } from 'vitest';
import { defineRoute } from '../routes/define-route.js';
import { createApiApp } from '../app/create-api-app.js';
import { API_SECURITY_HEADERS, parseAllowedOrigins } from './cors-policy.js';

const SELF_ORIGIN = 'https://planner.test';
const PARTNER_ORIGIN = 'https://partner.example';
const OTHER_ORIGIN = 'https://evil.example';

const routes = [
  defineRoute({ method: 'get', path: '/v1/things', summary: 'List', handler: () => ({ things: [] }) }),
  defineRoute({ method: 'post', path: '/v1/compute', summary: 'Compute (stores nothing)', handler: () => ({ answer: 42 }) }),
  defineRoute({ method: 'post', path: '/v1/things', summary: 'Save', writes: true, successStatus: 201, handler: () => ({ id: 'a' }) }),
  defineRoute({ method: 'delete', path: '/v1/things/{id}', summary: 'Delete', writes: true, successStatus: 204, handler: () => undefined }),
  defineRoute({ method: 'get', path: '/v1/things/{id}', summary: 'One', handler: ({ params }) => ({ id: params.id }) }),
];

const { app } = createApiApp({ serviceName: 'cors-test', info: { title: 'CORS', version: '1' }, routes });
const env = { ALLOWED_ORIGINS: ` ${PARTNER_ORIGIN}/ , https://other-partner.example` };

function call(path: string, init: RequestInit & { origin?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.origin) headers.set('origin', init.origin);
  return app.request(`${SELF_ORIGIN}${path}`, { ...init, headers }, env);
}

const preflight = (path: string, method: string, origin: string) =>
  call(path, { method: 'OPTIONS', origin, headers: { 'access-control-request-method': method, 'access-control-request-headers': 'content-type' } });

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('CORS policy', () => {
  it('parses ALLOWED_ORIGINS', () => {
    expect(parseAllowedOrigins('')).toEqual([]);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(env.ALLOWED_ORIGINS)).toEqual([PARTNER_ORIGIN, 'https://other-partner.example']);
  });

  it('opens reads and stateless computations to any origin, without credentials', async () => {
    for (const response of [await call('/v1/things', { origin: OTHER_ORIGIN }), await call('/v1/compute', { method: 'POST', origin: OTHER_ORIGIN })]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const read = await preflight('/v1/things/x', 'GET', OTHER_ORIGIN);
    expect(read.status).toBe(204);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-allow-methods')).toBe('GET');
    expect(read.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(read.headers.get('access-control-max-age')).toBe('86400');
    const compute = await preflight('/v1/compute', 'POST', OTHER_ORIGIN);
    expect(compute.status).toBe(204);
    expect(compute.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lets same-origin, origin-less and listed origins write; refuses others with 403 in the envelope', async () => {
    expect((await call('/v1/things', { method: 'POST' })).status).toBe(201);
    const same = await call('/v1/things', { method: 'POST', origin: SELF_ORIGIN });
    expect(same.status).toBe(201);
    expect(same.headers.get('access-control-allow-origin')).toBe(SELF_ORIGIN);
    const partner = await call('/v1/things', { method: 'POST', origin: PARTNER_ORIGIN });
    expect(partner.status).toBe(201);
    expect(partner.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    expect(partner.headers.get('vary')).toBe('Origin');

    const refused = await call('/v1/things', { method: 'POST', origin: OTHER_ORIGIN });
    expect(refused.status).toBe(403);
    expect(await codeOf(refused)).toBe('forbidden');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call('/v1/things/a', { method: 'DELETE', origin: OTHER_ORIGIN })).status).toBe(403);
    expect((await call('/v1/things/a', { method: 'DELETE', origin: PARTNER_ORIGIN })).status).toBe(204);
  });

  it('answers write preflights for allowed origins only', async () => {
    const allowed = await preflight('/v1/things/a', 'DELETE', PARTNER_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('DELETE, GET');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(allowed.headers.get('access-control-max-age')).toBe('86400');
    const refused = await preflight('/v1/things', 'POST', OTHER_ORIGIN);
    expect(refused.status).toBe(403);
    expect(await codeOf(refused)).toBe('forbidden');
    // a method no route serves there: the ordinary 405
    expect((await preflight('/v1/compute', 'PUT', OTHER_ORIGIN)).status).toBe(405);
  });

  it('puts the security headers on every response, errors included', async () => {
    for (const response of [await call('/v1/things'), await call('/v1/nothing'), await call('/v1/things', { method: 'POST', origin: OTHER_ORIGIN })]) {
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
    }
    expect(API_SECURITY_HEADERS['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
