import { PIN_OR_CONSTRAIN_MESSAGE, TRAINING_BOUNDS } from '@gcp/contract';
import { trainingCalibration } from '../calibration-bands/lookup.js';
import type { CalibrationSummary } from '../calibration-bands/types.js';
import { PlannerInputError, type PlannerIssue } from '../errors.js';
import { getGpu } from '../gpus/catalog.js';
import type { GpuSpec } from '../gpus/types.js';
import { getModel } from '../models/catalog.js';
import { normalizeConfig } from '../models/normalize-config.js';
import type { ModelArchitecture } from '../models/types.js';
import { estimateEnergy } from '../cost/energy.js';
import { priceAssumption, priceUsed, type PriceUsed } from '../prices/price-used.js';
import { convert } from '../units/units.js';
import { createContext, stagesFor } from './context.js';
import { resolveEfficiency, type EfficiencyParameters } from './efficiency.js';
import { evaluateLayout } from './evaluate/assemble.js';
import { expertParallelDomain } from './layout-math.js';
import { RUNTIME_RESERVE_GB } from './memory.js';
import { searchLayouts } from './search/branch-and-bound.js';
import { searchConstraints } from './search-constraints.js';
import type { Fp8Scaling, GradientPrecision, Layout, LayoutEvaluation, MemoryBreakdown, TimeBreakdown, TrainingRequest } from './types.js';
import { trainingWarnings } from './warnings.js';
import { explainTraining } from '../explain/training.js';
import type { Explanations } from '@gcp/contract';

/** Tokens per optimizer step when the request gives none (4M, Llama 3's early batch). */
export const DEFAULT_GLOBAL_BATCH_TOKENS = 4 * 1024 * 1024;
/** Alternative layouts a plan lists when the request does not say (at most TRAINING_BOUNDS.alternatives). */
export const DEFAULT_ALTERNATIVES = 5;

export const MFU_BASIS =
  'main-model training FLOPs per token (6 × matmul parameters incl. LM head, plus causal attention QKᵀ/AV ×3; MTP modules excluded) × tokens per second per GPU ÷ dense BF16 peak of the GPU, even for FP8 runs (the DeepSeek/Meta convention). Step time does include MTP compute.';

export interface AlternativeLayout {
  readonly parallelism: Layout;
  readonly stepTimeSeconds: number;
  readonly tokensPerSecondPerGpu: number;
  readonly mfu: number;
  readonly gpuHours: number;
  readonly memoryPerGpuBytes: number;
  readonly bottleneck: string;
}

export interface TrainingPlan {
  /** 80% prediction intervals on tokensPerSecondPerGpu and gpuHours from held-out residuals (calibration-bands/). */
  readonly calibration: CalibrationSummary;
  /** A layout that fits was found (a pinned layout that does not fit reports fits: false). */
  readonly feasible: boolean;
  readonly fits: boolean;
  readonly reasons: readonly string[];
  /** Inputs that waste the cluster: a global batch too small for the GPU count, a pinned layout far from the best (see warnings.ts). */
  readonly warnings: readonly string[];
  readonly model: string;
  readonly gpu: string;
  readonly gpuCount: number;
  readonly precision: TrainingRequest['precision'];
  /** Gradient buffers and their data-parallel reduction, as planned (the request's, FP32 by default). */
  readonly gradientPrecision: GradientPrecision;
  /** FP8 scaling recipe, as planned (the request's, delayed by default; no effect under BF16). */
  readonly fp8Scaling: Fp8Scaling;
  readonly tokens: number;
  readonly sequenceLength: number;
  readonly globalBatchTokens: number;
  readonly globalBatchSequences: number;
  readonly steps: number;
  readonly gpuHours: number;
  readonly wallClockDays: number;
  readonly costUsd: number;
  readonly pricePerGpuHourUsd: number;
  /** The rental price charged and where it came from (the request, or the GPU's price file). */
  readonly price: PriceUsed;
  /** Facility energy of the run (GPU mean draw × server factor × PUE × wall-clock), MWh. */
  readonly energyMWh: number;
  /** Tonnes of CO₂ when the request gives gridKgCo2PerKwh. */
  readonly co2Tonnes?: number;
  readonly tokensPerSecondPerGpu: number;
  readonly stepTimeSeconds: number;
  readonly mfu: number;
  readonly mfuBasis: string;
  readonly trainingFlopsPerToken: number;
  readonly parallelism: Layout;
  readonly layersPerStage: readonly number[];
  readonly microBatchesPerStep: number;
  readonly memoryPerGpuBytes: MemoryBreakdown;
  readonly hbmCapacityBytes: number;
  readonly timeBreakdown: TimeBreakdown;
  readonly bottleneck: string;
  readonly alternatives: readonly AlternativeLayout[];
  readonly rejectedLayouts: Readonly<Record<string, number>>;
  readonly layoutsConsidered: number;
  readonly layoutsTimed: number;
  readonly layoutsPruned: number;
  readonly cluster: {
    readonly gpusPerNode: number;
    readonly nodes: number;
    readonly scaleUpGBpsPerDirection: { readonly nominal: number; readonly effective: number };
    readonly scaleOutGBpsPerDirection: { readonly nominal: number; readonly effective: number };
  };
  readonly efficiencyParameters: EfficiencyParameters;
  readonly assumptions: readonly string[];
  /** Formula and values of each headline number (explain/training.ts). */
  readonly explanations: Explanations;
}

