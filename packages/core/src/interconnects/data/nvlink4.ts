// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** NVLink 4 + NVSwitch as on HGX H100 / H200 / H20 baseboards. */
export const nvlink4: InterconnectSpec = {
  id: 'nvlink4',
  name: 'NVLink 4 (18 links) + NVSwitch',
  scope: 'scale-up',
  nominalBidirectionalGBps: figure(
    900,
    'datasheet',
    'NVIDIA H100 SXM datasheet via glennklockwood.com/garden/processors/h100: "900 GB/s NVLink"; MLCommons v4.1 H200 system json: "18x 4th Gen NVLink, 900GB/s"',
  ),
  perDirectionGBps: figure(450, 'derived', 'nominalBidirectionalGBps / 2 (NVLink figures are bidirectional totals)'),
  achievableFraction: figure(
    0.8,
    'measured',
    'DeepSeek-V3 report §3.2.2 / ISCA\'25 §4.3: H800 NVLink "200GB/s ... about 160GB/s can actually be achieved" = 0.8 of per-direction nominal; same NVLink 4 generation assumed to reach the same fraction',
  ),
  latencyUs: figure(3, 'assumed', 'typical NCCL per-step latency inside an NVSwitch node (a few microseconds); small-message term only'),
};
