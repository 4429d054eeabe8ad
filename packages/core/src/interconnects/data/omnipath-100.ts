// Sources: every figure below names its source (the third argument of figure(value, kind, source)).
import { figure } from '../../units/figure.js';
import type { InterconnectSpec } from '../types.js';

/** One 100 Gb/s Intel Omni-Path link (Jean Zay's A100 partition, where BLOOM trained: four per 8-GPU node). */
export const omnipath100: InterconnectSpec = {
  id: 'omnipath-100',
  name: 'Intel Omni-Path 100 Gb/s',
  scope: 'scale-out',
  nominalBidirectionalGBps: figure(
    25,
    'datasheet',
    'BigScience tr11-176B-ml README (github.com/bigscience-workshop/bigscience): "8 GPUs per node Using NVLink 4 inter-gpu connects, 4 OmniPath links", 100 Gb/s each (BLOOM paper arXiv:2211.05100 §3.5.1: "four Omni-Path 100 Gbps links") → 12.5 GB/s each way',
  ),
  perDirectionGBps: figure(12.5, 'derived', '100 Gb/s / 8 bits per byte'),
  achievableFraction: figure(0.8, 'assumed', 'same effective fraction as the InfiniBand links of this catalog (40 of 50 GB/s on 400G IB)'),
  latencyUs: figure(10, 'assumed', 'as RoCE in this catalog: slightly above an InfiniBand fat-tree'),
};
