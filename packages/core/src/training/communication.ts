import { groupPlacement, scaleOutLink, scaleUpLink } from '../cluster/cluster.js';
import {
  allGatherSeconds,
  hierarchicalAllGatherSeconds,
  hierarchicalAllReduceSeconds,
  hierarchicalReduceScatterSeconds,
  reduceScatterSeconds,
  sendSeconds,
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
  /**
   * Tensor-parallel collectives on the critical path, seconds (sequence parallel: 2 all-gathers + 2 reduce-scatters
   * forward, same backward); with TP communication overlap only the exposed part (tp-overlap.ts).
   */
  readonly tpCommS: number;
  /** Tensor-parallel collectives hidden behind the layer's GEMMs by TP communication overlap, seconds (0 without it). */
  readonly tpOverlappedS: number;
  /** Context parallel, seconds: all-gather K/V forward, reduce-scatter their gradients backward. */
  readonly cpCommS: number;
  /** The forward all-gather's part of `cpCommS`, seconds (what a recomputed forward repeats). */
  readonly cpGatherS: number;
  /** Expert all-to-all, seconds, forward (dispatch + combine) and backward, MoE layers only. */
  readonly epForwardS: number;
  readonly epBackwardS: number;
}

/**
 * Collectives of one layer's tensor parallelism per micro-batch, each moving the layer's
 * activations: sequence parallelism all-gathers before and reduce-scatters after attention and
 * the FFN (2 + 2 forward), the same backward (Korthikanti et al. 2022).
 */
export const TP_COLLECTIVES_PER_LAYER = 8;
/** The forward pass's share of them: 2 all-gathers + 2 reduce-scatters (the backward has as many). */
export const TP_FORWARD_COLLECTIVES_PER_LAYER = TP_COLLECTIVES_PER_LAYER / 2;

/**
 * The collectives of one layer when full activation recomputation re-runs its forward pass inside
 * the backward (Megatron checkpoints the layer's input and re-executes the whole layer): the
 * forward's TP all-gathers and reduce-scatters, the CP all-gather of K/V and the expert dispatch +
 * combine run again. Selective recomputation repeats the attention core only, no collective.
 */
export function withRecomputedForwardComm(c: LayerComm): LayerComm {
  return withRecomputedCollectives(c, TP_FORWARD_COLLECTIVES_PER_LAYER, true);
}

/** The forward all-gathers of sequence parallelism (before attention and before the FFN). */
export const TP_FORWARD_ALL_GATHERS_PER_LAYER = 2;

/**
 * The collectives of one layer under op-level selective recomputation (torchtitan): the policy keeps
 * reduce-scatter outputs and the attention output but not all-gather or all-to-all outputs, so the
 * rebuilt linears repeat the forward's TP all-gathers and the expert dispatch + combine; context
 * parallelism's K/V exchange feeds the kept attention and is not repeated.
 */
export function withOpSelectiveRecomputedComm(c: LayerComm): LayerComm {
  return withRecomputedCollectives(c, TP_FORWARD_ALL_GATHERS_PER_LAYER, false);
}

function withRecomputedCollectives(c: LayerComm, tpRepeated: number, cpRepeated: boolean): LayerComm {
  const tpFactor = (TP_COLLECTIVES_PER_LAYER + tpRepeated) / TP_COLLECTIVES_PER_LAYER;
  return {
    tpCommS: c.tpCommS * tpFactor,
    tpOverlappedS: c.tpOverlappedS * tpFactor,
    cpCommS: cpRepeated ? c.cpCommS + c.cpGatherS : c.cpCommS,
    cpGatherS: c.cpGatherS,
    epForwardS: c.epForwardS,
    epBackwardS: c.epBackwardS + c.epForwardS,
  };
}

export function layerComm(profile: ModelProfile, cluster: ClusterSpec, layout: Layout, precision: TrainingPrecision, moe: boolean): LayerComm {
  const up = scaleUpLink(cluster);
  const out = scaleOutLink(cluster);
  const gpn = cluster.gpusPerNode;
  const h = profile.hidden;
  const tokens = microBatchTokens(profile.sequenceLength, layout);
  const bf16 = BYTES_PER_ELEMENT.bf16;
  let tpCommS = 0;
  if (layout.tp > 1) {
    const g = groupPlacement(layout.tp, 1, gpn);
    const bytes = tokens * h * bf16;
    const oneCollectiveS = hierarchicalAllGatherSeconds(bytes, g, up, out);
    tpCommS = TP_COLLECTIVES_PER_LAYER * oneCollectiveS;
  }
  let cpCommS = 0;
  let cpGatherS = 0;
  if (layout.cp > 1) {
    const g = groupPlacement(layout.cp, layout.tp, gpn);
    const link = g.nodes > 1 ? out : up;
    // K/V are split by tp over KV heads (GQA/MHA); an MLA latent is replicated across tp
    const kvSplit = profile.arch.attention.mla ? 1 : Math.min(layout.tp, profile.arch.attention.numKvHeads);
    const bytes = (layout.cp * tokens * profile.kvElementsPerToken * bf16) / kvSplit;
    cpGatherS = allGatherSeconds(bytes, layout.cp, link);
    cpCommS = cpGatherS + reduceScatterSeconds(bytes, layout.cp, link);
  }
  const ep = moe ? expertAllToAllSeconds(profile, cluster, layout, precision) : NO_ALL_TO_ALL;
  return { tpCommS, tpOverlappedS: 0, cpCommS, cpGatherS, epForwardS: ep.forwardS, epBackwardS: ep.backwardS };
}

