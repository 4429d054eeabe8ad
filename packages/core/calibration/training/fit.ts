import { DEFAULT_EFFICIENCY, FITTED_EFFICIENCY_KEYS, FIT_BOUNDS, type StoredEfficiency } from '../../src/index.js';
import { predict } from './evaluate-runs.js';
import type { PublishedRun } from './published-runs.js';

/** Stored precision of a fitted value: fractions to 0.001, µs to 0.1. */
function roundParam(key: (typeof FITTED_EFFICIENCY_KEYS)[number], x: number): number {
  const [lo, hi] = FIT_BOUNDS[key];
  const step = hi <= 1 ? 1000 : 10;
  return Math.min(hi, Math.max(lo, Math.round(x * step) / step));
}

/**
 * Where every fit starts: one half for each efficiency, no per-layer gap (the non-fitted fields
 * are the stored ones). A fixed start, not the stored values, so a fresh fit does not depend on
 * what was stored before.
 */
export const TRAINING_FIT_START: StoredEfficiency = {
  ...DEFAULT_EFFICIENCY,
  bf16Gemm: 0.5,
  fp8Gemm: 0.5,
  attention: 0.5,
  groupedGemm: 0.5,
  layerOverheadUs: 0,
};
/** Coordinate-descent sweeps: enough for the fp8Gemm / layerOverheadUs valley to settle from TRAINING_FIT_START. */
export const TRAINING_FIT_SWEEPS = 32;

/**
 * Least squares on log(predicted / published) over the fit subset, by coordinate descent
 * with a golden-section search per parameter inside its box (FIT_BOUNDS: fractions in [0.05, 1] —
 * GEMMs of the chip's MAMF, attention of peak — and µs in [0, 3000]). Deterministic, started from
 * TRAINING_FIT_START.
 */
export function fitEfficiency(
  runs: readonly PublishedRun[],
  sweeps = TRAINING_FIT_SWEEPS,
  start: StoredEfficiency = TRAINING_FIT_START,
): { params: StoredEfficiency; loss: number } {
  let params: StoredEfficiency = { ...start };
  const loss = (p: StoredEfficiency) => runs.reduce((s, r) => s + Math.log(predict(r, p).predicted / r.published) ** 2, 0);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const key of FITTED_EFFICIENCY_KEYS) {
      let [a, b] = FIT_BOUNDS[key];
      const g = (Math.sqrt(5) - 1) / 2;
      const f = (x: number) => loss({ ...params, [key]: x });
      let c = b - g * (b - a),
        d = a + g * (b - a);
      let fc = f(c),
        fd = f(d);
      for (let i = 0; i < 30; i++) {
        if (fc < fd) {
          b = d;
          d = c;
          fd = fc;
          c = b - g * (b - a);
          fc = f(c);
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + g * (b - a);
          fd = f(d);
        }
      }
      const candidate = roundParam(key, (a + b) / 2);
      // keep the current value unless the line search found a lower loss (golden section is not global)
      if (loss({ ...params, [key]: candidate }) <= loss(params)) params = { ...params, [key]: candidate };
    }
  }
  return { params, loss: loss(params) };
}