export interface TrainingPlanOptions {
  /**
   * Compute `warnings` (default true). Their probes re-run the layout search (several times for a
   * small batch); callers that read only the numbers (calibration fits) turn them off.
   */
  readonly warnings?: boolean;
  /**
   * false: the warnings' probes search in full, without the limits that skip what cannot change a
   * warning (warnings.ts). The same warnings, slower: the reference for tests. Default true.
   */
  readonly warningProbeLimits?: boolean;
}

/**
 * The rules a request must satisfy beyond its schema (types and bounds are the contract's):
 * FP8 needs FP8 tensor cores on the GPU, and a pinned layout must multiply out to gpuCount with
 * ep dividing tp × dp. Returns every broken rule ('invalid' input).
 */
function requestIssues(req: TrainingRequest, gpu: GpuSpec): PlannerIssue[] {
  const issues: PlannerIssue[] = [];
  if (req.precision === 'fp8' && !gpu.denseTflops.fp8)
    issues.push({ path: 'precision', message: `fp8 is not available on ${gpu.name} (no FP8 tensor cores); use bf16` });
  const p = req.parallelism;
  if (p && req.layoutConstraints) issues.push({ path: 'layoutConstraints', message: PIN_OR_CONSTRAIN_MESSAGE });
  if (p) {
    if (issues.length === 0 && p.tp * p.pp * p.dp * (p.cp ?? 1) !== req.gpuCount) {
      issues.push({ path: 'parallelism', message: 'tp × pp × dp (× cp) must equal gpuCount' });
    }
    if (issues.length === 0 && expertParallelDomain(p.tp, p.dp) % p.ep !== 0) issues.push({ path: 'parallelism.ep', message: 'must divide tp × dp' });
  }
  return issues;
}

function resolveModel(req: TrainingRequest): { arch: ModelArchitecture; id: string } {
  if (typeof req.model === 'string') {
    const m = getModel(req.model);
    if (!m) throw PlannerInputError.at('model', 'is not a model id in the catalog (GET /v1/models lists them)', 'unknown');
    return { arch: m.architecture, id: m.id };
  }
  try {
    const arch = normalizeConfig(req.model.config);
    return { arch, id: arch.name };
  } catch (e) {
    if (e instanceof PlannerInputError) throw e.under('model');
    throw e;
  }
}

function resolveGpu(req: TrainingRequest): GpuSpec {
  if (typeof req.gpu !== 'string') return req.gpu;
  const g = getGpu(req.gpu);
  if (!g) throw PlannerInputError.at('gpu', 'is not a GPU id in the catalog (GET /v1/gpus lists them)', 'unknown');
  return g;
}

/**
 * Plan a pre-training run: the fastest layout that fits (or the pinned one), its step time,
 * GPU-hours, cost, MFU, memory and time breakdowns. Takes a request that passed the contract's
 * schema; throws PlannerInputError for the rules that need the catalogs and the model.
 */
