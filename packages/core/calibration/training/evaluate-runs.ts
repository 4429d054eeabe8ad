import { planTraining, type EfficiencyParameters, type TrainingPlan } from '../../src/index.js';
import type { PublishedRun } from './published-runs.js';

export interface RunResult {
  readonly run: PublishedRun;
  readonly predicted: number;
  /** (predicted − published) / published */
  readonly relativeError: number;
  readonly plan: TrainingPlan;
}

export function predict(run: PublishedRun, eff?: Partial<EfficiencyParameters>): RunResult {
  // the fit reads only the numbers: no warning probes (they re-run the layout search)
  const plan = planTraining({ ...run.request, ...(eff ? { efficiency: eff } : {}), alternatives: 0 }, { warnings: false });
  const predicted = run.metric === 'mfu' ? plan.mfu : plan.tokensPerSecondPerGpu;
  return { run, predicted, relativeError: (predicted - run.published) / run.published, plan };
}
