import type { ClusterOverrides } from '../cluster/types.js';
import type { GpuSpec } from '../gpus/types.js';
import type { EfficiencyParameters } from './efficiency.js';

export type TrainingPrecision = 'fp8' | 'bf16';
/**
 * 1F1B; interleaved 1F1B (virtual stages); zero-bubble ZB-H1 ("zerobubble": Qi et al. 2023, 1F1B's
 * memory, backward split into input and weight gradients, bubble (pp−1)(F + B − 2W)); DualPipe.
 */
export type PipelineSchedule = '1f1b' | 'interleaved' | 'zerobubble' | 'dualpipe';
export type RecomputeMode = 'none' | 'selective' | 'full';
export type ZeroStage = 0 | 1 | 2 | 3;
export type OptimizerStatePrecision = 'fp32' | 'bf16';

/** Layout as a request may give it (Megatron: tp·cp·pp·dp = gpuCount, ep divides tp·dp). Unset optional fields are searched. */
export interface ParallelismInput {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly ep: number;
  /** Context parallelism (sequence split across ranks); default 1. */
  readonly cp?: number;
  readonly zero?: ZeroStage;
  readonly microBatchSize?: number;
  readonly schedule?: PipelineSchedule;
  /** Virtual stages per rank for the interleaved schedule. */
  readonly virtualStages?: number;
  readonly recompute?: RecomputeMode;
}

export interface TrainingRequest {
  /** Catalog id, or a pasted Hugging Face config. */
  readonly model: string | { readonly config: Record<string, unknown> };
  /** Catalog id, or a GPU spec object (what-if variants; the HTTP API accepts ids only). */
  readonly gpu: string | GpuSpec;
  readonly gpuCount: number;
  /** Training tokens. */
  readonly tokens: number;
  readonly sequenceLength: number;
  /** Tokens per optimizer step; default DEFAULT_GLOBAL_BATCH_TOKENS rounded to whole sequences. */
  readonly globalBatchTokens?: number;
  readonly precision: TrainingPrecision;
  readonly parallelism?: ParallelismInput;
  readonly pricePerGpuHourUsd?: number;
  /** Adam moment precision (V3 keeps them in BF16); default 'fp32'. */
  readonly optimizerStatePrecision?: OptimizerStatePrecision;
  /** What-if changes to the cluster the GPU implies (bandwidth factors, GPUs per node). */
  readonly cluster?: ClusterOverrides;
  /** Override fitted efficiency parameters (calibration fits use this). */
  readonly efficiency?: Partial<EfficiencyParameters>;
  /** How many alternatives to return (default 5). */
  readonly alternatives?: number;
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
  /** Communication that ran hidden behind compute, per step (for reference). */
  readonly overlappedCommunication: number;
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
