import { env } from 'cloudflare:test';
import { fuzzDocument, formatFuzzReport } from '@gcp/http/testing/fuzz';
import { describe, expect, it } from 'vitest';
import { app, openApiDocument } from '../src/app.js';

/**
 * Every operation of this worker's OpenAPI document, FUZZ_RUNS generated requests each (10,000 in
 * `npm test`; `npm run fuzz:long` sends more, with a fresh seed), in-process through the app's
 * fetch. Zero 5xx, every 4xx in the envelope with a documented status, no non-finite or null
 * number in a 2xx. A failure prints the seed and the requests that failed.
 */
const RUNS = Number(env.FUZZ_RUNS);
const SEED = Number(env.FUZZ_SEED);
const ORIGIN = 'https://inference.test';
const fetcher = (request: Request) => app.fetch(request, env);

const operations = Object.entries(openApiDocument.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));

describe(`fuzz: ${RUNS} requests per operation (seed ${SEED})`, () => {
  it.each(operations)('%s', { timeout: 600_000 }, async (operation) => {
    const report = await fuzzDocument(openApiDocument, fetcher, {
      origin: ORIGIN,
      runs: RUNS,
      seed: SEED,
      only: [operation],
    });
    console.log(formatFuzzReport(report));
    expect(report.operations[operation]?.requests).toBeGreaterThanOrEqual(RUNS);
    expect(report.failures).toEqual([]);
  });
});
