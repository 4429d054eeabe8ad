import { SELF } from 'cloudflare:test';
import type { OpenApiDocument } from '@gcp/http';
import { documentGaps, exampleRequests } from '@gcp/http/testing/openapi';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'https://inference.test';
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

  it('has a request example on every operation, and each one succeeds', async () => {
    const document = await fetchDocument();
    expect(documentGaps(document).withoutExample).toEqual([]);
    const requests = exampleRequests(document, ORIGIN);
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
