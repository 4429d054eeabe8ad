import type { ModelArchitecture } from '../models/types.js';
import type { GpuSpec } from '../gpus/types.js';
import { InferenceInputError } from './errors.js';

/**
 * How one serving instance spreads over GPUs. Attention runs `attentionTp`-way tensor parallel
 * inside each of `attentionDp` data-parallel replicas; the MoE layers see the same GPUs as
 * `moeTp × moeEp`. Per pipeline stage attentionTp × attentionDp = moeTp × moeEp; an instance
 * spans that × pp GPUs. `redundantExperts` extra expert replicas (DeepSeek EPLB) are spread over
 * the EP ranks.
 */
export interface Layout {
  readonly attentionTp: number;
  readonly attentionDp: number;
  readonly moeTp: number;
  readonly moeEp: number;
  readonly pp?: number;
  readonly redundantExperts?: number;
}

export interface ResolvedLayout {
  readonly attentionTp: number;
  readonly attentionDp: number;
  readonly moeTp: number;
  readonly moeEp: number;
  readonly pp: number;
  readonly redundantExperts: number;
  /** GPUs per pipeline stage. */
  readonly gpusPerStage: number;
  readonly gpuCount: number;
}

const isPosInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

export function resolveLayout(layout: Layout, arch: ModelArchitecture, field = 'parallelism'): ResolvedLayout {
  for (const k of ['attentionTp', 'attentionDp', 'moeTp', 'moeEp'] as const) {
    if (!isPosInt(layout[k])) throw new InferenceInputError(`${field}.${k}`, 'must be a positive integer');
  }
  const pp = layout.pp ?? 1;
  if (!isPosInt(pp)) throw new InferenceInputError(`${field}.pp`, 'must be a positive integer');
  const redundantExperts = layout.redundantExperts ?? 0;
  if (!(Number.isInteger(redundantExperts) && redundantExperts >= 0)) throw new InferenceInputError(`${field}.redundantExperts`, 'must be a non-negative integer');
  const stage = layout.attentionTp * layout.attentionDp;
  if (stage !== layout.moeTp * layout.moeEp) {
    throw new InferenceInputError(field, 'attentionTp × attentionDp must equal moeTp × moeEp');
  }
  if (pp > arch.numLayers) throw new InferenceInputError(`${field}.pp`, "cannot exceed the model's layer count");
  if (!arch.moe && (layout.moeEp > 1 || redundantExperts > 0)) throw new InferenceInputError(`${field}.moeEp`, 'a dense model has no experts to split');
  if (arch.moe && layout.moeEp > arch.moe.numRoutedExperts + redundantExperts) {
    throw new InferenceInputError(`${field}.moeEp`, 'more EP ranks than expert replicas (routed + redundant)');
  }
  return { attentionTp: layout.attentionTp, attentionDp: layout.attentionDp, moeTp: layout.moeTp, moeEp: layout.moeEp, pp, redundantExperts, gpusPerStage: stage, gpuCount: stage * pp };
}

/** The plain layout of `gpuCount` GPUs: tensor parallel everywhere (the default of most engines). */
export function tensorParallelLayout(gpuCount: number): Layout {
  return { attentionTp: gpuCount, attentionDp: 1, moeTp: gpuCount, moeEp: 1 };
}

/** GPUs of one node for this chip. */
export function gpusPerNode(gpu: GpuSpec): number {
  return gpu.gpusPerNode.value;
}
