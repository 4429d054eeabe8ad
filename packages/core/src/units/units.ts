/**
 * The one unit-conversion helper of the project.
 *
 * Every quantity inside the core carries its unit in its name (`hbmBandwidthTBps`,
 * `latencyMs`, `bytesPerToken`). Whenever a value changes unit it goes through
 * `convert(value, from, to)`, so no magic `1e9` or `/ 8` appears in formulas.
 *
 * Conventions: GB = 10^9 bytes, GiB = 2^30 bytes; Gbit = 10^9 bits;
 * TFLOP = 10^12 floating point operations; a "per second" rate uses the same
 * prefix table (TFLOPS = TFLOP per second, GBps = GB per second). Energy = power × time:
 * W × h is Wh (energyWh(powerW, hours) below), then convert(…, 'Wh', 'MWh').
 */

type Dimension = 'bytes' | 'flop' | 'time' | 'count' | 'power' | 'energy';

interface UnitDef {
  readonly dimension: Dimension;
  /** Size of one of this unit in the dimension's base unit (byte, FLOP, second, 1). */
  readonly factor: number;
}

const UNITS = {
  // bytes (SI and binary), bits
  B: { dimension: 'bytes', factor: 1 },
  KB: { dimension: 'bytes', factor: 1e3 },
  MB: { dimension: 'bytes', factor: 1e6 },
  GB: { dimension: 'bytes', factor: 1e9 },
  TB: { dimension: 'bytes', factor: 1e12 },
  KiB: { dimension: 'bytes', factor: 2 ** 10 },
  MiB: { dimension: 'bytes', factor: 2 ** 20 },
  GiB: { dimension: 'bytes', factor: 2 ** 30 },
  TiB: { dimension: 'bytes', factor: 2 ** 40 },
  bit: { dimension: 'bytes', factor: 1 / 8 },
  Gbit: { dimension: 'bytes', factor: 1e9 / 8 },
  // floating point operations
  FLOP: { dimension: 'flop', factor: 1 },
  GFLOP: { dimension: 'flop', factor: 1e9 },
  TFLOP: { dimension: 'flop', factor: 1e12 },
  PFLOP: { dimension: 'flop', factor: 1e15 },
  // time
  us: { dimension: 'time', factor: 1e-6 },
  ms: { dimension: 'time', factor: 1e-3 },
  s: { dimension: 'time', factor: 1 },
  min: { dimension: 'time', factor: 60 },
  h: { dimension: 'time', factor: 3600 },
  day: { dimension: 'time', factor: 86400 },
  /** 365 days (cost and depreciation periods). */
  year: { dimension: 'time', factor: 365 * 86400 },
  /** One twelfth of a 365-day year (monthly rates). */
  month: { dimension: 'time', factor: (365 * 86400) / 12 },
  // power (base: watt) and energy (base: joule)
  W: { dimension: 'power', factor: 1 },
  kW: { dimension: 'power', factor: 1e3 },
  MW: { dimension: 'power', factor: 1e6 },
  J: { dimension: 'energy', factor: 1 },
  Wh: { dimension: 'energy', factor: 3600 },
  kWh: { dimension: 'energy', factor: 3.6e6 },
  MWh: { dimension: 'energy', factor: 3.6e9 },
  // plain counts (parameters, tokens)
  one: { dimension: 'count', factor: 1 },
  thousand: { dimension: 'count', factor: 1e3 },
  million: { dimension: 'count', factor: 1e6 },
  billion: { dimension: 'count', factor: 1e9 },
  trillion: { dimension: 'count', factor: 1e12 },
} as const satisfies Record<string, UnitDef>;

export type Unit = keyof typeof UNITS;

/** Convert `value` from one unit to another of the same dimension. Throws on a dimension mismatch (a programming error). */
export function convert(value: number, from: Unit, to: Unit): number {
  const a: UnitDef = UNITS[from];
  const b: UnitDef = UNITS[to];
  if (a.dimension !== b.dimension) {
    throw new Error(`cannot convert ${from} (${a.dimension}) to ${to} (${b.dimension})`);
  }
  return (value * a.factor) / b.factor;
}

/** Bytes per element of the numeric formats the planner knows. Block-scaled formats include their scale overhead. */
export const BYTES_PER_ELEMENT = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  /** INT8 weights/KV. */
  int8: 1,
  /** INT4 with one BF16 scale per 128-element group: 0.5 + 2/128 bytes. */
  int4: 0.5 + 2 / 128,
  /** MXFP4 (OCP microscaling): 4-bit elements, one 8-bit shared exponent per 32 elements. */
  mxfp4: 0.5 + 1 / 32,
  /** NVFP4: 4-bit elements, one FP8 scale per 16 elements. */
  nvfp4: 0.5 + 1 / 16,
} as const;

export type NumericFormat = keyof typeof BYTES_PER_ELEMENT;

export function bytesPerElement(format: NumericFormat): number {
  return BYTES_PER_ELEMENT[format];
}

/** Energy of a constant power over a duration, in Wh (the one place power × time becomes energy). */
export function energyWh(powerW: number, hours: number): number {
  return powerW * hours;
}
