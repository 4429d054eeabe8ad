// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { h100 } from './h100.js';
import { MAMF_SOURCE } from './mamf-source.js';

const TITAN = 'torchtitan docs/performance.md and docs/converging.md (github.com/pytorch/torchtitan; the torchtitan paper, arXiv:2410.06511)';
const TITAN_PEAK_NOTE = `${TITAN}: "HBM2e-based SXM H100 with lower TDP, the actual peak TFLOPs number is between SXM and NVL, and we don't know its exact value"`;
const NVIDIA_H100 =
  'NVIDIA H100 product page (nvidia.com/en-us/data-center/h100), as torchtitan get_peak_flops reads it: H100 NVL 835 TFLOPS dense BF16 (1,671 with sparsity) and 3,341 FP8 with sparsity (1,670.5 dense) at a configurable 350-400 W, H100 SXM 989 / 1,979 dense at up to 700 W';

/** Board power of the two NVIDIA ratings of the same GH100 part that bracket this one, watts. */
const NVL_BOARD_POWER_W = 400;
const SXM_BOARD_POWER_W = 700;
const NVL_DENSE_BF16_TFLOPS = 835;
const NVL_DENSE_FP8_TFLOPS = 1670.5;
const THIS_BOARD_POWER_W = 500;

/**
 * The rated dense peak at this board power: linear in board power between the NVL rating (400 W)
 * and the SXM rating (700 W), which torchtitan says bracket the part. A derived figure: the
 * power-limited clock of a GH100 board is what separates those two ratings.
 */
function ratedAtPower(nvlTflops: number, sxmTflops: number): number {
  const share = (THIS_BOARD_POWER_W - NVL_BOARD_POWER_W) / (SXM_BOARD_POWER_W - NVL_BOARD_POWER_W);
  return toTenths(nvlTflops + share * (sxmTflops - nvlTflops));
}

/** Derived TFLOPS are stated to a tenth, as the datasheets state theirs. */
const TENTHS_PER_UNIT = 10;
function toTenths(tflops: number): number {
  return Math.round(tflops * TENTHS_PER_UNIT) / TENTHS_PER_UNIT;
}

const BF16_TFLOPS = ratedAtPower(NVL_DENSE_BF16_TFLOPS, h100.denseTflops.bf16.value);
const FP8_TFLOPS = ratedAtPower(NVL_DENSE_FP8_TFLOPS, h100.denseTflops.fp8!.value);
/** This part's peak ÷ the SXM peak: the power-limited clock ratio, applied to every tensor format and to the SXM's MAMF. */
const CLOCK_RATIO = BF16_TFLOPS / h100.denseTflops.bf16.value;
const INTERPOLATION = `linear in board power between H100 NVL (${NVL_BOARD_POWER_W} W) and H100 SXM (${SXM_BOARD_POWER_W} W) at ${THIS_BOARD_POWER_W} W`;

/**
 * Meta's Grand Teton H100: the SXM5 part with 96 GB of HBM2e, run at a 500 W power limit (the
 * hardware of torchtitan's published H100 runs). Not sold on the open market.
 */
export const h100Hbm2e500w: GpuSpec = {
  id: 'h100-96gb-500w',
  name: 'NVIDIA H100 SXM 96GB HBM2e (500 W)',
  vendor: 'nvidia',
  architecture: 'hopper',
  denseTflops: {
    fp8: figure(
      FP8_TFLOPS,
      'derived',
      `${INTERPOLATION}: ${NVL_DENSE_FP8_TFLOPS} → ${h100.denseTflops.fp8!.value} dense FP8 (${NVIDIA_H100}); ${TITAN_PEAK_NOTE}`,
    ),
    int8: figure(FP8_TFLOPS, 'derived', 'INT8 dense equals FP8 dense on Hopper (the FP8 figure above)'),
    bf16: figure(
      BF16_TFLOPS,
      'derived',
      `${INTERPOLATION}: ${NVL_DENSE_BF16_TFLOPS} → ${h100.denseTflops.bf16.value} dense BF16 (${NVIDIA_H100}); ${TITAN_PEAK_NOTE}`,
    ),
    fp16: figure(BF16_TFLOPS, 'derived', 'FP16 dense equals BF16 dense on Hopper (the BF16 figure above)'),
    tf32: figure(toTenths(h100.denseTflops.tf32!.value * CLOCK_RATIO), 'derived', `H100 SXM TF32 dense × the BF16 ratio ${INTERPOLATION}`),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(
      toTenths(h100.maxAchievableMatmulTflops.bf16.value * CLOCK_RATIO),
      'derived',
      `${MAMF_SOURCE}: the H100 SXM figure (${h100.maxAchievableMatmulTflops.bf16.value}) × this part's peak ÷ the SXM peak (the same fraction of its own peak; no MAMF measured on the 500 W part)`,
    ),
    fp8: figure(
      toTenths(h100.maxAchievableMatmulTflops.fp8!.value * CLOCK_RATIO),
      'derived',
      `${MAMF_SOURCE}, FP8: the H100 SXM figure (${h100.maxAchievableMatmulTflops.fp8!.value}) × this part's peak ÷ the SXM peak`,
    ),
  },
  hbmCapacityGB: figure(96, 'datasheet', `${TITAN}: "Each H100 GPU is equipped with 96GB HBM2e"`),
  hbmBandwidthTBps: figure(2.4, 'datasheet', `${TITAN}: "with 2.4 TB/sec peak memory bandwidth"`),
  smCount: figure(132, 'assumed', `the SXM5 configuration of GH100 (132 SMs), which torchtitan says this part is ("SXM H100")`),
  scaleUpInterconnect: 'nvlink4',
  scaleOutInterconnect: 'roce-400',
  scaleOutNicsPerGpu: figure(
    1,
    'datasheet',
    'Llama 3 paper (arXiv:2407.21783) §3.3.1, Grand Teton: "Both RoCE and Infiniband clusters leverage 400 Gbps interconnects between GPUs"',
  ),
  gpusPerNode: figure(
    8,
    'datasheet',
    'Llama 3 paper §3.3.1: "Each server is equipped with eight GPUs and two CPUs. Within a server, the eight GPUs are connected via NVLink"',
  ),
  tdpW: figure(THIS_BOARD_POWER_W, 'measured', `${TITAN}: "We used the default 500W power limit"`),
  dieAreaMm2: figure(814, 'datasheet', 'GH100 die (same as H100), 814 mm²'),
};
