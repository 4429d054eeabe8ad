// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const SAME = 'aiwiki.ai/wiki/nvidia_a800 (secondary): "core compute, memory, and Tensor Core capabilities were left unchanged" from A100 SXM 80GB';

export const a800: GpuSpec = {
  id: 'a800',
  name: 'NVIDIA A800 SXM 80GB',
  vendor: 'nvidia',
  architecture: 'ampere',
  denseTflops: {
    int8: figure(624, 'datasheet', `${SAME} (INT8 624 dense)`),
    bf16: figure(312, 'datasheet', `${SAME} (BF16 312 dense)`),
    fp16: figure(312, 'datasheet', `${SAME} (FP16 312 dense)`),
    tf32: figure(156, 'datasheet', `${SAME} (TF32 156 dense)`),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(271.2, 'derived', `${MAMF_SOURCE}: the A100 SXM figure (271.2); ${SAME}`),
  },
  hbmCapacityGB: figure(80, 'datasheet', `${SAME} (80 GB HBM2e)`),
  hbmBandwidthTBps: figure(2.039, 'datasheet', `${SAME} (2.039 TB/s)`),
  smCount: figure(108, 'datasheet', `${SAME} (A100 SXM: 108 SMs, NVIDIA Ampere architecture whitepaper)`),
  scaleUpInterconnect: 'nvlink3-a800',
  scaleOutInterconnect: 'infiniband-hdr200',
  scaleOutNicsPerGpu: figure(1, 'assumed', 'A100-class node: one 200 Gb/s HDR NIC per GPU'),
  gpusPerNode: figure(8, 'datasheet', 'HGX A800 8-GPU baseboard'),
  tdpW: figure(400, 'datasheet', `${SAME} (400 W)`),
  dieAreaMm2: figure(826, 'datasheet', 'GA100 die (same as A100), 826 mm²'),
};
