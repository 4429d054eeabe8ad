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
