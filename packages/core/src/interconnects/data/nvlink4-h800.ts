// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** NVLink on H800 SXM: export-control variant of NVLink 4 with 8 of 18 links. */
export const nvlink4H800: InterconnectSpec = {
  id: 'nvlink4-h800',
  name: 'NVLink 4, export-limited (H800)',
  scope: 'scale-up',
  nominalBidirectionalGBps: figure(
    400,
    'datasheet',
    'ISCA\'25 (arXiv:2505.09343) §4.1: "the NVLink bandwidth in H800 SXM nodes is reduced from 900 GB/s to 400 GB/s"',
  ),
  perDirectionGBps: figure(200, 'derived', 'nominalBidirectionalGBps / 2; ISCA\'25 §4.3: "NVLink provides 200GB/s bandwidth"'),
  achievableFraction: figure(
    0.8,
    'measured',
    'DeepSeek-V3 report §3.2.2: "NVLink offers a bandwidth of 160 GB/s"; ISCA\'25 §4.3: "about 160GB/s can actually be achieved" → 160/200',
  ),
  latencyUs: figure(3, 'assumed', 'typical NCCL per-step latency inside an NVSwitch node'),
};
