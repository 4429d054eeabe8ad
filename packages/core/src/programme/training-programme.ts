import {
  convert, getGpu, planTraining, DEFAULT_PRICE_PER_GPU_HOUR_USD, TrainingPlanError,
  type GpuSpec, type OptimizerStatePrecision, type ParallelismInput, type TrainingIssue, type TrainingPlan, type TrainingPrecision, type TrainingRequest,
} from '../index.js';
import { gpuHoursCostUsd, totalGpuHours } from './accounting.js';
import { energyAssumptions, energyFactors, estimateEnergy, type EnergyFactors } from '../cost/energy.js';

/**
 * A training programme: phases run one after another on the same GPUs (pre-training, context
 * extension, SFT, ...), each planned by planTraining at its own sequence length and batch.
 */

/** Most phases one programme may have (a request bound, not physics). */
export const MAX_PROGRAMME_PHASES = 32;
/** Precision of a phase that names none and whose programme names none. */
export const DEFAULT_PROGRAMME_PRECISION: TrainingPrecision = 'bf16';

export interface ProgrammePhase {
  readonly name: string;
  /** Training tokens of the phase; exactly one of tokens and steps. */
  readonly tokens?: number;
  /** Optimizer steps; tokens = steps × batch tokens (whole sequences). */
  readonly steps?: number;
  readonly sequenceLength: number;
  /** Tokens per step (rounded down to whole sequences); exactly one of globalBatchTokens and batchSequences. */
  readonly globalBatchTokens?: number;
  readonly batchSequences?: number;
  readonly precision?: TrainingPrecision;
  readonly parallelism?: ParallelismInput;
}

export interface TrainingProgrammeRequest {
  readonly model: TrainingRequest['model'];
  readonly gpu: TrainingRequest['gpu'];
  readonly gpuCount: number;
  readonly phases: readonly ProgrammePhase[];
  readonly pricePerGpuHourUsd?: number;
  /** Default precision of the phases (each may override); default DEFAULT_PROGRAMME_PRECISION. */
  readonly precision?: TrainingPrecision;
  readonly optimizerStatePrecision?: OptimizerStatePrecision;
  /** Overrides of the energy defaults (cost/energy.ts). */
  readonly energy?: Partial<EnergyFactors>;
}

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
  /** Each phase plan's warnings, prefixed with the phase name. */
  readonly warnings: readonly string[];
  readonly assumptions: readonly string[];
}

const isPosInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1;
const isPosFinite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** Exactly one of two fields: the issue names the missing field, or the second when both are given. */
function exactlyOne(p: Record<string, unknown>, at: string, a: string, b: string): TrainingIssue | null {
  const hasA = p[a] !== undefined;
  const hasB = p[b] !== undefined;
  if (hasA && hasB) return { path: `${at}.${b}`, message: `give exactly one of ${a} and ${b}, not both` };
  if (!hasA && !hasB) return { path: `${at}.${a}`, message: `give exactly one of ${a} and ${b}` };
  return null;
}

function validatePhases(phases: unknown): TrainingIssue[] {
  if (!Array.isArray(phases) || phases.length === 0 || phases.length > MAX_PROGRAMME_PHASES) {
    return [{ path: 'phases', message: `must be a list of 1 to ${MAX_PROGRAMME_PHASES} phases` }];
  }
  const issues: TrainingIssue[] = [];
  phases.forEach((raw: unknown, i) => {
    const at = `phases[${i}]`;
    if (!raw || typeof raw !== 'object') { issues.push({ path: at, message: 'must be an object' }); return; }
    const p = raw as Record<string, unknown>;
    if (typeof p['name'] !== 'string' || p['name'].trim() === '') issues.push({ path: `${at}.name`, message: 'must be a non-empty string' });
    if (!isPosInt(p['sequenceLength'])) issues.push({ path: `${at}.sequenceLength`, message: 'must be a positive integer' });
    const length = exactlyOne(p, at, 'tokens', 'steps');
    if (length) issues.push(length);
    else if (p['tokens'] !== undefined && !isPosFinite(p['tokens'])) issues.push({ path: `${at}.tokens`, message: 'must be a finite number > 0' });
    else if (p['steps'] !== undefined && !isPosInt(p['steps'])) issues.push({ path: `${at}.steps`, message: 'must be a positive integer' });
    const batch = exactlyOne(p, at, 'globalBatchTokens', 'batchSequences');
    if (batch) issues.push(batch);
    else if (p['batchSequences'] !== undefined && !isPosInt(p['batchSequences'])) issues.push({ path: `${at}.batchSequences`, message: 'must be a positive integer' });
    else if (p['globalBatchTokens'] !== undefined && !isPosFinite(p['globalBatchTokens'])) issues.push({ path: `${at}.globalBatchTokens`, message: 'must be a finite number > 0' });
  });
  return issues;
}

