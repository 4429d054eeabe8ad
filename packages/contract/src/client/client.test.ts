import { describe, expect, it } from 'vitest';
import { ApiClientError, createClient, type FetchLike } from './index.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records calls and answers `status` with `body` (JSON). */
function fakeFetch(status: number, body: unknown): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

describe('createClient', () => {
  it('sends typed bodies as JSON and returns the typed response', async () => {
    const { fetch, calls } = fakeFetch(200, { bytesPerElement: 2, bytesPerToken: 70272, bytesPerSequence: 1, totalBytes: 2, concurrency: 2 });
    const client = createClient('https://planner.test/', fetch, { checkResponses: true });
    const report = await client.kvCache({ model: 'deepseek-v3', contextTokens: 4096, concurrency: 2 });
    expect(report.bytesPerToken).toBe(70272);
    expect(calls[0]?.url).toBe('https://planner.test/v1/inference/kv-cache');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ model: 'deepseek-v3', contextTokens: 4096, concurrency: 2 });
  });

  it('puts ids in the path and queries in the query string', async () => {
    const { fetch, calls } = fakeFetch(200, { plans: [] });
    const client = createClient('https://planner.test', fetch);
    await client.listPlans({ limit: 2 });
    await client.listPlans();
    await client.getModel('llama-3.1-8b', { sequenceLength: 1024 });
    await client.getGpu('a/b');
    expect(calls.map((call) => call.url)).toEqual([
      'https://planner.test/v1/plans?limit=2',
      'https://planner.test/v1/plans',
      'https://planner.test/v1/models/llama-3.1-8b?sequenceLength=1024',
      'https://planner.test/v1/gpus/a%2Fb',
    ]);
  });

  it('rejects a non-2xx answer with its envelope', async () => {
    const envelope = {
      error: {
        code: 'invalid_request',
        message: 'The request body does not match the schema.',
        issues: [{ path: 'concurrency', message: 'concurrency must be at least 1' }],
      },
    };
    const client = createClient('https://planner.test', fakeFetch(400, envelope).fetch);
    const error = await client
      .throughput({ model: 'x', gpu: 'h100', gpuCount: 1, precision: { weights: 'fp8' }, inputTokens: 1, outputTokens: 1, concurrency: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', issues: envelope.error.issues, message: envelope.error.message });
    const notJson = await createClient('https://planner.test', fakeFetch(502, 'bad gateway').fetch)
      .listGpus()
      .catch((e: unknown) => e);
    expect(notJson).toMatchObject({ status: 502, code: 'not_an_envelope' });
  });

  it('checks responses against their schema when asked', async () => {
    const client = createClient('https://planner.test', fakeFetch(200, { gpus: [{ id: 'h100' }] }).fetch, { checkResponses: true });
    const error = await client.listGpus().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
    expect((error as ApiClientError).issues.map((issue) => issue.path)).toContain('gpus.0.name');
    const unchecked = createClient('https://planner.test', fakeFetch(200, { gpus: [{ id: 'h100' }] }).fetch);
    expect((await unchecked.listGpus()).gpus[0]?.id).toBe('h100');
  });
});
