// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const DATASHEET = 'NVIDIA A100 SXM 80GB datasheet via glennklockwood.com/garden/processors/A100 (secondary)';

export const a100: GpuSpec = {
  id: 'a100',
  name: 'NVIDIA A100 SXM 80GB',
  vendor: 'nvidia',
  architecture: 'ampere',
  denseTflops: {
    int8: figure(624, 'datasheet', `${DATASHEET}: INT8 624 dense`),
    bf16: figure(312, 'datasheet', `${DATASHEET}: BF16 312 dense`),
    fp16: figure(312, 'datasheet', `${DATASHEET}: FP16 312 dense`),
    tf32: figure(156, 'datasheet', `${DATASHEET}: TF32 156 dense`),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(271.2, 'measured', `${MAMF_SOURCE}: "NVIDIA A100 SXM | 271.2 | 312 | 86.9% | 1024x10240x5120 | 2.6.0+cu126"`),
  },
  hbmCapacityGB: figure(80, 'datasheet', `${DATASHEET}: 80 GB HBM2e`),
  hbmBandwidthTBps: figure(2.039, 'datasheet', `${DATASHEET}: 2.039 TB/s`),
  smCount: figure(
    108,
    'datasheet',
    'NVIDIA A100 Tensor Core GPU Architecture whitepaper via geeks3d.com (secondary): A100 "108 SMs (64 CUDA cores per SM)" of the full GA100\'s 128',
  ),
  scaleUpInterconnect: 'nvlink3',
  scaleOutInterconnect: 'infiniband-hdr200',
  scaleOutNicsPerGpu: figure(1, 'datasheet', 'DGX A100: 8 single-port ConnectX-6 HDR 200 Gb/s compute NICs per 8 GPUs'),
  gpusPerNode: figure(8, 'datasheet', 'HGX A100 8-GPU baseboard'),
  tdpW: figure(400, 'datasheet', `${DATASHEET}: 400 W`),
  dieAreaMm2: figure(826, 'datasheet', 'GA100 die area 826 mm² (NVIDIA Ampere architecture whitepaper)'),
};
