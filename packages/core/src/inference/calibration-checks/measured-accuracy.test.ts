import { describe, expect, it } from 'vitest';
import { accuracyReport } from '../../../calibration/inference/report.js';
import { loadCleanRows } from '../../../calibration/inference/clean.js';
import { engineBatch } from '../../../calibration/inference/predict.js';
import { isScoredRow } from '../../../calibration/inference/split.js';
import { HOPPER_AGG_TPOT_CEILING, HOPPER_AGG_TTFT_CEILING } from '../../../calibration/inference/ceilings.js';

/**
 * Held-out accuracy on measured serving rows (aiconfigurator silicon sample, Apache-2.0, copy in
 * calibration/inference/data). Ceilings (calibration/inference/ceilings.ts) on the Hopper aggregated
 * held-out rows of catalog models. Only rows with concurrency above the engine's batch (batch_size ×
 * tp × attention-DP; none after cleaning) would leave the score; the planner's KV estimate never
 * removes a row (calibration/inference/split.ts).
 */
describe('measured serving accuracy (held-out half)', () => {
  const rep = accuracyReport();

  it('covers enough held-out rows to mean something', () => {
    expect(rep.heldOutHopperAgg.n).toBeGreaterThan(200);
  });

  it(`TPOT MAPE ≤ ${HOPPER_AGG_TPOT_CEILING * 100}% on Hopper aggregated rows`, () => {
    expect(rep.heldOutHopperAgg.tpot).toBeLessThanOrEqual(HOPPER_AGG_TPOT_CEILING);
  });

  it(`TTFT MAPE ≤ ${HOPPER_AGG_TTFT_CEILING * 100}% on Hopper aggregated rows`, () => {
    expect(rep.heldOutHopperAgg.ttft).toBeLessThanOrEqual(HOPPER_AGG_TTFT_CEILING);
  });

  it('every aggregated row with concurrency ≤ its batch is scored, whatever the planner thinks its KV holds', () => {
    for (const r of loadCleanRows().rows) if (r.mode === 'agg' && r.concurrency <= engineBatch(r)) expect(isScoredRow(r), r.id).toBe(true);
    expect(rep.heldOutKvLimited.n).toBeGreaterThan(0); // rows the planner predicts with a slot wait stay in the score
  });
});
