import { describe, expect, it } from 'vitest';
import { BYTES_PER_ELEMENT, convert } from './units.js';

describe('convert', () => {
  it('distinguishes GB (10^9) from GiB (2^30)', () => {
    expect(convert(80, 'GB', 'B')).toBe(80e9);
    expect(convert(1, 'GiB', 'B')).toBe(1073741824);
    expect(convert(80, 'GB', 'GiB')).toBeCloseTo(74.506, 3);
  });
  it('turns a 400 Gb/s NIC into 50 GB/s', () => {
    expect(convert(400, 'Gbit', 'GB')).toBe(50);
  });
  it('converts time and FLOPs', () => {
    expect(convert(2.664e6, 'h', 'day')).toBeCloseTo(111000, 0);
    expect(convert(250, 'GFLOP', 'TFLOP')).toBe(0.25);
  });
  it('refuses to convert between dimensions', () => {
    expect(() => convert(1, 'GB', 's')).toThrow(/cannot convert/);
  });
  it('counts block-scale overhead in 4-bit formats', () => {
    expect(BYTES_PER_ELEMENT.mxfp4).toBeCloseTo(0.53125, 6);
    expect(BYTES_PER_ELEMENT.nvfp4).toBeGreaterThan(BYTES_PER_ELEMENT.mxfp4);
  });
});
