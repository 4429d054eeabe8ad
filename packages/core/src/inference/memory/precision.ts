import type { KvFormat, WeightFormat } from '@gcp/contract';
import { BYTES_PER_ELEMENT, convert, type NumericFormat } from '../../units/units.js';
import type { GpuSpec } from '../../gpus/types.js';

/** Weight and KV-cache formats the planner accepts: the contract's (WEIGHT_FORMATS, KV_FORMATS in @gcp/contract). */
export type { KvFormat, WeightFormat };

/** Tensor-core path GEMMs run on: the chip's native path for the weight format, else BF16 after dequant. */
export type ComputeFormat = 'fp4' | 'fp8' | 'int8' | 'bf16';

/** Stored bytes per weight element, block-scale overhead included (units.ts is the one table). */
export function weightBytesPerElement(format: WeightFormat): number {
  return BYTES_PER_ELEMENT[format as NumericFormat];
}

/** Bytes per KV element from a named format or an arbitrary bit width (e.g. 6-bit quantisation = 0.75; bounds: the contract's). */
export function kvBytesPerElement(format: KvFormat | undefined, bits?: number): number {
  if (bits !== undefined) return convert(bits, 'bit', 'B');
  return BYTES_PER_ELEMENT[(format ?? 'bf16') as NumericFormat];
}

/**
 * The GEMM path for weights in `format` on `gpu`. Decision (documented in docs/inference.md):
 * a format the chip cannot compute natively is still accepted as weight-only quantisation:
 * weights are stored (and streamed from HBM) at their own width and dequantised to BF16 for the
 * matmul. So FP8 weights on an A100 are valid (Marlin-style W8A16), computing at BF16 peak.
 */
export function computeFormatFor(format: WeightFormat, gpu: GpuSpec): ComputeFormat {
  const t = gpu.denseTflops;
  if ((format === 'mxfp4' || format === 'nvfp4') && t.fp4) return 'fp4';
  if (format === 'fp8' && t.fp8) return 'fp8';
  if (format === 'int8' && t.int8) return 'int8';
  return 'bf16';
}

/** Dense peak TFLOPS of a compute path on a chip. */
export function peakTflops(gpu: GpuSpec, compute: ComputeFormat): number {
  const t = gpu.denseTflops;
  const v = compute === 'fp4' ? t.fp4 : compute === 'fp8' ? t.fp8 : compute === 'int8' ? t.int8 : t.bf16;
  return (v ?? t.bf16).value;
}
