// Page entry: one module per section.
import { initAnalysis } from './analysis.js';
import { initInference } from './inference.js';
import { initSavedPlans } from './saved-plans.js';
import { initThroughput } from './throughput.js';
import { initTraining } from './training.js';

initAnalysis();
const training = initTraining();
const inference = initInference();
initThroughput();
initSavedPlans({ openers: { training: training.open, inference: inference.open } });
