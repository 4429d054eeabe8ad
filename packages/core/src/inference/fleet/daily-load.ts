import { HOURS_PER_DAY } from '@gcp/contract';

/**
 * Hour of the default shape's peak (local time of the user base). Only the shape matters for
 * cost and node counts, not where the peak falls; 14:00 is the afternoon peak typical of
 * interactive traffic.
 */
export const DEFAULT_PEAK_HOUR = 14;

/** Bisection steps for the default shape's concentration (β to ~1e-9 of the bracket). */
const SHAPE_BISECTION_STEPS = 80;
/** Upper end of the concentration bracket: e^β ≫ 24 puts every hour but the peak near zero. */
const MAX_CONCENTRATION = 64;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** exp(β·cos(2π(h − peak)/24)) for each hour: a smooth daily wave, one peak, one trough. */
function wave(concentration: number): number[] {
  const out: number[] = [];
  for (let h = 0; h < HOURS_PER_DAY; h++) out.push(Math.exp(concentration * Math.cos((2 * Math.PI * (h - DEFAULT_PEAK_HOUR)) / HOURS_PER_DAY)));
  return out;
}

const peakOver = (xs: readonly number[]) => Math.max(...xs) / mean(xs);

/**
 * The default daily shape, 24 hourly multipliers of the average load (their mean is 1): a
 * von Mises wave exp(β·cos(2π(h − 14)/24)), the smooth one-peak-per-day curve, with the
 * concentration β solved (bisection) so that peak ÷ mean equals `peakToAverage`. β = 0 is a flat
 * day. Documented in docs/inference.md ("Whole instances through the day").
 */
export function defaultDailyShape(peakToAverage: number): number[] {
  if (peakToAverage <= 1) return new Array<number>(HOURS_PER_DAY).fill(1);
  let lo = 0,
    hi = MAX_CONCENTRATION;
  for (let i = 0; i < SHAPE_BISECTION_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (peakOver(wave(mid)) < peakToAverage) lo = mid;
    else hi = mid;
  }
  const w = wave((lo + hi) / 2);
  const m = mean(w);
  return w.map((x) => x / m);
}

/**
 * Hourly multipliers of the average load (mean 1) for the request: `hourlyLoad` (24 relative
 * values, any scale, some positive: the contract's `workload.hourlyLoad`) normalised to mean 1,
 * or the default shape for `peakToAverage`.
 */
export function dailyShape(hourlyLoad: readonly number[] | undefined, peakToAverage: number): number[] {
  if (hourlyLoad === undefined) return defaultDailyShape(peakToAverage);
  const m = mean(hourlyLoad);
  return hourlyLoad.map((x) => x / m);
}

/** Peak ÷ average of a shape (its largest multiplier, the mean being 1). */
export function shapePeakToAverage(shape: readonly number[]): number {
  return peakOver(shape);
}
