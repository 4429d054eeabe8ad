/**
 * Error bands on headline numbers: 80% prediction intervals from the residuals of the held-out
 * calibration rows (calibration/bands/run.ts writes data/bands.ts; `npm run calibrate`).
 */

/**
 * Held-out residuals of one calibration group: rows and the finite-sample 80% bounds of measured ÷ predicted
 * (the ⌊(n+1)·0.1⌋-th and ⌈(n+1)·0.9⌉-th smallest ratios, calibration/bands/quantiles.ts conformalBound).
 */
export interface ResidualQuantiles {
  readonly rows: number;
  /** Lower bound of measured ÷ predicted: a new row falls below it with probability ≤ 10%. */
  readonly low: number;
  /** Upper bound of measured ÷ predicted: a new row falls above it with probability ≤ 10%. */
  readonly high: number;
}

export interface BandTable {
  /** GPU ids, model kinds and (inference) backends that at least one held-out row represents. */
  readonly represented: { readonly gpus: readonly string[]; readonly modelKinds: readonly string[]; readonly backends: readonly string[] };
  /** Residual quantiles per group key (finest to coarsest keys are all stored; see lookup.ts). */
  readonly groups: Readonly<Record<string, ResidualQuantiles>>;
}

export interface CalibrationBands {
  /** Where every figure of the table comes from (kind: derived from held-out residuals of sourced rows). */
  readonly source: string;
  readonly kind: 'derived';
  /** Lower and upper quantiles of the stored intervals (0.1, 0.9: an 80% prediction interval). */
  readonly quantiles: readonly [number, number];
  /** Fewest held-out rows a group needs before its own quantiles are used (else the next coarser group). */
  readonly minGroupRows: number;
  readonly training: BandTable;
  readonly inference: BandTable;
  /** Two-fold cross coverage of the intervals on the held-out rows (intervals from one half, counted on the other). */
  readonly coverage: { readonly training: number; readonly ttft: number; readonly tpot: number };
}

/** An 80% interval for one response field, in the field's own unit. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** The `calibration` object of a response. */
export interface CalibrationSummary {
  /** The calibration group whose held-out residuals gave the intervals. */
  readonly group: string;
  readonly heldOutRows: number;
  readonly intervals: Readonly<Record<string, Interval>>;
  /** True when no calibration row represents this GPU, model kind or backend (the intervals are then borrowed). */
  readonly extrapolated: boolean;
  readonly notes: readonly string[];
}
