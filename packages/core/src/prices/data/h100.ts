// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import { priceFigure, rangeMidpoint } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

export const h100Price: GpuPrice = {
  gpuId: 'h100',
  rentalUsdPerGpuHour: {
    hyperscalerOnDemand: priceFigure(
      12.29,
      'derived',
      'AWS p5.48xlarge (8x H100) on-demand list $98.32/instance-hour, nextplatform.com 2023-07-27 (secondary; also usage.ai, awsnegotiations.com); derived: 98.32 / 8 = 12.29. AWS cut P5 on-demand "up to 45%" in June 2025; the post-cut rate is not verified',
      '2023-07-27 (list until 2025-06)',
    ),
    reserved: priceFigure(
      4.916,
      'datasheet',
      'AWS EC2 Capacity Blocks pricing, p5.48xlarge US East (N. Virginia): "$39.33 USD $4.916 USD 8 x H100" (secondary: mirror sibshop.uat.jiralog.com/ec2/capacityblocks/pricing)',
      'before 2025-01-01 (page: "scheduled to be updated on January 1, 2025")',
    ),
    neocloud: priceFigure(
      2.99,
      'measured',
      'costnimbus.com: "Lambda Labs $2.99" per H100 SXM GPU-hour on-demand; same page RunPod community $1.99, Vast.ai $1.49-1.87 (secondary, volatile). Lambda reserved $1.85 (techplained) not used here',
      '2026 Q1-Q2',
      [1.49, 2.99],
    ),
  },
  defaultRentalKind: 'neocloud',
  defaultRentalWhy:
    'the on-demand rate an H100 rents for at an established specialised cloud now; the AWS list price predates its June 2025 cut and the capacity-block rate is a dated reservation',
  gpuUsd: rangeMidpoint(
    25_000,
    30_000,
    'Raymond James estimate (Aug 2023, via Tae Kim / Barron\'s) that the H100 "is then sold to customers for $25,000 to $30,000", quoted in github.com/epoch-research/training-cost-trends (secondary); awesomeagents.ai/hardware/nvidia-h100: "Priced at $25,000-$30,000 new"; stratrix.com gives $25,000-$40,000 by form factor and month',
    '2023-08',
  ),
  serverUsd: priceFigure(
    317_000,
    'measured',
    'Thinkmate 8x H100 SXM server quotation, USD $317k (web.archive.org snapshot 2024-08-22), quoted in a public Google Sheets H100 cluster cost model that assumes $310k per node "includes the infiniband cards ... 8 x 400Gbps" (secondary)',
    '2024-08',
  ),
};
