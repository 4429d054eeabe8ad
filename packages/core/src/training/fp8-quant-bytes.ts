import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { GemmSpec, LayerKindProfile } from './model-profile.js';

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

/** FP8 quantisation traffic of one token (or one routed copy of it): GEMM inputs (forward) and output gradients (backward). */
export interface QuantBytes {
  readonly forwardBytes: number;
  readonly backwardBytes: number;
}

/** Quantisation bytes per token of the GEMMs every token runs. */
export function tokenQuantBytes(kind: LayerKindProfile, tp: number): QuantBytes {
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
  return { forwardBytes: k * QUANT_BYTES, backwardBytes: n * QUANT_BYTES };
}

/** The same per routed copy of a token (one expert's GEMMs; experts are not tensor-sliced). */
export function expertQuantBytes(kind: LayerKindProfile): QuantBytes {
  let k = 0,
    n = 0;
  const gemms = kind.expertGemms;
  for (let i = 0; i < gemms.length; i++) {
    k += gemms[i]!.k;
    n += gemms[i]!.n;
  }
  return { forwardBytes: k * QUANT_BYTES, backwardBytes: n * QUANT_BYTES };
}

export const NO_QUANT: QuantBytes = { forwardBytes: 0, backwardBytes: 0 };