export function planTraining(req: TrainingRequest, options: TrainingPlanOptions = {}): TrainingPlan {
  const gpu = resolveGpu(req);
  const issues = requestIssues(req, gpu);
  if (issues.length > 0) throw new PlannerInputError('invalid', issues);
  const { arch, id } = resolveModel(req);
  const seq = req.sequenceLength;
  const batchTokens = req.globalBatchTokens ?? Math.max(seq, DEFAULT_GLOBAL_BATCH_TOKENS);
  const globalBatchSequences = Math.max(1, Math.floor(batchTokens / seq));
  const eff = resolveEfficiency(gpu, req.efficiency);
  const ctx = createContext({
    arch,
    gpu,
    gpuCount: req.gpuCount,
    sequenceLength: seq,
    globalBatchSequences,
    precision: req.precision,
    optimizer: req.optimizerStatePrecision ?? 'fp32',
    gradients: req.gradientPrecision ?? 'fp32',
    fp8Scaling: req.fp8Scaling ?? 'delayed',
    attentionKernel: req.attentionKernel ?? 'flash',
    tpCommOverlap: req.tpCommOverlap ?? false,
    eff,
    ...(req.cluster ? { cluster: req.cluster } : {}),
  });

  const { fixed, pinnedBy } = searchConstraints(req, ctx);
  // the chosen layout and its alternatives
  const alternativesWanted = req.alternatives ?? DEFAULT_ALTERNATIVES;
  const keep = Math.max(1, Math.min(TRAINING_BOUNDS.alternatives, alternativesWanted) + 1);
  const outcome = searchLayouts(ctx, fixed, keep);
  let chosen: LayoutEvaluation | null = outcome.ranked[0] ?? outcome.closestNonFitting;
  if (!chosen && pinnedBy) {
    // nothing structurally valid among the searched options: the pin or the constraints are why
    const reasons = Object.keys(outcome.rejected);
    throw PlannerInputError.at(pinnedBy, reasons.length ? reasons.join('; ') : 'no valid layout');
  }
  if (!chosen) {
    throw PlannerInputError.at(
      'gpuCount',
      `no layout of ${req.gpuCount} GPUs satisfies the structural rules for this model and batch: ${Object.keys(outcome.rejected).join('; ')}`,
      'unsupported',
    );
  }
  if (stagesFor(ctx, chosen.layout.pp) === null) chosen = evaluateLayout(ctx, chosen.layout);

  const priceInfo = priceUsed(typeof req.gpu === 'string' ? req.gpu : req.gpu.id, req.pricePerGpuHourUsd);
  const price = priceInfo.usdPerGpuHour;
  const tokensPerStep = globalBatchSequences * seq;
  const hoursFor = (e: LayoutEvaluation) => convert((req.tokens / tokensPerStep) * e.stepTimeSeconds * req.gpuCount, 's', 'h');
  const gpuHours = hoursFor(chosen);
  const alternatives = outcome.ranked
    .filter((e) => e !== chosen)
    .slice(0, alternativesWanted)
    .map((e) => ({
      parallelism: e.layout,
      stepTimeSeconds: e.stepTimeSeconds,
      tokensPerSecondPerGpu: e.tokensPerSecondPerGpu,
      mfu: e.mfu,
      gpuHours: hoursFor(e),
      memoryPerGpuBytes: e.memoryPerGpuBytes.total,
      bottleneck: e.bottleneck,
    }));
  const c = ctx.cluster;
  const steps = req.tokens / tokensPerStep;
  const explanations = explainTraining({
    tokens: req.tokens,
    globalBatchTokens: tokensPerStep,
    steps,
    gpuCount: req.gpuCount,
    stepTimeSeconds: chosen.stepTimeSeconds,
    tokensPerSecondPerGpu: chosen.tokensPerSecondPerGpu,
    gpuHours,
    wallClockDays: convert(gpuHours / req.gpuCount, 'h', 'day'),
    costUsd: gpuHours * price,
    pricePerGpuHourUsd: price,
    mfu: chosen.mfu,
    trainingFlopsPerToken: ctx.profile.mfuFlopsPerToken,
    bf16PeakFlopsPerSecond: ctx.hw.bf16FlopsPerSecond,
    timeBreakdown: chosen.timeBreakdown,
    memoryPerGpuBytes: chosen.memoryPerGpuBytes,
  });
  return {
    feasible: chosen.fits,
    fits: chosen.fits,
    reasons: chosen.reasons,
    warnings:
      options.warnings === false ? [] : trainingWarnings({ ctx, fixed, pinnedBy, chosen, tokens: req.tokens, probeLimits: options.warningProbeLimits ?? true }),
    model: id,
    gpu: gpu.id,
    gpuCount: req.gpuCount,
    precision: req.precision,
    gradientPrecision: ctx.gradients,
    fp8Scaling: ctx.fp8Scaling,
    tokens: req.tokens,
    sequenceLength: seq,
    globalBatchTokens: tokensPerStep,
    globalBatchSequences,
    steps,
    gpuHours,
    wallClockDays: convert(gpuHours / req.gpuCount, 'h', 'day'),
    costUsd: gpuHours * price,
    pricePerGpuHourUsd: price,
    price: priceInfo,
    ...energyOf(req, gpu, gpuHours),
    tokensPerSecondPerGpu: chosen.tokensPerSecondPerGpu,
    calibration: trainingCalibration(gpu, arch, { tokensPerSecondPerGpu: chosen.tokensPerSecondPerGpu, gpuHours }),
    stepTimeSeconds: chosen.stepTimeSeconds,
    mfu: chosen.mfu,
    mfuBasis: MFU_BASIS,
    trainingFlopsPerToken: ctx.profile.mfuFlopsPerToken,
    parallelism: chosen.layout,
    layersPerStage: chosen.layersPerStage,
    microBatchesPerStep: chosen.microBatchesPerStep,
    memoryPerGpuBytes: chosen.memoryPerGpuBytes,
    hbmCapacityBytes: ctx.hw.hbmCapacityBytes,
    timeBreakdown: chosen.timeBreakdown,
    bottleneck: chosen.bottleneck,
    alternatives,
    rejectedLayouts: outcome.rejected,
    layoutsConsidered: outcome.layoutsConsidered,
    layoutsTimed: outcome.layoutsTimed,
    layoutsPruned: outcome.layoutsPruned,
    cluster: {
      gpusPerNode: c.gpusPerNode,
      nodes: c.nodes,
      scaleUpGBpsPerDirection: { nominal: c.scaleUp.nominalGBpsPerDirection, effective: c.scaleUp.effectiveGBpsPerDirection },
      scaleOutGBpsPerDirection: { nominal: c.scaleOut.nominalGBpsPerDirection, effective: c.scaleOut.effectiveGBpsPerDirection },
    },
    efficiencyParameters: eff,
    assumptions: ASSUMPTIONS(globalBatchSequences, req.globalBatchTokens === undefined, priceInfo),
    explanations,
  };
}

