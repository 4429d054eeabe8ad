/**
 * `npm run calibrate -w @gcp/core`: every calibration of the planning core.
 * Each planner adds its own entry here (the inference calibration goes below the training one).
 */
import { runTrainingCalibration } from './training/run.js';
import { runInferenceCalibration } from './inference/run.js';
import { runBandsCalibration } from './bands/run.js';

const calibrations: Array<[string, () => unknown]> = [
  ['training', () => runTrainingCalibration()],
  ['inference', () => runInferenceCalibration()],
  // after both: the bands are the residuals of the parameters in use
  ['error bands', () => runBandsCalibration()],
];

for (const [name, run] of calibrations) {
  console.log(`\n=== ${name} calibration ===`);
  run();
}
