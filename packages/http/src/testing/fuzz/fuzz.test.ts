import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createApiApp } from '../../app/create-api-app.js';
import { defineRoute } from '../../routes/define-route.js';
import { formatFuzzReport, fuzzDocument } from './index.js';

/** An app with planted bugs: the fuzzer must find each. */
const { app, openApiDocument } = createApiApp({
  serviceName: 'buggy',
  info: { title: 'Buggy', version: '1' },
  routes: [
    defineRoute({
      method: 'post',
      path: '/v1/size',
      summary: 'Size',
      requestSchema: v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e6)), label: v.optional(v.string()) }),
      responseSchema: v.object({ perItem: v.number(), total: v.nullable(v.number()) }),
      example: { body: { count: 4 } },
      handler: ({ body }) => {
        if (body.count === 1e6) throw new Error('planted: overflow at the maximum');
        return { perItem: 1 / (body.count - 1), total: body.count };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/echo',
      summary: 'Echo',
      requestSchema: v.strictObject({ n: v.number() }),
      responseSchema: v.object({ n: v.number() }),
      example: { body: { n: 2 } },
      // planted: a response that bypasses the finite-number guard
      handler: ({ body }) => new Response(JSON.stringify({ n: body.n > 1e100 ? null : body.n }), { headers: { 'content-type': 'application/json' } }),
    }),
  ],
});

describe('fuzzDocument', () => {
  it('finds a 5xx at a bound and a null number in a 200, and replays with the same seed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the planted 500s are logged
    const options = { origin: 'https://buggy.test', runs: 1500, seed: 7 };
    const report = await fuzzDocument(openApiDocument, (request) => app.fetch(request), options);
    const problems = report.failures.flatMap((failure) => failure.problems.map((problem) => `${failure.operation} ${problem}`));
    expect(problems.some((problem) => problem.startsWith('POST /v1/size status 500'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('POST /v1/echo non-finite or null number fields: n = null'))).toBe(true);
    expect(report.operations['POST /v1/size']?.requests).toBe(1500);
    expect(formatFuzzReport(report)).toContain('fuzz seed 7');
    const again = await fuzzDocument(openApiDocument, (request) => app.fetch(request), options);
    expect(again.failureCount).toBe(report.failureCount);
    expect(again.operations).toEqual(
      expect.objectContaining({ 'POST /v1/size': expect.objectContaining({ statuses: report.operations['POST /v1/size']?.statuses }) }),
    );
  });
});
