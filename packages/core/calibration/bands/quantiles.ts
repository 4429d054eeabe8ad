import type { ResidualQuantiles } from '../../src/calibration-bands/types.js';

/** Quantile `p` of `xs` by linear interpolation between order statistics (Hyndman-Fan type 7, R's default). */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** One residual: the group keys it belongs to (finest first) and measured ÷ predicted. */
export interface Residual {
  readonly keys: readonly string[];
  readonly ratio: number;
  /** Which half of the two-fold coverage check the row belongs to (rows of one configuration share it). */
  readonly fold: 0 | 1;
}

/** Quantiles of every group key that any residual belongs to. */
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
    out[k] = { rows: xs.length, low: round(quantile(xs, lowP)), high: round(quantile(xs, highP)) };
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
