// Page entry: one module per section. Training and inference sections will
// add `initTraining()` / `initInference()` from their own modules here.
import { initAnalysis } from './analysis.js';

initAnalysis();
