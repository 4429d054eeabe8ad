// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const DATASHEET = 'NVIDIA HGX B200 (1,000 W) via glennklockwood.com/garden/processors/B200 (secondary)';
const MLPERF = 'MLCommons inference_results_v6.0 closed/Nebius/systems/nebius_b200_n1.json';

export const b200: GpuSpec = {
  id: 'b200',
  name: 'NVIDIA B200 (HGX, 180GB)',
  vendor: 'nvidia',
  architecture: 'blackwell',
  denseTflops: {
    fp4: figure(9000, 'datasheet', `${DATASHEET}: FP4 9000 dense`),
    fp8: figure(4500, 'datasheet', `${DATASHEET}: FP8 4500 dense (9000 sparse)`),
    int8: figure(4500, 'datasheet', `${DATASHEET}: INT8 dense = FP8 dense`),
    bf16: figure(2250, 'datasheet', `${DATASHEET}: BF16 2250 dense`),
    fp16: figure(2250, 'datasheet', `${DATASHEET}: FP16 2250 dense`),
    tf32: figure(1100, 'datasheet', `${DATASHEET}: TF32 1100 dense`),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(1745.0, 'measured', `${MAMF_SOURCE}: "NVIDIA B200 SXM | 1745.0 | 2250 | 77.6% | 1792x16128x3072 | 2.7.1+cu128"`),
    fp8: figure(3432.5, 'measured', `${MAMF_SOURCE}, FP8 (float8_e4m3fn): "NVIDIA B200 SXM | 3432.5 | 4500 | 76.3% | 15360x4096x3072 | 2.7.1+cu128"`),
  },
  hbmCapacityGB: figure(180, 'datasheet', `${MLPERF}: "accelerator_memory_capacity": "180 GB" (192 GB physical)`),
  hbmBandwidthTBps: figure(8.0, 'datasheet', `${DATASHEET}: 8 TB/s`),
  smCount: figure(
    148,
    'measured',
    'Chips and Cheese, "Nvidia\'s B200: Keeping the CUDA Juggernaut Rolling": "B200 enables 74 SMs per die, giving 148 SMs across the GPU" (2 dies × 80 physical)',
  ),
  scaleUpInterconnect: 'nvlink5',
  scaleOutInterconnect: 'infiniband-ndr400',
  scaleOutNicsPerGpu: figure(1, 'datasheet', `${MLPERF}: "8x ConnectX-7 IB NDR 400Gb/s"`),
  gpusPerNode: figure(8, 'datasheet', 'HGX B200 8-GPU baseboard'),
  tdpW: figure(1000, 'datasheet', `${MLPERF}: "B200 TGP 1000W"`),
};
