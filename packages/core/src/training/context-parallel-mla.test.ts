import { describe, expect, it } from 'vitest';
import { getGpu } from '../gpus/catalog.js';
import { getModel } from '../models/catalog.js';
import { gemmSeconds, tokenPart } from './compute.js';
import { resolveEfficiency } from './efficiency.js';
import { hardwareOf } from './hardware.js';
import { buildModelProfile } from './model-profile.js';

/**
 * Context parallelism gathers an MLA latent (kv_lora_rank + rope dims per token), the smallest
 * thing to move, so every rank then up-projects the keys and values of all cp × its tokens:
 * the kv_b GEMM runs on the gathered rows while every other GEMM runs on the rank's own.
 */
const gpu = getGpu('h800')!;
const hw = hardwareOf(gpu);
const eff = resolveEfficiency(gpu);
const SEQUENCE = 32_768;

function partSeconds(modelId: string, cp: number) {
  const profile = buildModelProfile(getModel(modelId)!.architecture, SEQUENCE);
  const kind = profile.kinds[0]!;
  const ctx = { hw, eff, precision: 'fp8' as const, tp: 2, ep: 1, tokens: SEQUENCE / cp, cp };
  return { kind, ctx, part: tokenPart(kind, ctx) };
}

describe('MLA under context parallelism', () => {
  it("adds the up-projection of the other ranks' gathered latents, dgrad and wgrad included", () => {
    const { kind, ctx, part } = partSeconds('deepseek-v3', 4);
    const alone = tokenPart(kind, { ...ctx, cp: 1 });
    const kvB = kind.gemms.find((g) => g.name === 'attn.kv_b')!;
    expect(kvB.perGatheredKeyToken).toBe(true);
    const [k, n, own, gathered] = [kvB.k, kvB.n / ctx.tp, ctx.tokens, 4 * ctx.tokens];
    const forward = (m: number) => gemmSeconds(m, k, n, true, hw, eff);
    const backward = (m: number) => gemmSeconds(m, n, k, true, hw, eff) + gemmSeconds(k, m, n, true, hw, eff, m);
    expect(part.forwardS - alone.forwardS).toBeCloseTo(forward(gathered) - forward(own), 12);
    expect(part.backwardS - alone.backwardS).toBeCloseTo(backward(gathered) - backward(own), 12);
    expect(part.forwardS - alone.forwardS).toBeGreaterThan(2.5 * forward(own));
  });

  it('leaves a GQA model as it was: its K/V projections run on the tokens each rank holds', () => {
    const { kind, ctx, part } = partSeconds('llama-3.1-70b', 4);
    expect(kind.gemms.some((g) => g.perGatheredKeyToken)).toBe(false);
    expect(tokenPart(kind, { ...ctx, cp: 1 })).toEqual(part);
  });
});
