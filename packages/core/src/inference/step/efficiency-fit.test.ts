import { describe, expect, it } from 'vitest';
import { loadCleanRows } from '../../../calibration/inference/clean.js';
import { fitInferenceEngine } from '../../../calibration/inference/fit.js';
import { isFitRow, isScoredRow } from '../../../calibration/inference/split.js';
import { INFERENCE_EFFICIENCY, type InferenceEfficiency } from './efficiency.js';

/** Every number of an efficiency object, by name (stepOverheadMs per backend). */
function flat(e: InferenceEfficiency): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(e)) {
    if (typeof v === 'number') out[k] = v;
    else for (const [b, x] of Object.entries(v as Record<string, number>)) out[`${k}.${b}`] = x;
  }
  return out;
}

/**
 * The stored engine parameters are a fit, not a choice: a fresh fit (fit.ts fitInferenceEngine,
 * from its fixed start FIT_START, on the FIT configurations of the committed split over the
 * cleaned rows) reproduces every stored value within 1%. Runs the fit (~10-20 s).
 */
describe('inference engine parameters', () => {
  it('equal a fresh fit on the fit rows within 1%', () => {
    const fitRows = loadCleanRows().rows.filter((r) => isScoredRow(r) && isFitRow(r));
    const fresh = flat(fitInferenceEngine(fitRows).eff);
    const stored = flat(INFERENCE_EFFICIENCY);
    expect(Object.keys(stored).sort()).toEqual(Object.keys(fresh).sort());
    for (const [k, v] of Object.entries(fresh)) expect(Math.abs((stored[k] ?? Number.NaN) / v - 1), k).toBeLessThanOrEqual(0.01);
  }, 60_000);
});
