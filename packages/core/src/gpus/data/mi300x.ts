// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { GpuSpec } from '../types.js';
import { MAMF_SOURCE } from './mamf-source.js';

const ROOFLINE = 'AMD MI300X peak table in a public roofline spec file (secondary): bf16 1307.4, fp8 2614.9';
const PAGE = 'jaredwatkins.com/research/ai-accelerators/amd-instinct/mi300-series (secondary, citing AMD)';

export const mi300x: GpuSpec = {
  id: 'mi300x',
  name: 'AMD Instinct MI300X 192GB',
  vendor: 'amd',
  architecture: 'cdna3',
  denseTflops: {
    fp8: figure(2614.9, 'datasheet', ROOFLINE),
    int8: figure(2614.9, 'datasheet', 'CDNA3: INT8 dense = FP8 dense (AMD MI300X datasheet)'),
    bf16: figure(1307.4, 'datasheet', ROOFLINE),
    fp16: figure(1307.4, 'datasheet', ROOFLINE),
  },
  maxAchievableMatmulTflops: {
    bf16: figure(
      668.4,
      'measured',
      `${MAMF_SOURCE}: "AMD MI300X | 668.4 | 1300 | 51.4% | 10240x15360x8192 | 2.5.1+6.3.42131 | PYTORCH_TUNABLEOP_ENABLED=1" (an earlier ROCm 6.2 run of the same table read 781.9)`,
    ),
    fp8: figure(
      1344.1,
      'assumed',
      `${MAMF_SOURCE} has no MI300X FP8 figure: the BF16 fraction (668.4 ÷ 1,300 = 51.4%) applied to the FP8 dense peak, 2,614.9 × 0.514`,
    ),
  },
  hbmCapacityGB: figure(192, 'datasheet', `${PAGE}: "192 GB HBM3"`),
  hbmBandwidthTBps: figure(5.3, 'datasheet', `${PAGE}: "5.3 TB/s bandwidth"`),
  smCount: figure(
    304,
    'datasheet',
    'ROCm docs, AMD Instinct MI300 series microarchitecture: each XCD has 38 active CUs, "6 or 8 XCDs for up to 304 CUs"; MI300X has 8 XCDs → 304 CUs',
  ),
  scaleUpInterconnect: 'infinity-fabric-mi300x',
  scaleOutInterconnect: 'infiniband-ndr400',
  scaleOutNicsPerGpu: figure(1, 'assumed', 'typical 8x MI300X platforms ship one 400 Gb/s NIC per GPU'),
  gpusPerNode: figure(8, 'datasheet', 'dstack.ai/blog/h200-mi300x-deepskeek-benchmark: "8x AMD MI300x GPU, 192GB, 750W"'),
  tdpW: figure(750, 'datasheet', `${PAGE}: "TDP: 750W"`),
};
