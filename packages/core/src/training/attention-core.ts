import type { AttentionKernel } from '@gcp/contract';
import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { EfficiencyParameters } from './efficiency.js';
import type { Hardware } from './hardware.js';
import type { LayerKindProfile } from './model-profile.js';

/**
 * Attention core (QKᵀ, softmax, AV) of one micro-batch through one layer on one GPU, forward and
 * backward seconds, for the two kernel families a training stack may run:
 *
 * - `flash` (FlashAttention 2/3, cuDNN fused attention, FlashMLA-style kernels: every stack since
 *   2022): causal model FLOPs ÷ (BF16 peak × `attention`); the s×s scores never reach HBM.
 * - `materialized` (2021 Megatron-LM, DeepSpeed and other pre-FlashAttention stacks): two batched
 *   GEMMs over the full s×s score matrix (the causal mask is applied to it, not skipped, so the
 *   FLOPs are the non-causal ones) at the dense-GEMM efficiency, plus the score matrix's HBM
 *   traffic in FP16/BF16: forward writes S, the fused softmax reads S and writes P, AV reads P
 *   (`MATERIALIZED_FORWARD_ACCESSES`); backward reads P for dV, writes dP, the softmax backward
 *   reads P and dP and writes dS, dQ and dK read dS (`MATERIALIZED_BACKWARD_ACCESSES`). Attention
 *   dropout's extra passes are not counted.
 */

/** BF16 accesses of each score element in the forward of a materialised attention: write S, read S + write P (softmax), read P (AV). */
export const MATERIALIZED_FORWARD_ACCESSES = 4;
/** …and in its backward: read P (dV), write dP, read P + dP and write dS (softmax backward), read dS twice (dQ, dK). */
export const MATERIALIZED_BACKWARD_ACCESSES = 7;
/** Backward attention-core FLOPs per forward FLOP (dQ, dK, dV, and dP from the two forward GEMMs). */
const BACKWARD_FLOPS_PER_FORWARD_FLOP = 2;

export interface AttentionCoreSeconds {
  readonly forwardS: number;
  readonly backwardS: number;
}

export function attentionCoreSeconds(
  kind: LayerKindProfile,
  kernel: AttentionKernel,
  tokensPerRank: number,
  hw: Hardware,
  eff: EfficiencyParameters,
): AttentionCoreSeconds {
  if (kernel === 'materialized') {
    const gemmS = (tokensPerRank * kind.attentionFullFlopsPerToken) / (hw.bf16GemmCeilingFlopsPerSecond * eff.bf16Gemm);
    const scoreBytes = tokensPerRank * kind.attentionScoreElementsPerToken * BYTES_PER_ELEMENT.bf16;
    const hbm = hw.hbmBytesPerSecond * eff.hbm;
    return {
      forwardS: gemmS + (scoreBytes * MATERIALIZED_FORWARD_ACCESSES) / hbm,
      backwardS: BACKWARD_FLOPS_PER_FORWARD_FLOP * gemmS + (scoreBytes * MATERIALIZED_BACKWARD_ACCESSES) / hbm,
    };
  }
  const forwardS = (tokensPerRank * kind.attentionFlopsPerToken) / (hw.bf16FlopsPerSecond * eff.attention);
  return { forwardS, backwardS: BACKWARD_FLOPS_PER_FORWARD_FLOP * forwardS };
}
