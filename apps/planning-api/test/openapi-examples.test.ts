import { SELF } from 'cloudflare:test';
import type { OpenApiDocument } from '@gcp/http';
import { documentGaps, exampleRequests } from '@gcp/http/testing/openapi';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'https://planning.test';
const fetchDocument = async () => (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json()) as OpenApiDocument;

describe('OpenAPI for clients', () => {
  it('describes every property and parameter, each number with its unit', async () => {
    const gaps = documentGaps(await fetchDocument());
    expect(gaps.undescribed).toEqual([]);
    expect(gaps.withoutUnit).toEqual([]);
  });

  it('declares the origin it is served from in servers', async () => {
    const document = await fetchDocument();
    expect(document.servers).toEqual([{ url: ORIGIN, description: expect.any(String) }]);
  });

  it('declares the owner token as a bearer scheme on the saved-plan routes (optional on save)', async () => {
    const document = await fetchDocument();
    expect(document.components.securitySchemes?.ownerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const security = (method: string, path: string) => document.paths[path]?.[method]?.security;
    expect(security('get', '/v1/plans')).toEqual([{ ownerToken: [] }]);
    expect(security('patch', '/v1/plans/{id}')).toEqual([{ ownerToken: [] }]);
    expect(security('delete', '/v1/plans/{id}')).toEqual([{ ownerToken: [] }]);
    expect(security('post', '/v1/plans')).toEqual([{ ownerToken: [] }, {}]);
    expect(security('get', '/v1/plans/{id}')).toBeUndefined();
    expect(security('post', '/v1/training/plan')).toBeUndefined();
  });

  it('has a request example on every operation, and each one succeeds', async () => {
    const document = await fetchDocument();
    expect(documentGaps(document).withoutExample).toEqual([]);
    // the saved-plan routes act on a plan: save the documented example first, then use its id and token
    const save = exampleRequests(document, ORIGIN).find((request) => request.operation === 'POST /v1/plans');
    if (save === undefined) throw new Error('no example for POST /v1/plans');
    const created = (await (await SELF.fetch(save.url, save.init)).json()) as { id: string; ownerToken: string };
    const requests = exampleRequests(document, ORIGIN, {
      bearerToken: created.ownerToken,
      overrideParams: (operation) => (operation.includes('/v1/plans/{id}') ? { id: created.id } : undefined),
    });
    expect(requests.length).toBe(Object.values(document.paths).reduce((sum, operations) => sum + Object.keys(operations).length, 0));
    for (const request of requests) {
      const response = await SELF.fetch(request.url, request.init);
      expect(response.status, `${request.operation}: ${await response.clone().text()}`).toBeGreaterThanOrEqual(200);
      expect(response.status, request.operation).toBeLessThan(300);
      if (response.status !== 204) expect(await response.text()).not.toMatch(/NaN|Infinity/);
    }
  });

  it('answers each body example with one key added: 400 "unknown field `x`" at its path', async () => {
    const document = await fetchDocument();
    for (const request of exampleRequests(document, ORIGIN)) {
      if (typeof request.init.body !== 'string') continue;
      const body = { ...(JSON.parse(request.init.body) as object), notAField: 1 };
      const response = await SELF.fetch(request.url, { ...request.init, body: JSON.stringify(body) });
      expect(response.status, request.operation).toBe(400);
      const { error } = (await response.json()) as { error: { issues: { path: string; message: string }[] } };
      expect(error.issues, request.operation).toEqual([{ path: 'notAField', message: 'unknown field `notAField`' }]);
    }
  });
});
