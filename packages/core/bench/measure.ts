/** Tiny benchmark harness: runs `fn` repeatedly and reports the median wall time in milliseconds. */
export interface BenchResult {
  readonly name: string;
  /** The first call of this case in the bench process (code other cases share is already warm: fresh-process first calls are bench/first-call.ts). */
  readonly firstCallMs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly iterations: number;
  /** Free-form figures the case wants printed (e.g. layouts evaluated). */
  readonly notes?: Record<string, number | string>;
}

/**
 * A Worker isolate serves many requests, so the steady state is what a request usually costs;
 * the first call is reported too. `warmup` calls run untimed between them (JIT tiers settle).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: bench cases that report nothing return void
export function measure(name: string, fn: () => Record<string, number | string> | void, iterations = 30, warmup = 20): BenchResult {
  let notes: Record<string, number | string> | undefined;
  const c0 = performance.now();
  fn();
  const firstCallMs = performance.now() - c0;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const out = fn();
    times.push(performance.now() - t0);
    if (out) notes = out;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { name, firstCallMs, medianMs: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), iterations, ...(notes ? { notes } : {}) };
}

export function printResults(results: readonly BenchResult[]): void {
  for (const r of results) {
    const notes = r.notes
      ? '  ' +
        Object.entries(r.notes)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '';
    console.log(
      `${r.name.padEnd(48)} median ${r.medianMs.toFixed(3)} ms  p90 ${r.p90Ms.toFixed(3)} ms  p99 ${r.p99Ms.toFixed(3)} ms  first in this run ${r.firstCallMs.toFixed(1)} ms  (n=${r.iterations})${notes}`,
    );
  }
}
