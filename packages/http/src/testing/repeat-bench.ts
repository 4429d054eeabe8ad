/**
 * Bench helper (not shipped in a worker): CPU of a cacheable request through a whole API app in
 * this process — body read, validation, normalisation, cache key and the cached answer — first
 * computed, then repeated. Node has no `caches.default`, so the repeats are answered by the
 * isolate tier (cache/isolate-answers.ts), as a warm Worker isolate answers them.
 */
import { CACHE_STATUS_HEADER } from '../cache/answer-route.js';

/** What `fetch` the app exposes (Hono's `app.request`). */
export interface RequestableApp {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

export interface RepeatBenchResult {
  readonly name: string;
  /** The computing request, its whole time through the app (ms). */
  readonly computedMs: number;
  readonly repeatMedianMs: number;
  readonly repeatP99Ms: number;
  readonly repeats: number;
  /** `x-gcp-cache` of the last repeat: `hit` when the cache answered. */
  readonly lastStatus: string | null;
}

const P99 = 0.99;
const MEDIAN = 0.5;

async function timedPost(app: RequestableApp, path: string, body: string): Promise<{ ms: number; status: string | null }> {
  const t0 = performance.now();
  const response = await app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  await response.text();
  const ms = performance.now() - t0;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { ms, status: response.headers.get(CACHE_STATUS_HEADER) };
}

/** Posts `body` to `path` once (computed), then `repeats` more times (cached), timing each. */
export async function benchCachedRepeat(app: RequestableApp, name: string, path: string, body: unknown, repeats = 500): Promise<RepeatBenchResult> {
  const text = JSON.stringify(body);
  const computed = await timedPost(app, path, text);
  const times: number[] = [];
  let lastStatus: string | null = null;
  for (let i = 0; i < repeats; i++) {
    const r = await timedPost(app, path, text);
    times.push(r.ms);
    lastStatus = r.status;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, computedMs: computed.ms, repeatMedianMs: at(MEDIAN), repeatP99Ms: at(P99), repeats, lastStatus };
}

export function printRepeatResults(results: readonly RepeatBenchResult[]): void {
  for (const r of results) {
    console.log(
      `${`cached repeat: ${r.name}`.padEnd(60)} median ${r.repeatMedianMs.toFixed(3)} ms  p99 ${r.repeatP99Ms.toFixed(3)} ms  ` +
        `(${r.repeats} repeats, x-gcp-cache ${r.lastStatus}; computed once in ${r.computedMs.toFixed(1)} ms)`,
    );
  }
}
