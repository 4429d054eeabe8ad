import { BYTES_PER_ELEMENT } from '../units/units.js';

/**
 * Values that share one FP32 scale in fine-grained FP8 (DeepSeek-V3 report §3.3: activations
 * scaled per 1×128 tile, weights per 128×128 block; DeepEP's FP8 dispatch carries the same scales).
 * Not the 128×128 GEMM output tile of training/compute.ts: that is a tensor-core tiling, this a
 * quantisation group.
 */
export const FP8_SCALE_BLOCK_VALUES = 128;

/** Bytes per value of an FP8 tensor sent with its scales: 1 B + one 4-byte FP32 scale per 128 values. */
export const FP8_WITH_SCALES_BYTES_PER_VALUE = BYTES_PER_ELEMENT.fp8 + BYTES_PER_ELEMENT.fp32 / FP8_SCALE_BLOCK_VALUES;
