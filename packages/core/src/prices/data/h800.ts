// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
// Yuan prices are converted at the dated CFETS rate in ../price-figure.ts; the formula is in each source.
import { CNY_PER_USD_2023_10_23, cnyRangeToUsd, cnyToUsd, priceFigure } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

/** DeepSeek's rental assumption, also the catalog fallback for GPUs with no sourced rental price. */
export const DEEPSEEK_H800_USD_PER_GPU_HOUR = priceFigure(
  2,
  'assumed',
  'DeepSeek-V3 Technical Report (arXiv:2412.19437, first release 2024-12-26) §1: "Assuming the rental price of the H800 GPU is $2 per GPU hour"; also its Table 1 and the 2025-03-01 Day-6 inference cost note',
  '2024-12-26',
);

const CAIXIN = 'Caixin (财新), Oct 2023, via caihuicloud.com/news/info/10879.html (secondary: a reprint)';

export const h800Price: GpuPrice = {
  gpuId: 'h800',
  rentalUsdPerGpuHour: {
    publishedAssumption: DEEPSEEK_H800_USD_PER_GPU_HOUR,
    // No hyperscaler, reserved or neocloud H800 rate sourced: the H800 was sold only into China (Mar-Oct 2023).
  },
  defaultRentalKind: 'publishedAssumption',
  defaultRentalWhy:
    "DeepSeek's own accounting rate: training ($5.576M) and serving ($87,072/day) costs are published at $2 per H800-hour, and no hyperscaler, reserved or neocloud H800 rate was found",
  gpuUsd: cnyRangeToUsd(
    350_000,
    400_000,
    CNY_PER_USD_2023_10_23,
    `${CAIXIN}: a large internet firm's insider says a single H800 brought in from abroad through intermediaries is now quoted at 350,000-400,000 yuan (单张H800的报价也上涨到35-40万元), i.e. after the 2023-10-17 export rule`,
    '2023-10',
  ),
  serverUsd: cnyToUsd(
    2_300_000,
    CNY_PER_USD_2023_10_23,
    `${CAIXIN}: before the 2023-10-17 rule a standard AI computer with 8 H800 training cards sold spot at about 2.3M yuan (230万元左右), now over 2.7M yuan with almost no stock`,
    '2023-10 (price before 2023-10-17)',
  ),
};
