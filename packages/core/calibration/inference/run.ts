/**
 * Inference calibration: fits the named factors of src/inference/step/efficiency.ts on the FIT half of
 * the measured serving rows and writes docs/inference-accuracy.md with the held-out MAPE of the
 * values IN USE (efficiency.ts), next to the values this run found. Reproducible: deterministic
 * split (FNV-1a of the configuration key) and deterministic coordinate descent.
 * Run: `npx tsx calibration/inference/run.ts` (or `npm run calibrate -w @gcp/core`).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INFERENCE_EFFICIENCY } from '../../src/inference/step/efficiency.js';
import { loadCleanRows } from './clean.js';
import { fitInferenceEngine } from './fit.js';
import { MODEL_MAP, GPU_MAP } from './predict.js';
import { accuracyReport, type AccuracyReport } from './report.js';
import { fitFleetUtilization } from './fleet.js';
import { pct, renderAccuracyDoc, readmeAccuracyLine } from './render.js';
import { FLEET_OPERATIONS } from '../../src/inference/fleet/operations.js';
import { isFitRow, isScoredRow } from './split.js';

export function runInferenceCalibration(opts: { write?: boolean } = {}): AccuracyReport {
  const { rows, report: clean } = loadCleanRows();
  const fitRows = rows.filter((r) => MODEL_MAP[r.modelPath] && GPU_MAP[r.system] && isScoredRow(r) && isFitRow(r));
  const fit = fitInferenceEngine(fitRows);
  const rep = accuracyReport(INFERENCE_EFFICIENCY, rows);
  const fittedRep = accuracyReport(fit.eff, rows);
  const fleet = fitFleetUtilization();
  console.log(
    `inference: fleet utilisation implied prefill ${fleet.prefillImplied.toFixed(3)} decode ${fleet.decodeImplied.toFixed(3)} -> fitted ${fleet.fitted.toFixed(3)} (in use ${FLEET_OPERATIONS.loadFollowingUtilization})`,
  );
  console.log('inference: fitted', JSON.stringify(fit.eff));
  console.log(
    `inference: held-out MAPE (in use) TTFT ${pct(rep.heldOut.ttft)} TPOT ${pct(rep.heldOut.tpot)}; Hopper agg TTFT ${pct(rep.heldOutHopperAgg.ttft)} TPOT ${pct(rep.heldOutHopperAgg.tpot)}`,
  );
  if (opts.write !== false) {
    const out = fileURLToPath(new URL('../../../../docs/inference-accuracy.md', import.meta.url));
    writeFileSync(out, renderAccuracyDoc(INFERENCE_EFFICIENCY, fit.eff, rep, fittedRep, fleet, clean));
    console.log(`inference: wrote ${out}`);
    console.log(`inference: README line: ${readmeAccuracyLine(rep, clean)}`);
  }
  return rep;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runInferenceCalibration();
