// Page entry: one module per section.
import { initAnalysis } from './analysis.js';
import { initInference } from './inference.js';
import { initThroughput } from './throughput.js';
import { initTraining } from './training.js';

initAnalysis();
initTraining();
initInference();
initThroughput();
