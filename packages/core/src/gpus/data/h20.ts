// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const ANT = 'lm-sys blog 2025-09-19 "Best Practices for Serving DeepSeek-R1 on H20-96G" (Ant Group), H20 vs H800 table';

export const h20: GpuSpec = {
  id: 'h20',
  name: 'NVIDIA H20 96GB',
  vendor: 'nvidia',
  architecture: 'hopper',
  denseTflops: {
    fp8: figure(296, 'datasheet', `${ANT}: "FP8 Compute 296 TFLOPS"`),
    int8: figure(296, 'datasheet', 'Hopper tensor cores: INT8 dense = FP8 dense'),
    bf16: figure(148, 'datasheet', `${ANT}: "FP16/BF16 Compute 148 TFLOPS"`),
    fp16: figure(148, 'datasheet', `${ANT}: "FP16/BF16 Compute 148 TFLOPS"`),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(118.8, 'assumed', `${MAMF_SOURCE} has no H20 row: the H100 SXM fraction (794.5 ÷ 989 = 80.3%) applied to the H20's 148 BF16 TFLOPS`),
    fp8: figure(209.8, 'assumed', `${MAMF_SOURCE} has no H20 row: the H100 SXM FP8 fraction (1402.6 ÷ 1979 = 70.9%) applied to the H20's 296 FP8 TFLOPS`),
  },
  hbmCapacityGB: figure(96, 'datasheet', `${ANT}: "Memory Capacity 96 GB"`),
  hbmBandwidthTBps: figure(4.0, 'datasheet', `${ANT}: "Memory Bandwidth 4000 GB/s"`),
  smCount: figure(
    78,
    'measured',
    'SM count the H20 reports to CUDA, as public SGLang/DeepEP tuning notes state it (e.g. "PR24289 H20 DeepSeek-V4 Test Commands": "H20 has 78 SMs and num_sms=96 triggers DeepEP intranode cooperative launch failure"); NVIDIA\'s H20 spec sheet gives no SM count',
  ),
  scaleUpInterconnect: 'nvlink4',
  scaleOutInterconnect: 'infiniband-ndr400',
  scaleOutNicsPerGpu: figure(0.5, 'datasheet', `${ANT}: "RDMA NIC Bandwidth 4 x 400 Gb/s" per 8-GPU node`),
  gpusPerNode: figure(8, 'datasheet', `${ANT}: 8-GPU H20 nodes`),
  tdpW: figure(400, 'datasheet', 'smbom.com/news/13059 (secondary): "The GPU has a 400W TDP"'),
  dieAreaMm2: figure(814, 'datasheet', 'GH100 die, 814 mm²; smbom.com/news/13059 gives H20 performance density 2.9 = 2368/814'),
};
