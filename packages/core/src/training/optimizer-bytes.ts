import { BYTES_PER_ELEMENT } from '../units/units.js';
import type { GradientPrecision, OptimizerStatePrecision } from './types.js';

/**
 * Adam's bytes per parameter, in one place. Two counts that mean different things:
 * what the optimizer keeps in HBM between steps (optimizerStateBytesPerParam: memory), and
 * what one optimizer step reads and writes (optimizerStepBytesPerParam: HBM traffic, time).
 */

/** Adam keeps two moments per parameter (the first and the second). */
export const ADAM_MOMENTS = 2;

/** Bytes of one Adam moment: FP32, or BF16 when requested (V3 keeps them in BF16). */
export function adamMomentBytes(optimizer: OptimizerStatePrecision): number {
  return optimizer === 'bf16' ? BYTES_PER_ELEMENT.bf16 : BYTES_PER_ELEMENT.fp32;
}

/** Optimizer-state bytes per parameter held in HBM: the FP32 master weight and the Adam moments. */
export function optimizerStateBytesPerParam(optimizer: OptimizerStatePrecision): number {
  return BYTES_PER_ELEMENT.fp32 + ADAM_MOMENTS * adamMomentBytes(optimizer);
}

/** Bytes of one gradient element in the gradient buffers and their data-parallel reduction. */
export function gradientBytes(gradients: GradientPrecision): number {
  return gradients === 'bf16' ? BYTES_PER_ELEMENT.bf16 : BYTES_PER_ELEMENT.fp32;
}

/**
 * HBM bytes one optimizer step moves per parameter of the rank's shard: the FP32 master weight
 * read and written, the gradient read (FP32 or BF16), the BF16 weight written, each moment read
 * and written.
 */
export function optimizerStepBytesPerParam(optimizer: OptimizerStatePrecision, gradients: GradientPrecision): number {
  const fp32 = BYTES_PER_ELEMENT.fp32;
  return 2 * fp32 + gradientBytes(gradients) + BYTES_PER_ELEMENT.bf16 + ADAM_MOMENTS * 2 * adamMomentBytes(optimizer);
}
