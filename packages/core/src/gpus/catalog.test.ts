import { describe, expect, it } from 'vitest';
import { getGpu, listGpus } from './catalog.js';
import { exportControlFigures } from './export-control.js';
import { describeGpu } from './describe.js';
import { communicationSmShare } from '../kernels/communication-sms.js';

describe('GPU catalog', () => {
  it('holds the nine catalog GPUs with lowercase ids', () => {
    expect(
      listGpus()
        .map((g) => g.id)
        .sort(),
    ).toEqual(['a100', 'a800', 'b200', 'h100', 'h100-96gb-500w', 'h20', 'h200', 'h800', 'mi300x']);
  });

  // torchtitan docs/performance.md: "HBM2e-based SXM H100 with lower TDP, the actual peak TFLOPs number is between
  // SXM and NVL"; NVIDIA's ratings (as torchtitan get_peak_flops reads them): NVL 835 dense BF16 at 400 W, SXM 989 at 700 W
  it("derives the 500 W Grand Teton H100's peak between NVIDIA's NVL and SXM ratings, linear in board power", () => {
    const capped = getGpu('h100-96gb-500w')!;
    const sxm = getGpu('h100')!;
    expect(capped.denseTflops.bf16.kind).toBe('derived');
    expect(capped.denseTflops.bf16.value).toBeCloseTo(835 + ((500 - 400) / (700 - 400)) * (989 - 835), 1);
    expect(capped.denseTflops.bf16.value).toBeGreaterThan(835);
    expect(capped.denseTflops.bf16.value).toBeLessThan(sxm.denseTflops.bf16.value);
    // the MAMF keeps the SXM's fraction of peak; HBM2e and the power limit are torchtitan's own figures
    expect(capped.maxAchievableMatmulTflops.bf16.value / capped.denseTflops.bf16.value).toBeCloseTo(
      sxm.maxAchievableMatmulTflops.bf16.value / sxm.denseTflops.bf16.value,
      3,
    );
    expect([capped.hbmCapacityGB.value, capped.hbmBandwidthTBps.value, capped.tdpW.value]).toEqual([96, 2.4, 500]);
  });

  it('gives every figure a source and a kind', () => {
    for (const gpu of listGpus()) {
      const figures = [
        gpu.hbmCapacityGB,
        gpu.hbmBandwidthTBps,
        gpu.smCount,
        gpu.tdpW,
        gpu.gpusPerNode,
        gpu.scaleOutNicsPerGpu,
        ...Object.values(gpu.denseTflops),
        ...Object.values(gpu.maxAchievableMatmulTflops),
      ];
      for (const f of figures) {
        expect(f?.source.length, `${gpu.id}`).toBeGreaterThan(10);
        expect(['datasheet', 'measured', 'derived', 'assumed']).toContain(f?.kind);
      }
    }
  });

  // H100 SXM5 / H800 / H200: 132 of GH100's 144 SMs; H20 78; A100/A800 108 of GA100's 128; B200 2 × 74; MI300X 8 XCDs × 38 CUs
  it.each([
    ['h800', 132],
    ['h100', 132],
    ['h100-96gb-500w', 132],
    ['h200', 132],
    ['h20', 78],
    ['a100', 108],
    ['a800', 108],
    ['b200', 148],
    ['mi300x', 304],
  ])('counts the SMs (CUs) of %s: %d', (id, sms) => {
    expect(getGpu(id)!.smCount.value).toBe(sms);
    expect(describeGpu(getGpu(id)!).smCount).toBe(sms);
  });

  it("keeps the communication-SM share of the H800 at DeepSeek's 20/132", () => {
    expect(communicationSmShare(getGpu('h800')!)).toBe(20 / 132);
    expect(communicationSmShare(getGpu('h20')!)).toBe(20 / 78);
  });

  it('gives every GPU a maximum achievable matmul throughput below its peak, FP8 exactly where it has an FP8 path', () => {
    for (const gpu of listGpus()) {
      const mamf = gpu.maxAchievableMatmulTflops;
      expect(mamf.bf16.value, gpu.id).toBeLessThan(gpu.denseTflops.bf16.value);
      expect(mamf.fp8 === undefined, gpu.id).toBe(gpu.denseTflops.fp8 === undefined);
      if (mamf.fp8 && gpu.denseTflops.fp8) expect(mamf.fp8.value, gpu.id).toBeLessThan(gpu.denseTflops.fp8.value);
    }
  });

  // Bekman's MAMF table (src/gpus/data/mamf-source.ts): A100 holds its clock, Hopper and Blackwell throttle
  it.each([
    ['a100', 0.869],
    ['h100', 0.803],
    ['b200', 0.776],
  ])('measures %s at %f of its BF16 peak', (id, fraction) => {
    const gpu = getGpu(id)!;
    expect(gpu.maxAchievableMatmulTflops.bf16.kind).toBe('measured');
    expect(gpu.maxAchievableMatmulTflops.bf16.value / gpu.denseTflops.bf16.value).toBeCloseTo(fraction, 3);
  });

  it('has no FP8 tensor path on Ampere', () => {
    expect(getGpu('a100')?.denseTflops.fp8).toBeUndefined();
    expect(getGpu('h800')?.denseTflops.fp8?.value).toBe(1979);
  });

  // published-figures.json hardware.export_control.derived_TPP_dense_TOPS_x_bits (derived, not a BIS figure)
  it.each([
    ['h100', 15830],
    ['h800', 15830],
    ['h20', 2368],
    ['a100', 4992],
    ['b200', 36000],
    ['mi300x', 20918],
  ])('computes TPP of %s as dense TOPS x bit length (%d, within 0.1%%)', (id, tpp) => {
    expect(exportControlFigures(getGpu(id)!).tpp / tpp).toBeCloseTo(1, 3);
  });

  // smbom.com/news/13059: H20 performance density 2.9, H100 19.4
  it('computes performance density from die area', () => {
    expect(exportControlFigures(getGpu('h20')!).performanceDensity).toBeCloseTo(2.9, 1);
    expect(exportControlFigures(getGpu('h100')!).performanceDensity).toBeCloseTo(19.4, 1);
    expect(exportControlFigures(getGpu('h20')!).exceeds3A090a).toBe(false);
  });

  it('describes H800 scale-up as 400 GB/s bidirectional, 160 GB/s effective per direction', () => {
    const d = describeGpu(getGpu('h800')!);
    expect(d.scaleUp.bandwidthGBpsBidirectional).toBe(400);
    expect(d.scaleUp.effectiveGBpsPerDirection).toBeCloseTo(160, 6);
    expect(d.scaleOut.bandwidthGbpsPerGpu).toBeCloseTo(400, 6);
    expect(describeGpu(getGpu('h20')!).scaleOut.bandwidthGbpsPerGpu).toBeCloseTo(200, 6);
  });
});
