// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import { CNY_PER_USD_2026_01_08, cnyToUsd, priceFigure, rangeMidpoint } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

const MERCATUS =
  'mercatus-ai.com/blog/cloud-gpu-pricing, "Cloud GPU pricing in May 2026 across providers, on-demand $/hour", H200 SXM5 row (secondary aggregator)';

export const h200Price: GpuPrice = {
  gpuId: 'h200',
  rentalUsdPerGpuHour: {
    publishedAssumption: priceFigure(
      2.3,
      'assumed',
      'LMSYS blog github.com/lm-sys/lm-sys.github.io blog/2025-07-17-k2-large-scale-ep.md @ 6a93202, §4: "H200 $2.3 / hour"',
      '2025-07-17',
    ),
    hyperscalerOnDemand: rangeMidpoint(4.5, 7.0, `${MERCATUS}: Hyperscaler $4.50-$7.00`, '2026-05'),
    reserved: priceFigure(
      5.408,
      'datasheet',
      'AWS EC2 Capacity Blocks pricing, p5e.48xlarge US East (Ohio): "$43.26 USD $5.408 USD 8 x H200" (secondary: mirror sibshop.uat.jiralog.com/ec2/capacityblocks/pricing)',
      'before 2025-01-01',
    ),
    neocloud: rangeMidpoint(3.5, 4.5, `${MERCATUS}: Specialty $3.50-$4.50`, '2026-05'),
  },
  defaultRentalKind: 'publishedAssumption',
  defaultRentalWhy:
    "the rate a published H200 serving-cost accounting (LMSYS / SGLang large-scale EP) used, as DeepSeek's $2 is for the H800; the cloud rates above are aggregator ranges",
  gpuUsd: priceFigure(
    27_000,
    'measured',
    'Reuters via lowyat.net (2026-01): Chinese companies ordered over two million H200 "priced around US$27,000 ... a piece"; php.xlycwl.com/faq/1963438.html (2026-01-10) gives ~190,000 yuan per chip (Chinese media, secondary)',
    '2026-01',
  ),
  serverUsd: cnyToUsd(
    1_500_000,
    CNY_PER_USD_2026_01_08,
    'php.xlycwl.com/faq/1963438.html (Chinese media, secondary): a complete machine with 8 H200 sells for about 1.5M yuan (搭载8颗H200的整机机柜售价约为150万元); Tencent Tech (2025-12-24) gives 1.4M yuan for the 8-GPU module alone',
    '2026-01-10',
  ),
};
