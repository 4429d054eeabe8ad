import type { TrainingPlanRequest } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { postJson } from './api.js';

/**
 * DeepSeek-V3 on 2,048 H800, layout searched (the heavy request of issue 14). A token count
 * unique to this run keeps the first request a miss whatever other test files cached.
 */
const V3_SEARCH = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12 + Math.floor(Math.random() * 1e9),
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
} satisfies TrainingPlanRequest;

const SERVER_TIMING_MISS = /^core;dur=(\d+\.\d{2}), cache;desc="miss"$/;
/** A hit names its tier: the same isolate answers the repeat from its memory (isolate-answers.ts). */
const SERVER_TIMING_HIT = /^cache;desc="hit";dur=(\d+\.\d{2}), cache-tier;desc="isolate"$/;

async function timed(body: unknown) {
  const t0 = Date.now();
  const response = await postJson('/v1/training/plan', body);
  const text = await response.text();
  return { response, text, wallMs: Date.now() - t0 };
}

describe('response cache and Server-Timing through the worker (caches.default in miniflare)', () => {
  it('computes the V3 search once, answers its repeat from the cache with an identical body', async () => {
    const first = await timed(V3_SEARCH);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('x-gcp-cache')).toBe('miss');
    const missTiming = first.response.headers.get('server-timing') ?? '';
    expect(missTiming).toMatch(SERVER_TIMING_MISS);

    const repeat = await timed({ ...V3_SEARCH });
    expect(repeat.response.headers.get('x-gcp-cache')).toBe('hit');
    const hitTiming = repeat.response.headers.get('server-timing') ?? '';
    expect(hitTiming).toMatch(SERVER_TIMING_HIT);
    expect(repeat.text).toBe(first.text);
    expect(repeat.response.headers.get('content-type')).toBe('application/json; charset=utf-8');

    const changed = await timed({ ...V3_SEARCH, gpuCount: 1024 });
    expect(changed.response.headers.get('x-gcp-cache')).toBe('miss');
    expect(changed.text).not.toBe(first.text);

    // the same search again with another token count: computed by a warm isolate
    const warm = await timed({ ...V3_SEARCH, tokens: V3_SEARCH.tokens + 1 });
    expect(warm.response.headers.get('x-gcp-cache')).toBe('miss');
    const warmRepeat = await timed({ ...V3_SEARCH, tokens: V3_SEARCH.tokens + 1 });
    expect(warmRepeat.response.headers.get('x-gcp-cache')).toBe('hit');
    const timing = (r: { response: Response; wallMs: number }) => `${r.response.headers.get('server-timing')} (wall ${r.wallMs} ms)`;
    console.log(
      `V3 search on 2,048 H800 through SELF.fetch (workerd clock: whole ms): first ${timing(first)}; its repeat ${timing(repeat)}; ` +
        `gpuCount 1,024 ${timing(changed)}; warm computed ${timing(warm)}; its repeat ${timing(warmRepeat)}`,
    );
  });

  it('reports the core time on routes that are not cached, and caches no errors', async () => {
    const bad = await postJson('/v1/training/plan', { ...V3_SEARCH, gpu: 'no-such-gpu' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('x-gcp-cache')).toBeNull();
    const gpus = await postJson('/v1/models/analyze', { config: { nonsense: true } });
    expect(gpus.status).toBe(400);
  });
});
