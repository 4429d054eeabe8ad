import { groupPlacement, scaleOutLink, scaleUpLink } from '../cluster/cluster.js';
import {
  allGatherSeconds, hierarchicalAllGatherSeconds, hierarchicalAllReduceSeconds, hierarchicalReduceScatterSeconds,
  reduceScatterSeconds, sendSeconds,
} from '../cluster/collectives.js';
import { expertAllToAll, type ExpertAllToAllInput } from '../cluster/expert-all-to-all.js';
import type { ClusterSpec } from '../cluster/types.js';
import { FP8_WITH_SCALES_BYTES_PER_VALUE } from '../kernels/fp8-scaling.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';
import { denseDataParallelSize, expertDataParallelSize, microBatchTokens, pipelineCrossesNodes } from './layout-math.js';
import type { ModelProfile } from './model-profile.js';
import type { Layout, TrainingPrecision } from './types.js';

/**
 * Communication of one micro-batch (per layer) and of one step (data parallel).
 * Rank order follows Megatron: tp fastest, then cp, then dp (EP drawn from tp·dp), then pp;
 * a group's members share a node when their stride allows (cluster/groupPlacement).
 */
export interface LayerComm {
  /** Tensor-parallel collectives (sequence parallel: 2 all-gathers + 2 reduce-scatters forward, same backward). */
  readonly tp: number;
  /** Context parallel: all-gather K/V forward, reduce-scatter their gradients backward. */
  readonly cp: number;
  /** Expert all-to-all, forward (dispatch + combine) and backward, MoE layers only. */
  readonly epForward: number;
  readonly epBackward: number;
}

export function layerComm(profile: ModelProfile, cluster: ClusterSpec, layout: Layout, precision: TrainingPrecision, moe: boolean): LayerComm {
  const up = scaleUpLink(cluster);
  const out = scaleOutLink(cluster);
  const gpn = cluster.gpusPerNode;
  const h = profile.hidden;
  const tokens = microBatchTokens(profile.sequenceLength, layout);
  const bf16 = BYTES_PER_ELEMENT.bf16;
  let tp = 0;
  if (layout.tp > 1) {
    const g = groupPlacement(layout.tp, 1, gpn);
    const bytes = tokens * h * bf16;
    const one = hierarchicalAllGatherSeconds(bytes, g, up, out);
    tp = 8 * one;
  }
  let cp = 0;
  if (layout.cp > 1) {
    const g = groupPlacement(layout.cp, layout.tp, gpn);
    const link = g.nodes > 1 ? out : up;
    // K/V are split by tp over KV heads (GQA/MHA); an MLA latent is replicated across tp
    const kvSplit = profile.arch.attention.mla ? 1 : Math.min(layout.tp, profile.arch.attention.numKvHeads);
    const bytes = (layout.cp * tokens * profile.kvElementsPerToken * bf16) / kvSplit;
    cp = allGatherSeconds(bytes, layout.cp, link) + reduceScatterSeconds(bytes, layout.cp, link);
  }
  const ep = moe ? expertAllToAllSeconds(profile, cluster, layout, precision) : NO_ALL_TO_ALL;
  return { tp, cp, epForward: ep.forward, epBackward: ep.backward };
}

const NO_ALL_TO_ALL = { forward: 0, backward: 0 } as const;

/** Expert all-to-all of one MoE layer and micro-batch: dispatch + combine forward, twice the combine backward. */
export function expertAllToAllSeconds(profile: ModelProfile, cluster: ClusterSpec, layout: Layout, precision: TrainingPrecision): { readonly forward: number; readonly backward: number } {
  if (layout.ep <= 1 || profile.numExperts <= 0) return NO_ALL_TO_ALL;
  const gpn = cluster.gpusPerNode;
  const tokens = microBatchTokens(profile.sequenceLength, layout);
  const bf16 = BYTES_PER_ELEMENT.bf16;
  const g = groupPlacement(layout.ep, 1, gpn);
  // FP8 dispatch carries one FP32 scale per 128 values (V3 §3.3); combine and all gradients in BF16
  const dispatchBytes = precision === 'fp8' ? FP8_WITH_SCALES_BYTES_PER_VALUE : bf16;
  const input: ExpertAllToAllInput = {
    tokens: tokens / layout.tp, hiddenSize: profile.hidden, topK: profile.topK, numExperts: profile.numExperts, ep: layout.ep,
    epPerNode: g.perNode, numGroups: profile.numGroups, topKGroups: profile.topKGroups, bytesPerElement: dispatchBytes,
    scaleUp: scaleUpLink(cluster), scaleOut: scaleOutLink(cluster),
  };
  const dispatch = expertAllToAll(input).seconds;
  const combine = expertAllToAll({ ...input, bytesPerElement: bf16 }).seconds;
  return { forward: dispatch + combine, backward: 2 * combine };
}

/** Pipeline send of one micro-batch's activations (forward) and gradients (backward) across a stage boundary. */
export function pipelineSendSeconds(profile: ModelProfile, cluster: ClusterSpec, layout: Layout): number {
  if (layout.pp <= 1) return 0;
  const link = pipelineCrossesNodes(layout, cluster.gpusPerNode) ? scaleOutLink(cluster) : scaleUpLink(cluster);
  const bytes = (layout.microBatchSize * profile.sequenceLength * profile.hidden * BYTES_PER_ELEMENT.bf16) / layout.cp / layout.tp;
  return 2 * sendSeconds(bytes, link);
}

export interface DataParallelComm {
  /** Gradient reduction (reduce-scatter, or all-reduce without ZeRO). */
  readonly gradients: number;
  /** Parameter all-gather after the optimizer step (ZeRO ≥ 1). */
  readonly parameters: number;
}

/**
 * Once per step (ZeRO 0-2) for the parameters a rank holds: FP32 gradients reduced, BF16 parameters
 * gathered. ZeRO-3 gathers parameters in every forward and backward; the caller multiplies.
 */
export function dataParallelComm(cluster: ClusterSpec, layout: Layout, denseParams: number, expertParams: number): DataParallelComm {
  const up = scaleUpLink(cluster);
  const out = scaleOutLink(cluster);
  const gpn = cluster.gpusPerNode;
  // gradients are reduced over data × context parallel ranks (Megatron's dp-cp group)
  const dense = groupPlacement(denseDataParallelSize(layout), layout.tp, gpn);
  const edp = groupPlacement(expertDataParallelSize(layout), layout.ep, gpn);
  const fp32 = BYTES_PER_ELEMENT.fp32;
  const bf16 = BYTES_PER_ELEMENT.bf16;
  if (layout.zero === 0) {
    return {
      gradients: hierarchicalAllReduceSeconds(denseParams * fp32, dense, up, out) + hierarchicalAllReduceSeconds(expertParams * fp32, edp, up, out),
      parameters: 0,
    };
  }
  return {
    gradients: hierarchicalReduceScatterSeconds(denseParams * fp32, dense, up, out) + hierarchicalReduceScatterSeconds(expertParams * fp32, edp, up, out),
    parameters: hierarchicalAllGatherSeconds(denseParams * bf16, dense, up, out) + hierarchicalAllGatherSeconds(expertParams * bf16, edp, up, out),
  };
}
