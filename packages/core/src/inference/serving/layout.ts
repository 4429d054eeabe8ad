import type { ModelArchitecture } from '../../models/types.js';
import type { GpuSpec } from '../../gpus/types.js';
import { PlannerInputError } from '../../errors.js';

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

/**
 * A layout with its defaults and GPU counts, checked against the rules between its sizes and the
 * model (the sizes themselves are whole numbers in the contract's bounds: ServingLayout).
 */
export function resolveLayout(layout: Layout, arch: ModelArchitecture, field = 'parallelism'): ResolvedLayout {
  const pp = layout.pp ?? 1;
  const redundantExperts = layout.redundantExperts ?? 0;
  const stage = layout.attentionTp * layout.attentionDp;
  if (stage !== layout.moeTp * layout.moeEp) {
    throw PlannerInputError.at(field, 'attentionTp × attentionDp must equal moeTp × moeEp');
  }
  if (pp > arch.numLayers) throw PlannerInputError.at(`${field}.pp`, "cannot exceed the model's layer count");
  if (!arch.moe && (layout.moeEp > 1 || redundantExperts > 0)) throw PlannerInputError.at(`${field}.moeEp`, 'a dense model has no experts to split');
  if (arch.moe && layout.moeEp > arch.moe.numRoutedExperts + redundantExperts) {
    throw PlannerInputError.at(`${field}.moeEp`, 'more EP ranks than expert replicas (routed + redundant)');
  }
  return {
    attentionTp: layout.attentionTp,
    attentionDp: layout.attentionDp,
    moeTp: layout.moeTp,
    moeEp: layout.moeEp,
    pp,
    redundantExperts,
    gpusPerStage: stage,
    gpuCount: stage * pp,
  };
}

/** The plain layout of `gpuCount` GPUs: tensor parallel everywhere (the default of most engines). */
export function tensorParallelLayout(gpuCount: number): Layout {
  return { attentionTp: gpuCount, attentionDp: 1, moeTp: gpuCount, moeEp: 1 };
}

/** GPUs of one node for this chip. */
export function gpusPerNode(gpu: GpuSpec): number {
  return gpu.gpusPerNode.value;
}