const NO_ALL_TO_ALL: AllToAllSeconds = { forwardS: 0, backwardS: 0 };

/** Expert all-to-all of one MoE layer and micro-batch, seconds. */
export interface AllToAllSeconds {
  readonly forwardS: number;
  readonly backwardS: number;
}

/** Expert all-to-all of one MoE layer and micro-batch: dispatch + combine forward, twice the combine backward. */
export function expertAllToAllSeconds(profile: ModelProfile, cluster: ClusterSpec, layout: Layout, precision: TrainingPrecision): AllToAllSeconds {
  if (layout.ep <= 1 || profile.numExperts <= 0) return NO_ALL_TO_ALL;
  const gpn = cluster.gpusPerNode;
  const tokens = microBatchTokens(profile.sequenceLength, layout);
  const bf16 = BYTES_PER_ELEMENT.bf16;
  const g = groupPlacement(layout.ep, 1, gpn);
  // FP8 dispatch carries one FP32 scale per 128 values (V3 §3.3); combine and all gradients in BF16
  const dispatchBytes = precision === 'fp8' ? FP8_WITH_SCALES_BYTES_PER_VALUE : bf16;
  const input: ExpertAllToAllInput = {
    tokens: tokens / layout.tp,
    hiddenSize: profile.hidden,
    topK: profile.topK,
    numExperts: profile.numExperts,
    ep: layout.ep,
    epPerNode: g.perNode,
    numGroups: profile.numGroups,
    topKGroups: profile.topKGroups,
    bytesPerElement: dispatchBytes,
    scaleUp: scaleUpLink(cluster),
    scaleOut: scaleOutLink(cluster),
  };
  const dispatchS = expertAllToAll(input).seconds;
  const combineS = expertAllToAll({ ...input, bytesPerElement: bf16 }).seconds;
  return { forwardS: dispatchS + combineS, backwardS: 2 * combineS };
}

/** Pipeline send of one micro-batch's activations (forward) and gradients (backward) across a stage boundary. */
export function pipelineSendSeconds(profile: ModelProfile, cluster: ClusterSpec, layout: Layout): number {
  if (layout.pp <= 1) return 0;
  const link = pipelineCrossesNodes(layout, cluster.gpusPerNode) ? scaleOutLink(cluster) : scaleUpLink(cluster);
  const bytes = (layout.microBatchSize * profile.sequenceLength * profile.hidden * BYTES_PER_ELEMENT.bf16) / layout.cp / layout.tp;
  return 2 * sendSeconds(bytes, link);
}

export interface DataParallelComm {
  /** Gradient reduction, seconds (reduce-scatter, or all-reduce without ZeRO). */
  readonly gradientsS: number;
  /** Parameter all-gather after the optimizer step, seconds (ZeRO ≥ 1). */
  readonly parametersS: number;
}

/**
 * Once per step (ZeRO 0-2) for the parameters a rank holds: gradients reduced (FP32, or BF16 under gradientPrecision 'bf16'), BF16 parameters
 * gathered. ZeRO-3 gathers parameters in every forward and backward; the caller multiplies.
 */
export function dataParallelComm(
  cluster: ClusterSpec,
  layout: Layout,
  denseParams: number,
  expertParams: number,
  gradientBytesPerParam: number,
): DataParallelComm {
  const up = scaleUpLink(cluster);
  const out = scaleOutLink(cluster);
  const gpn = cluster.gpusPerNode;
  // gradients are reduced over data × context parallel ranks (Megatron's dp-cp group)
  const dense = groupPlacement(denseDataParallelSize(layout), layout.tp, gpn);
  const edp = groupPlacement(expertDataParallelSize(layout), layout.ep, gpn);
  const bf16 = BYTES_PER_ELEMENT.bf16;
  if (layout.zero === 0) {
    return {
      gradientsS:
        hierarchicalAllReduceSeconds(denseParams * gradientBytesPerParam, dense, up, out) +
        hierarchicalAllReduceSeconds(expertParams * gradientBytesPerParam, edp, up, out),
      parametersS: 0,
    };
  }
  return {
    gradientsS:
      hierarchicalReduceScatterSeconds(denseParams * gradientBytesPerParam, dense, up, out) +
      hierarchicalReduceScatterSeconds(expertParams * gradientBytesPerParam, edp, up, out),
    parametersS: hierarchicalAllGatherSeconds(denseParams * bf16, dense, up, out) + hierarchicalAllGatherSeconds(expertParams * bf16, edp, up, out),
  };
}