function ASSUMPTIONS(seqs: number, defaultBatch: boolean, price: PriceUsed): string[] {
  const a = [
    'Megatron rank order (tp fastest, then cp, dp/ep, pp); tp·cp·pp·dp = gpuCount; ep drawn from tp·dp; expert-TP = 1.',
    'Balanced expert routing; node-limited routing (n_group/topk_group) bounds cross-node expert traffic per destination node.',
    'FP8 recipe: linear-layer GEMMs (experts included) in FP8; attention core, router, embedding and LM head in BF16; FP8 caching of linear inputs and SwiGLU inputs (DeepSeek-V3 §3.3); casts fused into the producing kernels, plus an amax pass per quantised tensor under fp8Scaling current.',
    'Gradients accumulated and reduced in FP32 unless gradientPrecision is bf16; FP32 master weights; optimizer-state precision as requested.',
    'Tensor parallelism with sequence parallelism (activations sharded by tp); TP collectives exposed on the critical path.',
    'Expert all-to-all and pipeline sends are hidden behind compute only under DualPipe (20/132 SMs then go to communication); exposed under 1F1B/interleaved.',
    'Data-parallel gradient reduce-scatter hides behind the last micro-batch backward, the parameter all-gather behind the first forward.',
    'Context parallelism approximated as Llama-3-style all-gather of K/V (forward) and reduce-scatter of their gradients (backward), exposed; causal load balanced.',
    `Runtime reserve of ${RUNTIME_RESERVE_GB} GB per GPU (CUDA context, NCCL/all-to-all buffers, fragmentation).`,
    'No failures, restarts or checkpoint time (Llama 3 reports >90% effective training time): GPU-hours are pure step time.',
  ];
  if (defaultBatch) a.push(`No globalBatchTokens given: ${seqs} sequences per step (about ${DEFAULT_GLOBAL_BATCH_TOKENS.toLocaleString('en-US')} tokens).`);
  a.push(
    `${priceAssumption(price)}.`,
    'Energy = GPUs × TDP × mean draw ÷ TDP × server factor × PUE × wall-clock hours (cost/energy.ts defaults, sourced in cost/ownership-defaults.ts).',
  );
  return a;
}

/** The run's facility energy (and CO₂ when a grid intensity is given). */
function energyOf(req: TrainingRequest, gpu: GpuSpec, gpuHours: number): { energyMWh: number; co2Tonnes?: number } {
  const e = estimateEnergy({
    gpuCount: req.gpuCount,
    tdpW: gpu.tdpW.value,
    hours: gpuHours / req.gpuCount,
    ...(req.gridKgCo2PerKwh !== undefined ? { gridKgCo2PerKwh: req.gridKgCo2PerKwh } : {}),
  });
  return { energyMWh: e.energyMWh, ...(e.co2Tonnes !== undefined ? { co2Tonnes: e.co2Tonnes } : {}) };
}
