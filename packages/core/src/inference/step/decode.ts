import { forwardPass, type PassTime } from './forward.js';
import { tokensPerStep, type ServingSetup } from '../serving/setup.js';

export interface DecodeStep {
  /** Wall time of one decode step (all sequences advance once), seconds. */
  readonly stepS: number;
  /** Time per output token seen by a user (step ÷ tokens accepted per step). */
  readonly tpotS: number;
  readonly tokensPerStep: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly pass: PassTime;
}

/**
 * One decode step of `batch` sequences spread over the instance's attention-DP ranks, each with
 * `contextTokens` cached tokens. Bytes read: the weights actually touched (for MoE, the expected
 * distinct experts per GPU) plus every sequence's KV (MLA reads the latent); compute: weight
 * GEMMs on all query tokens (1 + draft tokens each with MTP) and the attention core.
 */
export function decodeStep(s: ServingSetup, batch: number, contextTokens: number): DecodeStep {
  const perRank = batch / s.layout.attentionDp;
  const draft = s.speculative?.draftTokens ?? 0;
  const pass = forwardPass(s, {
    tokensPerRank: perRank * (1 + draft),
    sequencesPerRank: perRank,
    meanKeys: contextTokens,
    kvKeysPerSequence: contextTokens,
    phase: 'decode',
    extraLayers: draft,
  });
  const tps = tokensPerStep(s.speculative);
  const tpotS = pass.timeS / tps;
  return {
    stepS: pass.timeS,
    tpotS,
    tokensPerStep: tps,
    outputTokensPerSecondPerUser: 1 / tpotS,
    outputTokensPerSecondPerGpu: (batch * tps) / pass.timeS / s.layout.gpuCount,
    pass,
  };
}
