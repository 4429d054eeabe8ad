import { describe, expect, it } from 'vitest';
import { GEMM_TILE_EDGE, gemmShapeUtilization, tileUtilization, waveUtilization } from './gemm-shape.js';

describe('GEMM shape utilisation', () => {
  it('pads an axis to whole tiles', () => {
    expect(tileUtilization(GEMM_TILE_EDGE)).toBe(1);
    expect(tileUtilization(GEMM_TILE_EDGE + 1)).toBeCloseTo((GEMM_TILE_EDGE + 1) / (2 * GEMM_TILE_EDGE), 12);
  });
  it('loses the idle SMs of the last wave', () => {
    expect(waveUtilization(132, 132)).toBe(1);
    expect(waveUtilization(133, 132)).toBeCloseTo(133 / 264, 12);
    // 2,048 × 2,304 on an A100: 16 × 18 = 288 tiles in 3 waves of 108 SMs
    expect(gemmShapeUtilization(2048, 2304, 108)).toBeCloseTo(288 / 324, 12);
  });
  it('tends to 1 for large GEMMs and counts every group of a grouped GEMM', () => {
    expect(gemmShapeUtilization(16384, 16384, 132)).toBeGreaterThan(0.99);
    const one = gemmShapeUtilization(128, 2048, 132);
    const eight = gemmShapeUtilization(128, 2048, 132, 8);
    expect(one).toBeCloseTo(16 / 132, 12);
    expect(eight).toBeCloseTo(128 / 132, 12);
  });
  it('depends on the SM count: the same shape on fewer SMs wastes a different share', () => {
    expect(gemmShapeUtilization(4096, 4096, 132)).not.toBeCloseTo(gemmShapeUtilization(4096, 4096, 108), 3);
  });
});
