import type { TrainingParallelism, TrainingPlanRequest } from '@gcp/contract';
import type { ClusterOverrides } from '../cluster/types.js';
import type { GpuSpec } from '../gpus/types.js';
import type { EfficiencyParameters } from './efficiency.js';

export type TrainingPrecision = TrainingPlanRequest['precision'];
/**
 * 1F1B; interleaved 1F1B (virtual stages); zero-bubble ZB-H1 ("zerobubble": Qi et al. 2023, 1F1B's
 * memory, backward split into input and weight gradients, bubble (pp−1)(F + B − 2W)); DualPipe.
 */
export type PipelineSchedule = NonNullable<TrainingParallelism['schedule']>;
export type RecomputeMode = NonNullable<TrainingParallelism['recompute']>;
export type GradientPrecision = NonNullable<TrainingPlanRequest['gradientPrecision']>;
export type Fp8Scaling = NonNullable<TrainingPlanRequest['fp8Scaling']>;
export type ZeroStage = NonNullable<TrainingParallelism['zero']>;
export type OptimizerStatePrecision = NonNullable<TrainingPlanRequest['optimizerStatePrecision']>;

/**
 * Layout as a request may give it (the contract's `parallelism`; Megatron: tp·cp·pp·dp = gpuCount,
 * ep divides tp·dp, checked by the planner). Unset optional fields are searched; cp defaults to 1.
 */
export type ParallelismInput = TrainingParallelism;

/**
 * The contract's POST /v1/training/plan body (validated: types, bounds, a batch of at least one
 * sequence), plus what-if inputs the HTTP API does not take.
 */
export interface TrainingRequest extends Omit<TrainingPlanRequest, 'gpu'> {
  /** Catalog id, or a GPU spec object (what-if variants; the HTTP API accepts ids only). */
  readonly gpu: string | GpuSpec;
  /** What-if changes to the cluster the GPU implies (bandwidth factors, GPUs per node). */
  readonly cluster?: ClusterOverrides;
  /** Override fitted efficiency parameters (calibration fits use this). */
  readonly efficiency?: Partial<EfficiencyParameters>;
}

/** A fully resolved layout. */
export interface Layout {
  readonly tp: number;
  readonly cp: number;
  readonly pp: number;
  readonly dp: number;
  readonly ep: number;
  readonly zero: ZeroStage;
  readonly microBatchSize: number;
  readonly schedule: PipelineSchedule;
  readonly virtualStages: number;
  readonly recompute: RecomputeMode;
}

export interface MemoryBreakdown {
  readonly weights: number;
  readonly fp8WeightCopies: number;
  readonly gradients: number;
  readonly optimizerStates: number;
  readonly activations: number;
  /** Logits of the loss (last stage), all-to-all and collective buffers, runtime reserve. */
  readonly transient: number;
  readonly total: number;
}

export interface TimeBreakdown {
  /** GEMMs, attention, memory-bound element-wise work and recomputation on the slowest stage, per step. */
  readonly compute: number;
  /** Exposed (not hidden) communication per collective, per step. */
  readonly exposedCommunication: {
    readonly tensorParallel: number;
    readonly contextParallel: number;
    readonly expertAllToAll: number;
    readonly pipelineSend: number;
    readonly dataParallel: number;
  };
  readonly pipelineBubble: number;
  readonly optimizerStep: number;
  /** Communication that ran hidden behind compute, per step (for reference; includes overlappedTensorParallel). */
  readonly overlappedCommunication: number;
  /** Tensor-parallel collectives hidden behind the GEMMs by TP communication overlap, per step (0 unless tpCommOverlap). */
  readonly overlappedTensorParallel: number;
}

export interface LayoutEvaluation {
  readonly layout: Layout;
  readonly fits: boolean;
  readonly reasons: readonly string[];
  readonly stepTimeSeconds: number;
  readonly tokensPerSecondPerGpu: number;
  readonly mfu: number;
  readonly memoryPerGpuBytes: MemoryBreakdown;
  readonly timeBreakdown: TimeBreakdown;
  readonly bottleneck: string;
  readonly layersPerStage: readonly number[];
  readonly microBatchesPerStep: number;
}
