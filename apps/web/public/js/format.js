// Number formatting for the page; units are always spelled next to the figure.

const decimal = (digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });

/** 671026419200 → "671 B" (one decimal under 100 B). */
export function billions(count) {
  const value = count / 1e9;
  return `${decimal(value >= 100 ? 0 : value >= 1 ? 1 : 2).format(value)} B`;
}

/** Bytes per token with a KiB hint: "70,272 bytes (68.6 KiB)". */
export function bytesPerToken(bytes) {
  const kib = bytes / 1024;
  return `${decimal(0).format(bytes)} bytes (${decimal(1).format(kib)} KiB)`;
}

/** FLOPs → "4,035.2 GFLOP". */
export function gigaflop(flops) {
  return `${decimal(1).format(flops / 1e9)} GFLOP`;
}

export const ATTENTION_NAMES = {
  mha: 'Multi-head (MHA)',
  gqa: 'Grouped-query (GQA)',
  mqa: 'Multi-query (MQA)',
  mla: 'Multi-head latent (MLA)',
};

/** Plain number with at most `digits` fraction digits: 1234.5 → "1,234.5". */
export function number(value, digits = 1) {
  return decimal(digits).format(value);
}

/** @type {ReadonlyArray<readonly [number, string]>} */
const SCALES = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Large counts with a suffix: 2_788_000 → "2.79 M", 608e9 → "608 B". */
export function compact(value, unit = '') {
  const tail = unit ? ` ${unit}` : '';
  const abs = Math.abs(value);
  for (const [scale, suffix] of SCALES) {
    if (abs >= scale) {
      const scaled = value / scale;
      const digits = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
      return `${decimal(digits).format(scaled)} ${suffix}${unit}`.replace(/ $/, '');
    }
  }
  return `${decimal(abs >= 100 ? 0 : abs >= 10 ? 1 : 2).format(value)}${tail}`;
}

/** US dollars: 87072 → "$87,072", 0.1234 → "$0.1234", 2.79e6 → "$2.79 M". */
export function usd(value) {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `$${compact(value)}`;
  if (abs >= 100) return `$${decimal(0).format(value)}`;
  if (abs >= 1) return `$${decimal(2).format(value)}`;
  return `$${new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(value)}`;
}

/** A price per unit with its cents always shown: 1.996 → "$2.00", 0.13 → "$0.13"; under 10 cents as usd(). */
export function usdCents(value) {
  if (Math.abs(value) < 0.1 || Math.abs(value) >= 1e6) return usd(value);
  return `$${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}`;
}

/** Tokens per second: 14_800 → "14,800 tok/s". */
export function tokensPerSecond(value) {
  return `${decimal(value >= 100 ? 0 : 1).format(value)} tok/s`;
}

/** Bytes in GB (10^9, like the GPU datasheets): "84.3 GB". */
export function gigabytes(bytes) {
  const value = bytes / 1e9;
  return `${decimal(value >= 100 ? 0 : 1).format(value)} GB`;
}

/** Milliseconds: 12.34 → "12.3 ms", 1534 → "1.53 s". */
export function milliseconds(ms) {
  if (ms >= 1000) return `${decimal(2).format(ms / 1000)} s`;
  return `${decimal(ms >= 100 ? 0 : 1).format(ms)} ms`;
}

/** Seconds of a step: 0.0123 → "12.3 ms", 19.6 → "19.6 s". */
export function seconds(value) {
  return value < 1 ? milliseconds(value * 1000) : `${decimal(value >= 100 ? 0 : 2).format(value)} s`;
}

/** Fraction as percent: 0.563 → "56.3 %". */
export function percent(fraction, digits = 1) {
  return `${decimal(digits).format(fraction * 100)} %`;
}

/** Days: 56.7 → "56.7 days". */
export function days(value) {
  return `${decimal(value >= 100 ? 0 : 1).format(value)} days`;
}
