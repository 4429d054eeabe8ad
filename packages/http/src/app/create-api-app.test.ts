import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiError, unprocessable } from '../errors/api-error.js';
import { defineRoute } from '../routes/define-route.js';
import { createApiApp } from './create-api-app.js';

const echoSchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1)),
  sizeGB: v.pipe(v.number(), v.minValue(0)),
});

class DomainError extends Error {
  constructor(readonly field: string) {
    super('domain rule broken');
  }
}

const routes = [
  defineRoute({
    method: 'post',
    path: '/v1/strict',
    summary: 'Strict objects, nested and in a union',
    requestSchema: v.strictObject({
      inner: v.strictObject({ a: v.number() }),
      pick: v.union([v.string(), v.strictObject({ config: v.object({}) })]),
    }),
    handler: () => ({ ok: true }),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/echo',
    summary: 'Echo the size',
    requestSchema: echoSchema,
    handler: ({ body }) => ({ name: body.name, sizeGB: body.sizeGB }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/things/{id}',
    summary: 'One thing',
    querySchema: v.object({ limit: v.optional(v.pipe(v.string(), v.digits(), v.transform(Number))) }),
    handler: ({ params, query }) => {
      if (params.id === 'boom') throw new Error('internal detail');
      if (params.id === 'domain') throw new DomainError('sizeGB');
      if (params.id === 'nan') return { ratio: Number.NaN, nested: { value: Infinity } };
      if (params.id === 'impossible') throw unprocessable('Cannot do that', [{ path: 'id', message: 'impossible' }]);
      if (params.id === 'unauthorized') {
        const res = new Response('plain text', { status: 401, headers: { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' } });
        throw new HTTPException(401, { message: 'Sign in first.', res });
      }
      if (params.id === 'http-404') throw new HTTPException(404, { message: 'No such thing.' });
      if (params.id === 'unavailable') throw new HTTPException(503);
      return { id: params.id, limit: query.limit ?? null };
    },
  }),
];

const { app, openApiDocument } = createApiApp({
  serviceName: 'test-api',
  info: { title: 'Test', version: '1' },
  routes,
  mapError: (error) => (error instanceof DomainError ? unprocessable('Domain rule broken', [{ path: error.field, message: 'impossible' }]) : undefined),
});

const post = (body: BodyInit, contentType: string | null = 'application/json') =>
  app.request('/v1/echo', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

async function envelope(response: Response) {
  const json = (await response.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
  return json.error;
}

describe('createApiApp', () => {
  it('answers a valid request', async () => {
    const response = await post(JSON.stringify({ name: 'a', sizeGB: 2 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'a', sizeGB: 2 });
    expect(response.headers.get('x-gcp-service')).toBe('test-api');
  });

  it("reports the handler's time in Server-Timing (no cache configured: no cache status)", async () => {
    const response = await post(JSON.stringify({ name: 'a', sizeGB: 2 }));
    expect(response.headers.get('server-timing')).toMatch(/^core;dur=\d+\.\d{2}$/);
    expect(response.headers.get('x-gcp-cache')).toBeNull();
  });

  it('rejects schema failures with 400 and issue paths, never echoing the input', async () => {
    const response = await post(JSON.stringify({ name: 'secret-value-123', sizeGB: 'secret-value-456' }));
    expect(response.status).toBe(400);
    const error = await envelope(response);
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'sizeGB', message: 'Invalid type: Expected number' }]);
    expect(JSON.stringify(error)).not.toContain('secret-value');
  });

  it('names an unknown key "unknown field `x`" at its path, at any depth and inside a union', async () => {
    const response = await post(JSON.stringify({ name: 'a', sizeGB: 1, sizeGb: 2 }));
    expect(response.status).toBe(400);
    expect((await envelope(response)).issues).toEqual([{ path: 'sizeGb', message: 'unknown field `sizeGb`' }]);
    const nested = await app.request('/v1/strict', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inner: { a: 1, typo: 2 }, pick: { config: {}, extra: true } }),
    });
    const nestedError = await envelope(nested);
    expect(nestedError.issues).toEqual([
      { path: 'inner.typo', message: 'unknown field `typo`' },
      { path: 'pick.extra', message: 'unknown field `extra`' },
    ]);
    expect(JSON.stringify(nestedError)).not.toContain('Expected never');
  });

  it('names a missing required key "missing field `x`"', async () => {
    const error = await envelope(await post(JSON.stringify({ name: 'a' })));
    expect(error.issues).toEqual([{ path: 'sizeGB', message: 'missing field `sizeGB`' }]);
  });

  it('quotes an unknown key shortened and without control characters', async () => {
    const key = `\u0001${'k'.repeat(500)}`;
    const error = await envelope(await post(JSON.stringify({ name: 'a', sizeGB: 1, [key]: 1 })));
    expect(error.issues[0]?.message).toBe(`unknown field \`?${'k'.repeat(63)}…\``);
  });

  it('refuses query parameters a route does not take as unknown fields', async () => {
    const noQuery = await app.request('/v1/echo?debug=1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"a","sizeGB":1}' });
    expect(noQuery.status).toBe(400);
    expect((await envelope(noQuery)).issues).toEqual([{ path: 'query.debug', message: 'unknown field `debug`' }]);
    const typo = await envelope(await app.request('/v1/things/a?limt=5'));
    expect(typo.issues).toEqual([{ path: 'query.limt', message: 'unknown field `limt`' }]);
  });

  it('rejects negative sizes', async () => {
    const error = await envelope(await post(JSON.stringify({ name: 'a', sizeGB: -5 })));
    expect(error.issues[0]?.path).toBe('sizeGB');
    expect(error.issues[0]?.message).not.toContain('-5');
  });

  it('maps malformed JSON to 400 and empty bodies too', async () => {
    const response = await post('{"name": "a",');
    expect(response.status).toBe(400);
    expect((await envelope(response)).code).toBe('malformed_json');
    expect((await post('')).status).toBe(400);
  });

  it('refuses nesting deeper than 64 levels with 400 before parsing (brackets in strings do not count)', async () => {
    const deep = (levels: number) => `{"name":"a","sizeGB":1,"x":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    const tooDeep = await post(deep(100_000));
    expect(tooDeep.status).toBe(400);
    expect((await envelope(tooDeep)).message).toContain('deeper than 64 levels');
    // 63 levels inside the top-level object: deep enough, answered by the schema (x is unknown)
    expect((await envelope(await post(deep(63)))).issues[0]?.message).toBe('unknown field `x`');
    expect((await post(JSON.stringify({ name: '['.repeat(1000), sizeGB: 1 }))).status).toBe(200);
  });

  it('maps non-JSON content types to 415', async () => {
    expect((await post('name=a', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('{}', null)).status).toBe(415);
    expect((await post('{"name":"a","sizeGB":1}', 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('maps oversized bodies to 413, declared or streamed', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(300 * 1024), sizeGB: 1 });
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        for (let i = 0; i < 5; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await app.request('/v1/echo', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      // @ts-expect-error Node's fetch needs duplex for streamed bodies
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    expect((await envelope(response)).code).toBe('payload_too_large');
  });

  it('answers 404 for unknown routes and 405 (with Allow) for known paths', async () => {
    const missing = await app.request('/v1/nothing');
    expect(missing.status).toBe(404);
    expect((await envelope(missing)).code).toBe('not_found');
    expect(missing.headers.get('x-gcp-service')).toBe('test-api');
    const wrongMethod = await app.request('/v1/echo');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const wrongOnParam = await app.request('/v1/things/abc', { method: 'DELETE' });
    expect(wrongOnParam.status).toBe(405);
    expect(wrongOnParam.headers.get('allow')).toBe('GET, HEAD');
  });

  it('validates and converts query strings', async () => {
    expect(await (await app.request('/v1/things/a?limit=5')).json()).toEqual({ id: 'a', limit: 5 });
    const bad = await app.request('/v1/things/a?limit=five');
    expect(bad.status).toBe(400);
    expect((await envelope(bad)).issues[0]?.path).toBe('query.limit');
  });

  it('turns NaN / Infinity in a result into a 422 envelope', async () => {
    const response = await app.request('/v1/things/nan');
    expect(response.status).toBe(422);
    const error = await envelope(response);
    expect(error.code).toBe('non_finite_result');
    expect(error.issues.map((issue) => issue.path)).toEqual(['ratio', 'nested.value']);
  });

  it('passes thrown ApiErrors through and hides unexpected errors behind a generic 500', async () => {
    expect((await app.request('/v1/things/impossible')).status).toBe(422);
    const mapped = await app.request('/v1/things/domain');
    expect(mapped.status).toBe(422);
    expect((await envelope(mapped)).issues).toEqual([{ path: 'sizeGB', message: 'impossible' }]);
    const original = console.error;
    console.error = () => {};
    try {
      const response = await app.request('/v1/things/boom');
      expect(response.status).toBe(500);
      const error = await envelope(response);
      expect(error.code).toBe('internal_error');
      expect(error.message).not.toContain('internal detail');
    } finally {
      console.error = original;
    }
  });

  it('maps a thrown HTTPException to the envelope with its own status', async () => {
    const unauthorized = await app.request('/v1/things/unauthorized');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');
    expect(unauthorized.headers.get('x-gcp-service')).toBe('test-api');
    expect(await unauthorized.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in first.', issues: [] } });

    const missing = await app.request('/v1/things/http-404');
    expect(missing.status).toBe(404);
    expect(await envelope(missing)).toEqual({ code: 'not_found', message: 'No such thing.', issues: [] });

    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const unavailable = await app.request('/v1/things/unavailable');
      expect(unavailable.status).toBe(503);
      expect(await envelope(unavailable)).toEqual({ code: 'http_error', message: 'The request failed with HTTP status 503.', issues: [] });
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
  });

  it('serves an OpenAPI 3.1 document with every route', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as typeof openApiDocument;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/v1/echo', '/v1/strict', '/v1/things/{id}']);
    const echo = document.paths['/v1/echo']?.post;
    expect(echo?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object', required: ['name', 'sizeGB'] } } },
    });
    expect(Object.keys(echo?.responses ?? {})).toEqual(['200', '400', '413', '415', '422', '500']);
    const thing = document.paths['/v1/things/{id}']?.get;
    expect(thing?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'string', pattern: expect.any(String) } },
    ]);
    expect(JSON.stringify(document)).not.toContain('$schema');
  });

  it('exposes ApiError for handlers', () => {
    expect(new ApiError(404, 'not_found', 'x').toEnvelope()).toEqual({ error: { code: 'not_found', message: 'x', issues: [] } });
  });
});
