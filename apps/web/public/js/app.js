// Page entry: one module per section.
import { initAnalysis } from './analysis.js';
import { initAudit } from './audit.js';
import { initInference } from './inference.js';
import { initProgramme } from './programme.js';
import { initRl } from './rl.js';
import { initSavedPlans } from './saved-plans.js';
import { initTco } from './tco.js';
import { initThroughput } from './throughput.js';
import { initTraining } from './training.js';

initAnalysis();
const training = initTraining();
const programme = initProgramme(undefined, training.ready);
initRl();
const inference = initInference();
initThroughput();
initTco();
initAudit();
initSavedPlans({
  openers: {
    // a saved training plan is one run: show the one-run form even when the programme editor is open
    training: (plan) => {
      programme.setMode('run');
      return training.open(plan);
    },
    inference: inference.open,
  },
});
