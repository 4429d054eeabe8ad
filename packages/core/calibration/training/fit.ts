import { DEFAULT_EFFICIENCY, FITTED_EFFICIENCY_KEYS, type EfficiencyParameters } from '../../src/index.js';
import { predict } from './evaluate-runs.js';
import type { PublishedRun } from './published-runs.js';

/**
 * Least squares on log(predicted / published) over the fit subset, by coordinate descent
 * with a golden-section search per parameter in [0.05, 1]. Deterministic.
 */
export function fitEfficiency(runs: readonly PublishedRun[], sweeps = 6): { params: EfficiencyParameters; loss: number } {
  let params: EfficiencyParameters = { ...DEFAULT_EFFICIENCY };
  const loss = (p: EfficiencyParameters) => runs.reduce((s, r) => s + Math.log(predict(r, p).predicted / r.published) ** 2, 0);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const key of FITTED_EFFICIENCY_KEYS) {
      let a = 0.05, b = 1;
      const g = (Math.sqrt(5) - 1) / 2;
      const f = (x: number) => loss({ ...params, [key]: x });
      let c = b - g * (b - a), d = a + g * (b - a);
      let fc = f(c), fd = f(d);
      for (let i = 0; i < 30; i++) {
        if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
        else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
      }
      params = { ...params, [key]: Math.round(((a + b) / 2) * 1000) / 1000 };
    }
  }
  return { params, loss: loss(params) };
}
