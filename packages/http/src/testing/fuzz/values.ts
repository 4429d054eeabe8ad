import type { Random } from './random.js';

/** Numbers at the edges: huge, negative, fractional, tiny, exponent-sized, unsafe integers. */
export const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1.5,
  2,
  3,
  7,
  8,
  64,
  1e-300,
  5e-324,
  1e-7,
  1e6,
  1e9,
  1e12,
  1e15,
  1e18,
  1e19,
  1e21,
  1e100,
  1e300,
  1.7976931348623157e308,
  -1.7976931348623157e308,
  -1e300,
  2 ** 31,
  2 ** 32 + 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  123456.789,
];

/** Number literals written into the JSON text itself (some parse to ±Infinity, some are not JSON). */
export const RAW_NUMBER_LITERALS: readonly string[] = [
  '1e999',
  '-1e999',
  '1E+2',
  '1e-400',
  '-0',
  '0.0000001e7',
  '4.0',
  '1e5',
  '2E3',
  '00',
  '.5',
  '5.',
  '+1',
  '0x10',
  '1_000',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e',
  '١',
];

export const EDGE_STRINGS: readonly string[] = [
  '',
  ' ',
  'x',
  'h100',
  'deepseek-v3',
  'llama-3.1-8b',
  'fp8',
  'bf16',
  'auto',
  'training',
  '1',
  '1e3',
  'NaN',
  'null',
  '\u0000',
  '💥',
  '\ud800',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE saved_plans; --",
  'x'.repeat(300),
  'ü'.repeat(5000),
];

/** A value of any JSON type (deeper ones rarely). */
export function anyValue(random: Random, depth = 0): unknown {
  const kind = random.weighted({ number: 4, string: 3, boolean: 1, null: 1, array: depth < 3 ? 1 : 0, object: depth < 3 ? 1 : 0 });
  switch (kind) {
    case 'number':
      return random.pick(EDGE_NUMBERS);
    case 'string':
      return random.pick(EDGE_STRINGS);
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: random.int(4) }, () => anyValue(random, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: random.int(4) }, (_, i) => [`k${i}`, anyValue(random, depth + 1)]));
  }
}

/** A value of another JSON type than `value`. */
export function otherType(random: Random, value: unknown): unknown {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  for (;;) {
    const candidate = anyValue(random, 2);
    const candidateType = candidate === null ? 'null' : Array.isArray(candidate) ? 'array' : typeof candidate;
    if (candidateType !== type) return candidate;
  }
}

/** `[[[…]]]` or `{"a":{"a":…}}`, `levels` deep. */
export function deeplyNested(random: Random, levels: number): string {
  return random.chance(0.5) ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates, 0xFF. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xc3, 0x28],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc0, 0xaf],
  [0xe2, 0x82],
];
