// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
// Yuan prices are converted at the dated CFETS rate in ../price-figure.ts; the formula is in each source.
import { CNY_PER_USD_2023_05_25, CNY_PER_USD_2023_10_23, cnyRangeToUsd, cnyToUsd } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

export const a800Price: GpuPrice = {
  gpuId: 'a800',
  // No sourced rental rate for the A800 (a China-only part; no cloud price card found).
  rentalUsdPerGpuHour: {},
  defaultRentalKind: 'catalogFallback',
  defaultRentalWhy: "no sourced A800 rental price; the catalog fallback (DeepSeek's $2 H800 assumption) applies until one is sourced",
  gpuUsd: cnyToUsd(
    95_000,
    CNY_PER_USD_2023_05_25,
    'Securities Times e-company (证券时报·e公司) via wallstreetcn.com/articles/3688908 (secondary; mirror dated 2023-05-26): A800 "价格在9.5万元左右,上月价格为8.9万元左右" (about 95,000 yuan, 89,000 a month earlier)',
    '2023-05',
  ),
  serverUsd: cnyRangeToUsd(
    1_400_000,
    1_500_000,
    CNY_PER_USD_2023_10_23,
    'Zhidx (智东西) 2023-10-20, reprinted at cy211.cn/aizixun/858.html (secondary): a channel sales rep says popular AI server models with NVIDIA A800 GPUs reached 1.4-1.5M yuan per unit, up over 40% since June. The article does not state the GPU count; the standard HGX A800 node is 8 GPUs',
    '2023-10',
  ),
};
