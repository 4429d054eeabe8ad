// Page entry: one module per section; then the URL: `?plan=<id>` opens a saved plan, any other
// state (url-state.js) fills the forms and plans the results it names.
import { initAnalysis } from './analysis.js';
import { initAudit } from './audit.js';
import { initCompare } from './compare.js';
import { initInference } from './inference.js';
import { initProgramme } from './programme.js';
import { initRl } from './rl.js';
import { initSavedPlans } from './saved-plans.js';
import { initTco } from './tco.js';
import { initThroughput } from './throughput.js';
import { initTraining } from './training.js';
import { followHistory, openedWithoutRestore, restoreFromUrl } from './url-state.js';

initAnalysis();
const training = initTraining();
const programme = initProgramme(undefined, training.ready);
initRl();
const inference = initInference();
initThroughput();
initTco();
initAudit();
initCompare();
const saved = initSavedPlans({
  openers: {
    // a saved training plan is one run: show the one-run form even when the programme editor is open
    training: (plan) => {
      programme.setMode('run');
      return training.open(plan);
    },
    inference: inference.open,
  },
});

const planId = new URLSearchParams(location.search).get('plan');
if (planId) {
  openedWithoutRestore();
  saved.openById(planId);
} else {
  // data-restored: the forms now show the URL (what an end-to-end test waits for)
  restoreFromUrl({ opening: true }).then(() => document.body.setAttribute('data-restored', ''));
}
followHistory((id) => saved.openById(id));
