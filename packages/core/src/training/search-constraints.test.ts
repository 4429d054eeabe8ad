import { describe, expect, it } from 'vitest';
import { V3_SEARCH } from '../../bench/training-requests.js';
import { PlannerInputError } from '../errors.js';
import { planTraining } from './plan.js';
import type { TrainingRequest } from './types.js';

/** DeepSeek-V3 on 2,048 H800 at its published batch (V3 report §3.1, §4.2), layout searched: the benches' request. */
const V3 = V3_SEARCH;

const LLAMA_8B: TrainingRequest = { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 8192, precision: 'bf16' };

const issuesOf = (req: TrainingRequest): { path: string; message: string }[] => {
  try {
    planTraining(req, { warnings: false });
  } catch (e) {
    if (e instanceof PlannerInputError) return [...e.issues];
    throw e;
  }
  return [];
};
const issuePaths = (req: TrainingRequest) => issuesOf(req).map((i) => i.path);
const issueMessages = (req: TrainingRequest) => issuesOf(req).map((i) => i.message);

describe('layoutConstraints: fields every searched layout keeps', () => {
  const free = planTraining(V3, { warnings: false });

  it('the chosen layout and every alternative keep the constrained fields', () => {
    const noTp = planTraining({ ...V3, layoutConstraints: { tp: 1 } }, { warnings: false });
    const pipelined = planTraining({ ...V3, layoutConstraints: { pp: 16, schedule: 'dualpipe', zero: 1 } }, { warnings: false });
    for (const e of [noTp.parallelism, ...noTp.alternatives.map((a) => a.parallelism)]) expect(e.tp).toBe(1);
    for (const e of [pipelined.parallelism, ...pipelined.alternatives.map((a) => a.parallelism)]) {
      expect([e.pp, e.schedule, e.zero]).toEqual([16, 'dualpipe', 1]);
    }
    expect(pipelined.alternatives.length).toBeGreaterThan(0);
  });

  it('a constraint never makes a plan faster than the free search, and one the free optimum meets changes nothing', () => {
    for (const layoutConstraints of [{ tp: 2 }, { pp: 4 }, { microBatchSize: 2 }, { recompute: 'full' as const }]) {
      expect(planTraining({ ...V3, layoutConstraints }, { warnings: false }).stepTimeSeconds).toBeGreaterThanOrEqual(free.stepTimeSeconds);
    }
    const met = planTraining({ ...V3, layoutConstraints: { tp: free.parallelism.tp, pp: free.parallelism.pp } }, { warnings: false });
    expect(met.parallelism).toEqual(free.parallelism);
    expect(met.stepTimeSeconds).toBe(free.stepTimeSeconds);
  });

  it('all fields constrained plans the same layout as pinning it', () => {
    const layout = {
      tp: 1,
      pp: 16,
      dp: 128,
      ep: 64,
      cp: 1,
      zero: 1,
      microBatchSize: 1,
      schedule: 'dualpipe',
      virtualStages: 1,
      recompute: 'selective',
    } as const;
    const constrained = planTraining({ ...V3, layoutConstraints: layout }, { warnings: false });
    const pinned = planTraining({ ...V3, parallelism: layout }, { warnings: false });
    expect(constrained.parallelism).toEqual(pinned.parallelism);
    expect(constrained.stepTimeSeconds).toBe(pinned.stepTimeSeconds);
  });

  it('a costly constraint draws the speed-up warning, worded for constraints (Llama-3.1-8B on 64 H100 held to TP8 × PP8)', () => {
    const p = planTraining({ ...LLAMA_8B, layoutConstraints: { tp: 8, pp: 8 } });
    const warning = p.warnings.find((w) => w.startsWith('The searched layout'));
    expect(warning).toContain('than the best under layoutConstraints, TP8 · PP8');
    expect(warning).toContain('leave layoutConstraints out to use it');
    expect(planTraining(LLAMA_8B).warnings).toEqual([]);
  });

  it('constraints no layout can meet are input errors on layoutConstraints', () => {
    expect(issuePaths({ ...V3, layoutConstraints: { tp: 3 } })).toEqual(['layoutConstraints']); // 3 does not divide 2,048
    expect(issuePaths({ ...V3, layoutConstraints: { tp: 64, pp: 64 } })).toEqual(['layoutConstraints']); // 4,096 > 2,048 GPUs
    expect(issuePaths({ ...V3, layoutConstraints: { ep: 3 } })).toEqual(['layoutConstraints']); // 256 experts over 3 ranks
    expect(issuePaths({ ...V3, layoutConstraints: { pp: 128 } })).toEqual(['layoutConstraints']); // more stages than 61 layers
  });

  it('names the rule, never the values submitted', () => {
    for (const layoutConstraints of [{ tp: 3 }, { tp: 64, pp: 64 }, { ep: 3 }, { pp: 128 }]) {
      const messages = issueMessages({ ...V3, layoutConstraints }).join(' ');
      expect(messages.length).toBeGreaterThan(0);
      for (const value of [...Object.values(layoutConstraints), V3.gpuCount]) expect(messages).not.toMatch(new RegExp(`\\b${value}\\b`));
    }
  });

  it('giving both parallelism and layoutConstraints is an input error on layoutConstraints', () => {
    expect(issuePaths({ ...V3, parallelism: { tp: 1, pp: 16, dp: 128, ep: 64 }, layoutConstraints: { tp: 1 } })).toEqual(['layoutConstraints']);
  });

  it('empty constraints are the free search', () => {
    const empty = planTraining({ ...V3, layoutConstraints: {} });
    expect(empty.parallelism).toEqual(free.parallelism);
    expect(empty.warnings).toEqual(planTraining(V3).warnings);
  });
});
