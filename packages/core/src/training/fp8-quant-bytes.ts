import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { GemmSpec, LayerKindProfile } from './model-profile.js';
import type { Fp8Scaling } from './types.js';

/** FP8 quantisation traffic of the training GEMMs (compute.ts adds it as HBM time), and the GEMM widths on one TP rank. */

/** Input width of `g` on one rank of a `tp`-way tensor-parallel group. */
export function slicedK(g: GemmSpec, tp: number): number {
  return g.split === 'row' ? g.k / tp : g.k;
}

/** Output width of `g` on one rank of a `tp`-way tensor-parallel group. */
export function slicedN(g: GemmSpec, tp: number): number {
  return g.split === 'column' ? g.n / tp : g.n;
}

/**
 * Bytes of one quantisation pass per element: write FP8 and its transposed FP8 copy. The BF16
 * read is not counted: FP8 recipes fuse the cast into the kernel that produces the tensor (norm,
 * activation, dgrad epilogue; Transformer Engine's LayerNormLinear/cast-transpose, DeepSeek's
 * fused FP8 kernels), whose own read and write the element-wise bytes already count.
 */
const QUANT_BYTES = 2 * BYTES_PER_ELEMENT.fp8;
/**
 * Current (per-tensor, just-in-time) scaling needs the tensor's amax before it can cast: a reduction
 * pass that reads the BF16 tensor once more (Transformer Engine's Float8CurrentScaling computes the
 * amax in its own kernel, then casts; torchao's tensorwise dynamic scaling likewise). Delayed scaling
 * takes the scale from the amax history and blockwise scaling computes each tile's scale inside the
 * cast: neither reads the tensor again.
 */
const AMAX_PASS_BYTES = BYTES_PER_ELEMENT.bf16;

/** Bytes per quantised element under `scaling`. */
export function quantBytesPerElement(scaling: Fp8Scaling): number {
  return scaling === 'current' ? QUANT_BYTES + AMAX_PASS_BYTES : QUANT_BYTES;
}

/** FP8 quantisation traffic of one token (or one routed copy of it): GEMM inputs (forward) and output gradients (backward). */
export interface QuantBytes {
  readonly forwardBytes: number;
  readonly backwardBytes: number;
}

/** Quantisation bytes per token of the GEMMs every token runs. */
export function tokenQuantBytes(kind: LayerKindProfile, tp: number, scaling: Fp8Scaling): QuantBytes {
  let k = 0,
    n = 0;
  const gemms = kind.gemms;
  for (let i = 0; i < gemms.length; i++) {
    const g = gemms[i]!;
    if (g.fp8) {
      k += slicedK(g, tp);
      n += slicedN(g, tp);
    }
  }
  const perElement = quantBytesPerElement(scaling);
  return { forwardBytes: k * perElement, backwardBytes: n * perElement };
}

/** The same per routed copy of a token (one expert's GEMMs; experts are not tensor-sliced). */
export function expertQuantBytes(kind: LayerKindProfile, scaling: Fp8Scaling): QuantBytes {
  let k = 0,
    n = 0;
  const gemms = kind.expertGemms;
  for (let i = 0; i < gemms.length; i++) {
    k += gemms[i]!.k;
    n += gemms[i]!.n;
  }
  const perElement = quantBytesPerElement(scaling);
  return { forwardBytes: k * perElement, backwardBytes: n * perElement };
}

export const NO_QUANT: QuantBytes = { forwardBytes: 0, backwardBytes: 0 };
