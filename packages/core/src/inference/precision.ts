import { BYTES_PER_ELEMENT, type NumericFormat } from '../units/units.js';
import type { GpuSpec } from '../gpus/types.js';
import { InferenceInputError } from './errors.js';

/** Weight formats the planner accepts (all of them store on any GPU; compute depends on the chip). */
export const WEIGHT_FORMATS = ['bf16', 'fp16', 'fp8', 'int8', 'int4', 'mxfp4', 'nvfp4'] as const;
export type WeightFormat = (typeof WEIGHT_FORMATS)[number];

/** KV-cache formats by name; `kvCacheBits` allows any other width. */
export const KV_FORMATS = ['bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;
export type KvFormat = (typeof KV_FORMATS)[number];

/** Tensor-core path GEMMs run on: the chip's native path for the weight format, else BF16 after dequant. */
export type ComputeFormat = 'fp4' | 'fp8' | 'int8' | 'bf16';

export function parseWeightFormat(value: unknown, field: string): WeightFormat {
  if (typeof value === 'string' && (WEIGHT_FORMATS as readonly string[]).includes(value)) return value as WeightFormat;
  throw new InferenceInputError(field, `unknown weight precision; expected one of ${WEIGHT_FORMATS.join(', ')}`);
}

export function parseKvFormat(value: unknown, field: string): KvFormat {
  if (typeof value === 'string' && (KV_FORMATS as readonly string[]).includes(value)) return value as KvFormat;
  throw new InferenceInputError(field, `unknown KV-cache precision; expected one of ${KV_FORMATS.join(', ')}`);
}

/** Stored bytes per weight element, block-scale overhead included (units.ts is the one table). */
export function weightBytesPerElement(format: WeightFormat): number {
  return BYTES_PER_ELEMENT[format as NumericFormat];
}

/** Bytes per KV element from a named format or an arbitrary bit width (e.g. 6-bit quantisation = 0.75). */
export function kvBytesPerElement(format: KvFormat | undefined, bits?: number): number {
  if (bits !== undefined) {
    if (!(bits > 0 && bits <= 32)) throw new InferenceInputError('kvCacheBits', 'must be in (0, 32]');
    return bits / 8;
  }
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
