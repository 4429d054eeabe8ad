import { defaultRentalUsdPerGpuHour } from './catalog.js';
import { DEEPSEEK_H800_USD_PER_GPU_HOUR } from './data/h800.js';

/** The rental price a plan charged, with where it came from (every costed response carries one). */
export interface PriceUsed {
  readonly usdPerGpuHour: number;
  /** 'request', or the price file's rental kind (neocloud, publishedAssumption, catalogFallback, …). */
  readonly kind: string;
  readonly source: string;
  readonly date?: string;
}

/**
 * The USD per GPU-hour a plan charges: the request's price, else the GPU's default from its price
 * file (prices/data/<id>.ts), else — for a GPU outside the catalog (what-if specs) — DeepSeek's
 * H800 assumption, said so in `source`.
 */
export function priceUsed(gpuId: string | undefined, requestedUsdPerGpuHour: number | undefined): PriceUsed {
  if (requestedUsdPerGpuHour !== undefined) return { usdPerGpuHour: requestedUsdPerGpuHour, kind: 'request', source: 'pricePerGpuHourUsd of the request' };
  const d = gpuId === undefined ? undefined : defaultRentalUsdPerGpuHour(gpuId);
  if (d) return { usdPerGpuHour: d.value, kind: d.rentalKind, source: `${d.source} (${d.why})`, date: d.date };
  const f = DEEPSEEK_H800_USD_PER_GPU_HOUR;
  return { usdPerGpuHour: f.value, kind: 'catalogFallback', source: `GPU outside the price catalog; DeepSeek's H800 assumption: ${f.source}`, date: f.date };
}

/** One line for a plan's assumptions. */
export function priceAssumption(p: PriceUsed): string {
  return p.kind === 'request'
    ? `price $${p.usdPerGpuHour} per GPU-hour (the request's)`
    : `price $${p.usdPerGpuHour} per GPU-hour: the GPU's default (${p.kind}, ${p.date ?? 'undated'}) — ${p.source}`;
}
