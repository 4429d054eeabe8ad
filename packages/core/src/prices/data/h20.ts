// Sources: every figure names its source and date (priceFigure(value, kind, source, date)).
import { CNY_PER_USD_2024_07_18, cnyToUsd, rangeMidpoint } from '../price-figure.js';
import type { GpuPrice } from '../types.js';

const HUXIU =
  'Huxiu (虎嗅) report, July 2024, English repost soramidjourney.com/?p=5618 "Can the Castrated AI Chip Drive Nvidia\'s Profits in China?" (secondary)';

export const h20Price: GpuPrice = {
  gpuId: 'h20',
  // No sourced rental rate for the H20 (no hyperscaler, reserved or neocloud quote found).
  rentalUsdPerGpuHour: {},
  defaultRentalKind: 'catalogFallback',
  defaultRentalWhy: "no sourced H20 rental price; the catalog fallback (DeepSeek's $2 H800 assumption) applies until one is sourced",
  gpuUsd: rangeMidpoint(
    12_000,
    13_000,
    `${HUXIU}, citing SemiAnalysis (2024-07-05): H20 chips "Priced between $12,000 and $13,000 each"; UBS later used an ASP of $12,000 (reportify.ai, 2025)`,
    '2024-07',
  ),
  serverUsd: cnyToUsd(
    1_200_000,
    CNY_PER_USD_2024_07_18,
    `${HUXIU}: a server dealer says "an H20 eight-card server currently costs about 1.2 million yuan" (8x H100 NVLink about 2.7M yuan)`,
    '2024-07',
  ),
};
