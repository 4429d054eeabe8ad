// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const ANT = 'lm-sys blog 2025-09-19 "Best Practices for Serving DeepSeek-R1 on H20-96G" (Ant Group), H20 vs H800 table';

export const h800: GpuSpec = {
  id: 'h800',
  name: 'NVIDIA H800 SXM 80GB',
  vendor: 'nvidia',
  architecture: 'hopper',
  denseTflops: {
    fp8: figure(1979, 'datasheet', `${ANT}: "FP8 Compute ... 1979 TFLOPS"`),
    int8: figure(1979, 'datasheet', 'same GH100 tensor cores as H100 SXM: INT8 dense = FP8 dense'),
    bf16: figure(989, 'datasheet', `${ANT}: "FP16/BF16 Compute ... 989 TFLOPS"`),
    fp16: figure(989, 'datasheet', `${ANT}: "FP16/BF16 Compute ... 989 TFLOPS"`),
    tf32: figure(494.7, 'datasheet', 'same GH100 tensor cores as H100 SXM (TF32 494.7 dense)'),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(
      794.5,
      'derived',
      `${MAMF_SOURCE}: the H100 SXM figure (794.5); the H800 is the same GH100 SXM part at the same clocks and 700 W, only NVLink is cut`,
    ),
    fp8: figure(1402.6, 'derived', `${MAMF_SOURCE}, FP8: the H100 SXM figure (1402.6); same GH100 SXM part, only NVLink is cut`),
  },
  hbmCapacityGB: figure(80, 'datasheet', `${ANT}: "Memory Capacity ... 80 GB"`),
  hbmBandwidthTBps: figure(3.352, 'datasheet', `${ANT}: "Memory Bandwidth ... 3352 GB/s"`),
  smCount: figure(
    132,
    'datasheet',
    'DeepSeek-V3 report (arXiv:2412.19437) §3.2.2: "we allocate 20 out of the 132 SMs available in the H800 GPU for communication"',
  ),
  scaleUpInterconnect: 'nvlink4-h800',
  scaleOutInterconnect: 'infiniband-ndr400',
  scaleOutNicsPerGpu: figure(1, 'datasheet', `${ANT}: "RDMA NIC Bandwidth ... 8 x 400 Gb/s" per node; ISCA'25 §5.1: eight 400G IB CX7 NICs per 8-GPU node`),
  gpusPerNode: figure(8, 'datasheet', 'DeepSeek-V3 report §3.1: "Each node in the H800 cluster contains 8 GPUs"'),
  tdpW: figure(700, 'datasheet', 'H800 SXM shares the H100 SXM board power (700 W)'),
  dieAreaMm2: figure(814, 'datasheet', 'GH100 die (same as H100), 814 mm²'),
};