function resolveGpuSpec(gpu: TrainingRequest['gpu']): GpuSpec {
  if (typeof gpu !== 'string') return gpu;
  const g = getGpu(gpu);
  if (!g) throw new TrainingPlanError('unknown', [{ path: 'gpu', message: 'is not a GPU id in the catalog (GET /v1/gpus lists them)' }]);
  return g;
}

/** planTraining's issues re-rooted under the phase (programme-level fields keep their own path). */
function underPhase(e: TrainingPlanError, at: string): TrainingPlanError {
  const programmeLevel = new Set(['model', 'gpu', 'gpuCount', 'pricePerGpuHourUsd', 'optimizerStatePrecision']);
  return new TrainingPlanError(e.kind, e.issues.map((i) => (programmeLevel.has(i.path.split('.')[0] ?? '') ? i : { ...i, path: `${at}.${i.path}` })));
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
  const issues = validatePhases(req.phases);
  if (issues.length > 0) throw new TrainingPlanError('invalid', issues);
  const gpu = resolveGpuSpec(req.gpu);
  const price = req.pricePerGpuHourUsd ?? DEFAULT_PRICE_PER_GPU_HOUR_USD;
  const phases = req.phases.map((p, i): ProgrammePhaseResult => {
    const shape = phaseShape(p);
    let plan: TrainingPlan;
    try {
      plan = planTraining({
        model: req.model, gpu: req.gpu, gpuCount: req.gpuCount, tokens: shape.tokens, sequenceLength: p.sequenceLength,
        globalBatchTokens: shape.batchSequences * p.sequenceLength, precision: p.precision ?? req.precision ?? DEFAULT_PROGRAMME_PRECISION,
        pricePerGpuHourUsd: price,
        ...(req.optimizerStatePrecision ? { optimizerStatePrecision: req.optimizerStatePrecision } : {}),
        ...(p.parallelism ? { parallelism: p.parallelism } : {}),
      });
    } catch (e) {
      throw e instanceof TrainingPlanError ? underPhase(e, `phases[${i}]`) : e;
    }
    return {
      name: p.name, gpuHours: plan.gpuHours, wallClockDays: plan.wallClockDays, costUsd: gpuHoursCostUsd(plan.gpuHours, price),
      tokens: shape.tokens, steps: shape.steps, plan,
    };
  });
  const gpuHours = totalGpuHours(phases);
  const wallClockDays = phases.reduce((s, p) => s + p.wallClockDays, 0);
  const factors = energyFactors(req.energy ?? {});
  const energy = estimateEnergy({ gpuCount: req.gpuCount, tdpW: gpu.tdpW.value, hours: convert(wallClockDays, 'day', 'h'), ...factors }).energyMWh;
  return {
    phases,
    totals: { gpuHours, wallClockDays, costUsd: gpuHoursCostUsd(gpuHours, price), energyMWh: energy },
    pricePerGpuHourUsd: price,
    warnings: phases.flatMap((p) => p.plan.warnings.map((w) => `${p.name}: ${w}`)),
    assumptions: [
      `Phases run one after another on the same ${req.gpuCount} GPUs; no time between phases, no re-sharding or evaluation time.`,
      'Each phase is planned by planTraining at its own sequence length and batch: its layout is searched (or pinned) independently; see each plan\'s assumptions.',
      'A phase given in steps trains steps × batch tokens (batch rounded down to whole sequences).',
      `Cost = GPU-hours × $${price} per GPU-hour${req.pricePerGpuHourUsd === undefined ? ' (default: DeepSeek-V3 report Table 1 rental assumption)' : ''}.`,
      ...energyAssumptions(factors),
    ],
  };
}
