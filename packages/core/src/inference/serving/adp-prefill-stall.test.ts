import { describe, expect, it } from 'vitest';
import { getGpu } from '../../gpus/catalog.js';
import { getModel } from '../../models/catalog.js';
import { INFERENCE_EFFICIENCY } from '../step/efficiency.js';
import { makeSetup } from './setup.js';
import { aggregatedServing, prefillCost } from './serving.js';

/**
 * Attention-DP prefill stall (serving.ts): under attention DP a prompt prefilled on one rank alone
 * holds the other ranks' decodes at the next MoE all-to-all, so it costs the instance that rank's
 * whole prompt time instead of its share of the packed rate; `adpPrefillAloneShare` is the share of
 * prompts that run alone. Without attention DP there is nothing to stall.
 */
const arch = getModel('deepseek-r1')!.architecture;
const gpu = getGpu('h200')!;
const setup = (attentionDp: number, adpPrefillAloneShare: number) =>
  makeSetup({
    arch,
    gpu,
    layout: attentionDp > 1 ? { attentionTp: 1, attentionDp, moeTp: 1, moeEp: 8, pp: 1 } : { attentionTp: 8, attentionDp: 1, moeTp: 1, moeEp: 8, pp: 1 },
    weights: 'fp8',
    kvBytesPerElement: 1,
    backend: 'trtllm',
    eff: { ...INFERENCE_EFFICIENCY, adpPrefillAloneShare },
  });
const load = { concurrency: 256, inputTokens: 1024, outputTokens: 1024 };

describe('attention-DP prefill stall', () => {
  it('a prompt prefilled alone costs its rank’s whole prompt time; packed, its share of the instance rate', () => {
    const packed = aggregatedServing(setup(8, 0), load);
    const alone = aggregatedServing(setup(8, 1), load);
    const pf = prefillCost(setup(8, 0), load);
    expect(packed.terms.prefillPerPromptS).toBeCloseTo(load.inputTokens / pf.tokensPerSecond, 12);
    expect(alone.terms.prefillPerPromptS).toBeCloseTo(Math.max(pf.ownPrefillS, load.inputTokens / pf.tokensPerSecond), 12);
    // on 8 ranks a lone prompt takes several times its packed share, and every member's TPOT pays for it
    expect(alone.terms.prefillPerPromptS).toBeGreaterThan(4 * packed.terms.prefillPerPromptS);
    expect(alone.tpotS).toBeGreaterThan(packed.tpotS);
    const mid = aggregatedServing(setup(8, 0.25), load);
    expect(mid.terms.prefillPerPromptS).toBeCloseTo(0.75 * packed.terms.prefillPerPromptS + 0.25 * alone.terms.prefillPerPromptS, 12);
  });

  it('without attention DP the share changes nothing', () => {
    expect(aggregatedServing(setup(1, 1), load)).toEqual(aggregatedServing(setup(1, 0), load));
  });
});
