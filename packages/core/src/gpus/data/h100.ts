// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const DATASHEET = 'NVIDIA H100 SXM datasheet via glennklockwood.com/garden/processors/h100 (secondary page citing NVIDIA)';

export const h100: GpuSpec = {
  id: 'h100',
  name: 'NVIDIA H100 SXM 80GB',
  vendor: 'nvidia',
  architecture: 'hopper',
  denseTflops: {
    fp8: figure(1979, 'datasheet', `${DATASHEET}: FP8 1978.9 dense (3957.8 with sparsity)`),
    int8: figure(1979, 'datasheet', `${DATASHEET}: INT8 dense equals FP8 dense on Hopper`),
    bf16: figure(989, 'datasheet', `${DATASHEET}: BF16 989.4 dense`),
    fp16: figure(989, 'datasheet', `${DATASHEET}: FP16 989.4 dense`),
    tf32: figure(494.7, 'datasheet', `${DATASHEET}: TF32 494.7 dense`),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(794.5, 'measured', `${MAMF_SOURCE}: "NVIDIA H100 SXM | 794.5 | 989 | 80.3% | 2048x2048x13312 | 2.7.0+cu126"`),
    fp8: figure(1402.6, 'measured', `${MAMF_SOURCE}, FP8 (float8_e4m3fn): "NVIDIA H100 SXM | 1402.6 | 1979 | 70.9% | 1024x9216x14336 | 2.7.0+cu126"`),
  },
  hbmCapacityGB: figure(80, 'datasheet', `${DATASHEET}: 80 GB HBM3; Llama 3 paper §3.3.1 "80GB HBM3"`),
  hbmBandwidthTBps: figure(3.35, 'datasheet', `${DATASHEET}: 3.35 TB/s`),
  smCount: figure(132, 'datasheet', `${DATASHEET}: "132 SMs (2 per TPC)", 66 TPCs, 8 GPCs (H100 SXM5; the full GH100 has 144)`),
  scaleUpInterconnect: 'nvlink4',
  scaleOutInterconnect: 'infiniband-ndr400',
  scaleOutNicsPerGpu: figure(
    1,
    'datasheet',
    'DGX/HGX H100 reference nodes: 8x 400 Gb/s ConnectX-7 compute NICs per 8 GPUs; Llama 3 paper §3.3.1 "400 Gbps interconnects between GPUs"',
  ),
  gpusPerNode: figure(8, 'datasheet', 'HGX H100 8-GPU baseboard'),
  tdpW: figure(700, 'datasheet', `${DATASHEET}: 700 W; Llama 3 paper "700W TDP"`),
  dieAreaMm2: figure(
    814,
    'datasheet',
    'GH100 die area 814 mm² (NVIDIA Hopper architecture whitepaper); consistent with smbom.com/news/13059 performance density 19.4 = 15830/814',
  ),
};
