import type { GpuSpec } from '../gpus/types.js';

/**
 * SMs that SM-driven all-to-all kernels (DeepEP "normal" kernels, DualPipe's communication
 * warps) take from compute while they overlap it: a chosen count, not a fraction, because a
 * kernel is launched on a number of SMs whatever the chip. DeepSeek-V3 report §3.2.2: "we allocate
 * 20 out of the 132 SMs available in the H800 GPU for communication", enough to saturate IB and
 * NVLink; DeepEP's default `num_sms` is the same 20.
 */
export const COMMUNICATION_SMS = 20;

/**
 * Fraction of `gpu`'s SMs (compute units on AMD) the communication kernels take:
 * communicationSms ÷ SM count (20/132 on H800, H100 and H200).
 */
export function communicationSmShare(gpu: GpuSpec, communicationSms: number = COMMUNICATION_SMS): number {
  return communicationSms / gpu.smCount.value;
}
