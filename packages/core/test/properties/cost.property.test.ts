import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  auditTrainingClaim,
  estimateEnergy,
  getModel,
  listModels,
  planOwnership,
  planRlPostTraining,
  planTrainingProgramme,
} from '../../src/index.js';
import { badNumbers, rel } from './numbers.js';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });

describe('cost, energy and programme properties', () => {
  it('energy is linear in PUE, hours and GPUs; CO₂ = energy × grid intensity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        positive(100, 1500),
        positive(1, 1e5),
        positive(1, 3),
        positive(1, 3),
        positive(0, 2),
        (gpus, tdp, hours, pue, k, grid) => {
          const base = estimateEnergy({ gpuCount: gpus, tdpW: tdp, hours, pue, gridKgCo2PerKwh: grid });
          const morePue = estimateEnergy({ gpuCount: gpus, tdpW: tdp, hours, pue: pue * k });
          const longer = estimateEnergy({ gpuCount: gpus, tdpW: tdp, hours: hours * k, pue });
          return (
            rel(morePue.energyMWh, base.energyMWh * k) < 1e-12 &&
            rel(longer.energyMWh, base.energyMWh * k) < 1e-12 &&
            rel(estimateEnergy({ gpuCount: gpus * 2, tdpW: tdp, hours, pue }).energyMWh, 2 * base.energyMWh) < 1e-12 &&
            rel(base.co2Tonnes ?? Number.NaN, base.energyMWh * grid) < 1e-12
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('renting a run costs its GPU-hours × the rental price; owning never gets cheaper with dearer electricity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('h100', 'h800', 'a100', 'b200'),
        fc.integer({ min: 1, max: 4096 }),
        positive(0.5, 20),
        positive(1, 1e8),
        positive(0, 1),
        positive(0, 1),
        (gpu, gpuCount, rent, gpuHours, a, b) => {
          const [cheap, dear] = a <= b ? [a, b] : [b, a];
          const at = (usdPerKwh: number) => planOwnership({ gpu, gpuCount, rentUsdPerGpuHour: rent, usdPerKwh, run: { gpuHours } });
          const low = at(cheap);
          const high = at(dear);
          expect(badNumbers(low, (path) => path.includes('breakEven'))).toEqual([]);
          return (
            rel(low.runCostUsd?.rent ?? Number.NaN, gpuHours * rent) < 1e-12 &&
            high.effectiveUsdPerGpuHour.own >= low.effectiveUsdPerGpuHour.own * (1 - 1e-12) &&
            high.effectiveUsdPerGpuHour.rent === low.effectiveUsdPerGpuHour.rent
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the power share of the owned GPU-hour is linear in the electricity price', () => {
    fc.assert(
      fc.property(fc.constantFrom('h100', 'h800', 'b200'), positive(0.01, 1), positive(1, 5), (gpu, usdPerKwh, k) => {
        const power = (price: number) => planOwnership({ gpu, gpuCount: 1024, usdPerKwh: price }).breakdown.usdPerGpuHour.power;
        return rel(power(usdPerKwh * k), k * power(usdPerKwh)) < 1e-9;
      }),
      { numRuns: 40 },
    );
  });

  it('an audit implies tokens ÷ (GPU-hours × 3600) per GPU, and twice the GPU-hours halves the implied MFU', () => {
    fc.assert(
      fc.property(positive(1e9, 1e14), positive(1e3, 1e8), (tokens, gpuHours) => {
        const claim = { model: 'llama-3.1-8b', tokens, gpu: 'h100', gpuCount: 1024, precision: 'bf16' as const, gpuHours };
        const a = auditTrainingClaim(claim);
        const b = auditTrainingClaim({ ...claim, gpuHours: gpuHours * 2 });
        return rel(a.impliedTokensPerSecondPerGpu, tokens / (gpuHours * 3600)) < 1e-9 && rel(b.impliedMfu, a.impliedMfu / 2) < 1e-9;
      }),
      { numRuns: 20 },
    );
  });

  it("a programme's totals are the sums of its phases", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tokens: positive(1e9, 1e12), sequenceLength: fc.constantFrom(2048, 4096, 8192), batch: fc.constantFrom(256, 512, 1024) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (phases) => {
          const programme = planTrainingProgramme({
            model: 'llama-3.1-8b',
            gpu: 'h100',
            gpuCount: 64,
            precision: 'bf16',
            phases: phases.map((p, i) => ({ name: `phase ${i}`, tokens: p.tokens, sequenceLength: p.sequenceLength, batchSequences: p.batch })),
          });
          const sum = (pick: (phase: (typeof programme.phases)[number]) => number) => programme.phases.reduce((total, phase) => total + pick(phase), 0);
          return (
            rel(
              programme.totals.gpuHours,
              sum((p) => p.gpuHours),
            ) < 1e-9 &&
            rel(
              programme.totals.costUsd,
              sum((p) => p.costUsd),
            ) < 1e-9 &&
            rel(
              programme.totals.wallClockDays,
              sum((p) => p.wallClockDays),
            ) < 1e-9
          );
        },
      ),
      { numRuns: 10 },
    );
  });

  it('PPO is never cheaper than GRPO for the same policy and rollouts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 16, max: 8192 }),
        fc.integer({ min: 16, max: 16_384 }),
        (prompts, group, promptTokens, responseTokens) => {
          const plan = planRlPostTraining({
            model: 'llama-3.1-8b',
            gpu: 'h100',
            gpuCount: 16,
            promptsPerStep: prompts,
            groupSize: group,
            promptTokens,
            responseTokens,
            steps: 10,
          });
          return plan.ppo.costUsd >= plan.grpo.costUsd && plan.ppoToGrpoCostRatio >= 1;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('every catalog model: activated ≤ total parameters; training FLOPs > forward FLOPs; both grow with the context', () => {
    const ids = listModels().map((model) => model.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 1, max: 65_536 }), fc.integer({ min: 2, max: 4 }), (id, sequenceLength, k) => {
        const arch = getModel(id)?.architecture;
        if (arch === undefined) return false;
        const short = analyzeModel(arch, { sequenceLength });
        const long = analyzeModel(arch, { sequenceLength: sequenceLength * k });
        return (
          short.activeParams <= short.totalParams &&
          short.trainingFlopsPerToken > short.forwardFlopsPerToken &&
          long.trainingFlopsPerToken > short.trainingFlopsPerToken &&
          long.forwardFlopsPerToken > short.forwardFlopsPerToken
        );
      }),
      { numRuns: 80 },
    );
  });
});
