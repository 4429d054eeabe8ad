import { describe, expect, it } from 'vitest';
import { fitEfficiency } from '../../calibration/training/fit.js';
import { PUBLISHED_RUNS } from '../../calibration/training/published-runs.js';
import { DEFAULT_EFFICIENCY, FITTED_EFFICIENCY_KEYS } from './efficiency.js';

describe('training efficiency parameters', () => {
  it('the stored values equal a fresh fit on the fit rows within 1% (npm run calibrate prints both)', () => {
    const fit = fitEfficiency(PUBLISHED_RUNS.filter((r) => r.fit));
    for (const k of FITTED_EFFICIENCY_KEYS) expect(Math.abs(fit.params[k] / DEFAULT_EFFICIENCY[k] - 1), k).toBeLessThan(0.01);
  }, 60_000);
});
