import type { ResidualQuantiles } from '../../src/calibration-bands/types.js';

/**
 * The finite-sample (split-conformal) bound of `xs` at level `p`: the k-th smallest value, k = ⌈(n + 1)·p⌉
 * for an upper bound (p > 0.5) and ⌊(n + 1)·p⌋ for a lower one, clamped to the sample. A new row from the
 * same distribution falls below the upper bound with probability ≥ p (and above the lower one with
 * probability ≥ 1 − p), however small n is. Plain sample quantiles (type 7) are narrower by about
 * one order statistic and under-cover out of sample when a group has a dozen rows, as the training groups do.
 */
export function conformalBound(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const rank = p > 0.5 ? Math.ceil((n + 1) * p) : Math.floor((n + 1) * p);
  return s[Math.min(n, Math.max(1, rank)) - 1]!;
}

/** One residual: the group keys it belongs to (finest first) and measured ÷ predicted. */
export interface Residual {
  readonly keys: readonly string[];
  readonly ratio: number;
  /** Which half of the two-fold coverage check the row belongs to (rows of one configuration share it). */
  readonly fold: 0 | 1;
}

/** The 80% interval bounds (conformalBound at lowP and highP) of every group key that any residual belongs to. */
export function groupQuantiles(residuals: readonly Residual[], lowP: number, highP: number): Record<string, ResidualQuantiles> {
  const by = new Map<string, number[]>();
  for (const r of residuals) {
    for (const k of r.keys) {
      const list = by.get(k);
      if (list) list.push(r.ratio);
      else by.set(k, [r.ratio]);
    }
  }
  const out: Record<string, ResidualQuantiles> = {};
  for (const k of [...by.keys()].sort()) {
    const xs = by.get(k)!;
    out[k] = { rows: xs.length, low: round(conformalBound(xs, lowP)), high: round(conformalBound(xs, highP)) };
  }
  return out;
}

/** The group a residual's interval comes from: its finest key with at least `minRows` rows, else its coarsest. */
export function chooseGroup(groups: Readonly<Record<string, ResidualQuantiles>>, keys: readonly string[], minRows: number): ResidualQuantiles | undefined {
  for (const k of keys) {
    const q = groups[k];
    if (q && q.rows >= minRows) return q;
  }
  return groups[keys[keys.length - 1]!];
}

/**
 * Two-fold cross coverage: quantiles from one fold's residuals, counted on the other fold's rows
 * (measured ÷ predicted inside [low, high]), both ways. Honest where in-sample coverage is 80% by construction.
 */
export function crossCoverage(residuals: readonly Residual[], lowP: number, highP: number, minRows: number): number {
  let inside = 0,
    counted = 0;
  for (const fold of [0, 1] as const) {
    const groups = groupQuantiles(
      residuals.filter((r) => r.fold !== fold),
      lowP,
      highP,
    );
    for (const r of residuals) {
      if (r.fold !== fold) continue;
      const q = chooseGroup(groups, r.keys, minRows);
      if (!q) continue;
      counted++;
      if (r.ratio >= q.low && r.ratio <= q.high) inside++;
    }
  }
  return counted > 0 ? round(inside / counted) : Number.NaN;
}

/** Stored figures keep 4 significant decimals (the data file stays readable and stable). */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
