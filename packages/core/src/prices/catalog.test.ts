import { describe, expect, it } from 'vitest';
import { listGpus } from '../gpus/catalog.js';
import { defaultRentalUsdPerGpuHour, getGpuPrice, listGpuPrices } from './catalog.js';
import type { GpuPrice, PriceFigure, RentalKind } from './types.js';

const RENTAL_KINDS: readonly RentalKind[] = ['hyperscalerOnDemand', 'reserved', 'neocloud', 'publishedAssumption'];

function figuresOf(p: GpuPrice): [string, PriceFigure][] {
  const out: [string, PriceFigure][] = [];
  for (const k of RENTAL_KINDS) {
    const f = p.rentalUsdPerGpuHour[k];
    if (f) out.push([`${p.gpuId}.${k}`, f]);
  }
  if (p.gpuUsd) out.push([`${p.gpuId}.gpuUsd`, p.gpuUsd]);
  if (p.serverUsd) out.push([`${p.gpuId}.serverUsd`, p.serverUsd]);
  return out;
}

describe('GPU price catalog', () => {
  it('has one price file for every GPU in the GPU catalog, and none for a GPU outside it', () => {
    const gpuIds = listGpus()
      .map((g) => g.id)
      .sort();
    expect(
      listGpuPrices()
        .map((p) => p.gpuId)
        .sort(),
    ).toEqual(gpuIds);
    for (const id of gpuIds) expect(getGpuPrice(id)?.gpuId, id).toBe(id);
    expect(getGpuPrice('v100')).toBeUndefined();
    expect(defaultRentalUsdPerGpuHour('v100')).toBeUndefined();
  });

  it('gives every figure a kind, a source, a date and a positive finite value', () => {
    const all = listGpuPrices().flatMap(figuresOf);
    expect(all.length).toBeGreaterThan(20);
    for (const [name, f] of all) {
      expect(['datasheet', 'measured', 'derived', 'assumed'], name).toContain(f.kind);
      expect(f.source.length, name).toBeGreaterThan(20);
      expect(f.date, name).toMatch(/20\d\d/);
      expect(Number.isFinite(f.value) && f.value > 0, `${name} = ${f.value}`).toBe(true);
      if (f.rangeUsd) {
        const [lo, hi] = f.rangeUsd;
        expect(lo > 0 && lo <= f.value && f.value <= hi, `${name} range`).toBe(true);
      }
      // a derived figure says its formula
      if (f.kind === 'derived') expect(f.source, name).toMatch(/derived: .*=/);
    }
  });

  it('keeps specs out of the price files (TDP stays in gpus/data)', () => {
    for (const p of listGpuPrices())
      expect(
        Object.keys(p).filter((k) => /tdp|watt/i.test(k)),
        p.gpuId,
      ).toEqual([]);
  });

  it('has a default rental price for every GPU, and it is the figure the file names', () => {
    for (const p of listGpuPrices()) {
      const d = defaultRentalUsdPerGpuHour(p.gpuId);
      expect(d, p.gpuId).toBeDefined();
      expect(Number.isFinite(d!.value) && d!.value > 0).toBe(true);
      expect(d!.source.length).toBeGreaterThan(20);
      expect(d!.date).toMatch(/20\d\d/);
      expect(d!.why.length).toBeGreaterThan(10);
      expect(d!.rentalKind).toBe(p.defaultRentalKind);
      if (p.defaultRentalKind !== 'catalogFallback') expect(d!.value).toBe(p.rentalUsdPerGpuHour[p.defaultRentalKind]!.value);
    }
  });

  it("prices the H800 by default at DeepSeek's $2 per GPU-hour, an assumption with its source", () => {
    const d = defaultRentalUsdPerGpuHour('h800')!;
    expect(d.value).toBe(2);
    expect(d.kind).toBe('assumed');
    expect(d.rentalKind).toBe('publishedAssumption');
    expect(d.source).toContain('Assuming the rental price of the H800 GPU is $2 per GPU hour');
  });

  it('no longer prices every chip alike', () => {
    const defaults = new Map(listGpus().map((g) => [g.id, defaultRentalUsdPerGpuHour(g.id)!.value]));
    expect(defaults.get('b200')).toBeGreaterThan(defaults.get('a100')!);
    expect(new Set(defaults.values()).size).toBeGreaterThan(4);
  });

  // The gap, written down: these GPUs have no sourced rental rate and borrow DeepSeek's H800 figure.
  it('falls back to the H800 $2 only for the GPUs with no sourced rental price (h20, a800, the 500 W H100), and says so', () => {
    const fallback = listGpuPrices()
      .filter((p) => p.defaultRentalKind === 'catalogFallback')
      .map((p) => p.gpuId)
      .sort();
    expect(fallback).toEqual(['a800', 'h100-96gb-500w', 'h20']);
    for (const id of fallback) {
      expect(getGpuPrice(id)!.rentalUsdPerGpuHour).toEqual({});
      const d = defaultRentalUsdPerGpuHour(id)!;
      expect(d.value).toBe(2);
      expect(d.source).toMatch(/^no sourced rental price for/);
    }
  });

  // 2,048 H800 (DeepSeek-V3's cluster). Analysts' "~$51M at market prices" is 2,048 x $25k, the
  // low end of the H100 range; the sourced H800 figures (Caixin, Oct 2023) give more.
  it('prices 2,048 H800 at the sourced unit and server prices', () => {
    const h800 = getGpuPrice('h800')!;
    expect(h800.gpuUsd!.value).toBe(52_234); // 375,000 CNY / 7.1792
    expect(h800.serverUsd!.value).toBe(320_370); // 2.3M CNY / 7.1792
    expect(2048 * h800.gpuUsd!.value).toBe(106_975_232); // ~$107.0M
    expect((2048 / 8) * h800.serverUsd!.value).toBe(82_014_720); // ~$82.0M, 256 servers
    expect(2048 * getGpuPrice('h100')!.gpuUsd!.rangeUsd![0]).toBe(51_200_000);
  });
});
