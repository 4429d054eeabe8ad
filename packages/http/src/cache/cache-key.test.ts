import { describe, expect, it } from 'vitest';
import { cacheKeyUrl, normalisedRequest, sortKeysDeep } from './cache-key.js';

describe('cache keys', () => {
  it('sorts keys recursively, keeps array order and drops undefined members', () => {
    expect(JSON.stringify(sortKeysDeep({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }))).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    expect(normalisedRequest({ body: { b: 1, a: 2 } })).toBe(normalisedRequest({ body: { a: 2, b: 1 } }));
  });

  it('is a GET URL naming the path, the version and a SHA-256 of path, version and request', async () => {
    const key = await cacheKeyUrl({ path: '/v1/training/plan', version: '0.1.0+0011223344556677', body: { gpuCount: 8 } });
    expect(key).toMatch(/^https:\/\/cache\.gcp\.internal\/v1\/training\/plan\?v=0\.1\.0%2B0011223344556677&h=[0-9a-f]{64}$/);
    expect(new URL(key).searchParams.get('v')).toBe('0.1.0+0011223344556677');
  });

  it('changes with the version, the path and any field, not with key order', async () => {
    const base = { path: '/v1/plan', version: '0.1.0+aaaa', body: { gpuCount: 8, options: { tp: 1, pp: 2 } } };
    const hash = async (input: typeof base) => new URL(await cacheKeyUrl(input)).searchParams.get('h');
    const h = await hash(base);
    expect(await hash({ ...base, body: { options: { pp: 2, tp: 1 }, gpuCount: 8 } })).toBe(h);
    expect(await hash({ ...base, version: '0.1.0+bbbb' })).not.toBe(h);
    expect(await hash({ ...base, path: '/v1/other' })).not.toBe(h);
    expect(await hash({ ...base, body: { gpuCount: 8, options: { tp: 2, pp: 2 } } })).not.toBe(h);
  });
});
