/** Tiny benchmark harness: runs `fn` repeatedly and reports the median wall time in milliseconds. */
export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly iterations: number;
  /** Free-form figures the case wants printed (e.g. layouts evaluated). */
  readonly notes?: Record<string, number | string>;
}

export function measure(name: string, fn: () => Record<string, number | string> | void, iterations = 30): BenchResult {
  let notes: Record<string, number | string> | undefined;
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const out = fn();
    times.push(performance.now() - t0);
    if (out) notes = out;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { name, medianMs: at(0.5), p90Ms: at(0.9), iterations, ...(notes ? { notes } : {}) };
}

export function printResults(results: readonly BenchResult[]): void {
  for (const r of results) {
    const notes = r.notes ? '  ' + Object.entries(r.notes).map(([k, v]) => `${k}=${v}`).join(' ') : '';
    console.log(`${r.name.padEnd(48)} median ${r.medianMs.toFixed(3)} ms  p90 ${r.p90Ms.toFixed(3)} ms  (n=${r.iterations})${notes}`);
  }
}
