// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const SPEC = 'NVIDIA H200 spec page via morphllm.com/nvidia-h200 (secondary): sparse FP8 3958, BF16 1979 → dense = half';
const MLPERF = 'MLCommons inference_results_v4.1 closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json';

export const h200: GpuSpec = {
  id: 'h200',
  name: 'NVIDIA H200 SXM 141GB',
  vendor: 'nvidia',
  architecture: 'hopper',
  denseTflops: {
    fp8: figure(1979, 'datasheet', SPEC),
    int8: figure(1979, 'datasheet', 'same GH100 tensor cores as H100 SXM: INT8 dense = FP8 dense'),
    bf16: figure(989, 'datasheet', SPEC),
    fp16: figure(989, 'datasheet', SPEC),
    tf32: figure(494.7, 'datasheet', 'same GH100 tensor cores as H100 SXM (TF32 494.7 dense)'),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(794.5, 'measured', `${MAMF_SOURCE}: the H100 SXM row, 794.5 of 989, noted "H200 is the same"`),
    fp8: figure(1453.4, 'measured', `${MAMF_SOURCE}, FP8 (float8_e4m3fn): "NVIDIA H200 SXM | 1453.4 | 1979 | 73.4% | 1280x4096x12032 | 2.7.1+cu128"`),
  },
  hbmCapacityGB: figure(141, 'datasheet', `${MLPERF}: "accelerator_memory_capacity": "141 GB"`),
  hbmBandwidthTBps: figure(4.8, 'datasheet', `${SPEC}: "141GB of HBM3e running at 4.8TB/s"`),
  smCount: figure(
    132,
    'datasheet',
    'glennklockwood.com/garden/processors/h100 (secondary): "H200 GPUs are the same as H100 GPUs ... just with 141 GB of HBM3e"; H100 SXM5 has 132 SMs',
  ),
  scaleUpInterconnect: 'nvlink4',
  scaleOutInterconnect: 'infiniband-ndr400',
  scaleOutNicsPerGpu: figure(
    1,
    'assumed',
    `HGX H200 reference node: 8x 400 Gb/s compute NICs (the MLPerf system in ${MLPERF} lists 10x 400G including storage)`,
  ),
  gpusPerNode: figure(8, 'datasheet', `${MLPERF}: 8-GPU system`),
  tdpW: figure(700, 'datasheet', `${MLPERF}: "H200 TGP 700W"`),
  dieAreaMm2: figure(814, 'datasheet', 'GH100 die (same as H100), 814 mm²'),
};
