import type { TrainingProgrammeRequestBody } from '@gcp/contract';
import { resolveGpuId } from '../catalog-inputs.js';
import { PlannerInputError } from '../errors.js';
import { priceAssumption, priceUsed, type PriceUsed } from '../prices/price-used.js';
import { convert, planTraining, type TrainingPlan, type TrainingPrecision } from '../index.js';
import type { Explanations } from '@gcp/contract';
import { explainEnergy } from '../explain/energy.js';
import { explainProgramme } from '../explain/programme.js';
import { gpuHoursCostUsd, totalGpuHours } from './accounting.js';
import { energyAssumptions, energyFactors, estimateEnergy, type EnergyFactors } from '../cost/energy.js';

/**
 * A training programme: phases run one after another on the same GPUs (pre-training, context
 * extension, SFT, ...), each planned by planTraining at its own sequence length and batch.
 */

export { MAX_PROGRAMME_PHASES } from '@gcp/contract';
/** Precision of a phase that names none and whose programme names none. */
export const DEFAULT_PROGRAMME_PRECISION: TrainingPrecision = 'bf16';

/**
 * POST /v1/training/program body, validated by the contract (exactly one of tokens / steps and
 * of globalBatchTokens / batchSequences per phase); `energy` overrides the energy defaults.
 */
export type TrainingProgrammeRequest = TrainingProgrammeRequestBody & { readonly energy?: Partial<EnergyFactors> };
export type ProgrammePhase = TrainingProgrammeRequestBody['phases'][number];

export interface ProgrammePhaseResult {
  readonly name: string;
  readonly gpuHours: number;
  readonly wallClockDays: number;
  readonly costUsd: number;
  readonly tokens: number;
  readonly steps: number;
  readonly plan: TrainingPlan;
}

export interface TrainingProgramme {
  readonly phases: readonly ProgrammePhaseResult[];
  readonly totals: { readonly gpuHours: number; readonly wallClockDays: number; readonly costUsd: number; readonly energyMWh: number };
  readonly pricePerGpuHourUsd: number;
  /** The rental price charged and where it came from (the request, or the GPU's price file). */
  readonly price: PriceUsed;
  /** Each phase plan's warnings, prefixed with the phase name. */
  readonly warnings: readonly string[];
  readonly assumptions: readonly string[];
  /** Formula and values of each total (each phase's plan explains its own numbers). */
  readonly explanations: Explanations;
}

/** planTraining's issues re-rooted under the phase (programme-level fields keep their own path). */
function underPhase(e: PlannerInputError, at: string): PlannerInputError {
  const programmeLevel = new Set(['model', 'gpu', 'gpuCount', 'pricePerGpuHourUsd', 'optimizerStatePrecision', 'gradientPrecision', 'fp8Scaling']);
  return new PlannerInputError(
    e.kind,
    e.issues.map((i) => (programmeLevel.has(i.path.split('.')[0] ?? '') ? i : { ...i, path: `${at}.${i.path}` })),
  );
}

/** Tokens and whole-sequence batch of a validated phase. */
function phaseShape(p: ProgrammePhase): { tokens: number; batchSequences: number; steps: number } {
  const seq = p.sequenceLength;
  const batchSequences = p.batchSequences ?? Math.max(1, Math.floor((p.globalBatchTokens as number) / seq));
  const batchTokens = batchSequences * seq;
  if (p.steps !== undefined) return { tokens: p.steps * batchTokens, batchSequences, steps: p.steps };
  const tokens = p.tokens as number;
  return { tokens, batchSequences, steps: tokens / batchTokens };
}

/** Plan every phase of a training programme and total GPU-hours, wall-clock, cost and energy. */
export function planTrainingProgramme(req: TrainingProgrammeRequest): TrainingProgramme {
  const gpu = resolveGpuId(req.gpu);
  const priceInfo = priceUsed(req.gpu, req.pricePerGpuHourUsd);
  const price = priceInfo.usdPerGpuHour;
  const phases = req.phases.map((p, i): ProgrammePhaseResult => {
    const shape = phaseShape(p);
    let plan: TrainingPlan;
    try {
      plan = planTraining({
        model: req.model,
        gpu: req.gpu,
        gpuCount: req.gpuCount,
        tokens: shape.tokens,
        sequenceLength: p.sequenceLength,
        globalBatchTokens: shape.batchSequences * p.sequenceLength,
        precision: p.precision ?? req.precision ?? DEFAULT_PROGRAMME_PRECISION,
        pricePerGpuHourUsd: price,
        ...(req.optimizerStatePrecision ? { optimizerStatePrecision: req.optimizerStatePrecision } : {}),
        ...(req.gradientPrecision ? { gradientPrecision: req.gradientPrecision } : {}),
        ...(req.fp8Scaling ? { fp8Scaling: req.fp8Scaling } : {}),
        ...(p.parallelism ? { parallelism: p.parallelism } : {}),
        ...(p.layoutConstraints ? { layoutConstraints: p.layoutConstraints } : {}),
      });
    } catch (e) {
      throw e instanceof PlannerInputError ? underPhase(e, `phases.${i}`) : e;
    }
    return {
      name: p.name,
      gpuHours: plan.gpuHours,
      wallClockDays: plan.wallClockDays,
      costUsd: gpuHoursCostUsd(plan.gpuHours, price),
      tokens: shape.tokens,
      steps: shape.steps,
      plan,
    };
  });
  const gpuHours = totalGpuHours(phases);
  const wallClockDays = phases.reduce((s, p) => s + p.wallClockDays, 0);
  const factors = energyFactors(req.energy ?? {});
  const hours = convert(wallClockDays, 'day', 'h');
  const energy = estimateEnergy({ gpuCount: req.gpuCount, tdpW: gpu.tdpW.value, hours, ...factors }).energyMWh;
  const totals = { gpuHours, wallClockDays, costUsd: gpuHoursCostUsd(gpuHours, price), energyMWh: energy };
  return {
    phases,
    totals,
    pricePerGpuHourUsd: price,
    price: priceInfo,
    warnings: phases.flatMap((p) => p.plan.warnings.map((w) => `${p.name}: ${w}`)),
    assumptions: [
      `Phases run one after another on the same ${req.gpuCount} GPUs; no time between phases, no re-sharding or evaluation time.`,
      "Each phase is planned by planTraining at its own sequence length and batch: its layout is searched (or pinned) independently; see each plan's assumptions.",
      'A phase given in steps trains steps × batch tokens (batch rounded down to whole sequences).',
      `Cost = GPU-hours × ${priceAssumption(priceInfo)}.`,
      ...energyAssumptions(factors),
    ],
    explanations: explainProgramme({
      phases,
      totals,
      pricePerGpuHourUsd: price,
      energy: explainEnergy(req.gpuCount, gpu.tdpW.value, factors, hours, energy),
    }),
  };
}
