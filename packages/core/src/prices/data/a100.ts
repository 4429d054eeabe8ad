// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import { priceFigure, rangeMidpoint } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

const MERCATUS =
  'mercatus-ai.com/blog/cloud-gpu-pricing, "Cloud GPU pricing in May 2026 across providers, on-demand $/hour", A100 80GB row (secondary aggregator)';

export const a100Price: GpuPrice = {
  gpuId: 'a100',
  rentalUsdPerGpuHour: {
    hyperscalerOnDemand: rangeMidpoint(1.5, 3.0, `${MERCATUS}: Hyperscaler $1.50-$3.00`, '2026-05'),
    reserved: priceFigure(
      1.844,
      'datasheet',
      'AWS EC2 Capacity Blocks pricing, p4d.24xlarge US East (Ohio): "$14.75 USD $1.844 USD 8 x A100 ... 320 GB HBM2" (secondary: mirror sibshop.uat.jiralog.com/ec2/capacityblocks/pricing). Note: p4d is the A100 40GB; no sourced rate for the 80GB part this catalog models',
      'before 2025-01-01',
    ),
    neocloud: rangeMidpoint(1.1, 1.5, `${MERCATUS}: Specialty $1.10-$1.50`, '2026-05'),
  },
  defaultRentalKind: 'neocloud',
  defaultRentalWhy:
    'the specialised-cloud on-demand range for the A100 80GB this catalog models; the only hyperscaler-page figure (AWS capacity block) is for the 40GB part',
  gpuUsd: rangeMidpoint(
    8_000,
    15_000,
    'aitooldiscovery.com/ai-infra/nvidia-a100-specs-price (published 2026-03-20): "New A100 80GB units cost $8,000-$15,000 in 2026" (secondary); awesomeagents.ai gives $10,000-$15,000 on the secondary market',
    '2026-03',
  ),
  serverUsd: priceFigure(
    200_000,
    'datasheet',
    'NVIDIA DGX A100 launch price, "su precio parte de los 200 000 dólares" for 8 A100, 2x EPYC 7742, 8 Mellanox NICs, 320 GB GPU memory (geektopia.es 2020-05-14, secondary). Note: that is the 8x A100 40GB system; no sourced 8x A100 80GB server price in USD',
    '2020-05-14',
  ),
};
