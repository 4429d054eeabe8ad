import { env } from 'cloudflare:test';
import { fuzzDocument, formatFuzzReport, type FuzzTarget } from '@gcp/http/testing/fuzz';
import { beforeAll, describe, expect, it } from 'vitest';
import { app, openApiDocument } from '../src/app.js';

/**
 * Every operation of this worker's OpenAPI document, FUZZ_RUNS generated requests each (10,000 in
 * `npm test`; `npm run fuzz:long` sends more, with a fresh seed), in-process through the app's
 * fetch. Zero 5xx, every 4xx in the envelope with a documented status, no non-finite or null
 * number in a 2xx. A failure prints the seed and the requests that failed.
 */
const RUNS = Number(env.FUZZ_RUNS);
const SEED = Number(env.FUZZ_SEED);
const ORIGIN = 'https://planning.test';
const fetcher = (request: Request) => app.fetch(request, env);

let plan: FuzzTarget | undefined;
beforeAll(async () => {
  // a saved plan the PATCH / DELETE / GET requests act on half the time (with its owner token)
  const response = await fetcher(
    new Request(`${ORIGIN}/v1/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'fuzz target', kind: 'training', request: { model: 'llama-3.1-8b' } }),
    }),
  );
  const created = (await response.json()) as { id: string; ownerToken: string };
  plan = { params: { id: created.id }, bearerToken: created.ownerToken };
});

const operations = Object.entries(openApiDocument.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));

describe(`fuzz: ${RUNS} requests per operation (seed ${SEED})`, () => {
  it.each(operations)('%s', { timeout: 600_000 }, async (operation) => {
    const report = await fuzzDocument(openApiDocument, fetcher, {
      origin: ORIGIN,
      runs: RUNS,
      seed: SEED,
      only: [operation],
      target: (name) => (name.includes('/v1/plans') ? plan : undefined),
    });
    console.log(formatFuzzReport(report));
    expect(report.operations[operation]?.requests).toBeGreaterThanOrEqual(RUNS);
    expect(report.failures).toEqual([]);
  });
});
