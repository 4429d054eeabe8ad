/**
 * Exact mean-value analysis of a closed loop of `n` customers through one queueing station of
 * demand `d` seconds and a delay (think) time `z`: returns throughput and the mean time at the
 * station (queue + service).
 */
export function closedLoopMva(n: number, d: number, z: number): { x: number; r: number } {
  let q = 0,
    x = 0,
    r = d;
  const whole = Math.max(1, Math.floor(n));
  for (let k = 1; k <= whole; k++) {
    r = d * (1 + q);
    x = k / (r + z);
    q = x * r;
  }
  // fractional population (mean concurrency): interpolate to n
  if (n > whole) {
    const r2 = d * (1 + q);
    const x2 = (whole + 1) / (r2 + z);
    const f = n - whole;
    r = r + f * (r2 - r);
    x = x + f * (x2 - x);
  }
  return { x, r };
}
