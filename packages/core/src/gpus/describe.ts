import { convert } from '../units/units.js';
import type { Figure } from '../units/figure.js';
import { effectiveGBpsPerDirection, requireInterconnect } from '../interconnects/catalog.js';
import { exportControlFigures } from './export-control.js';
import type { GpuSpec } from './types.js';

/** A flat, JSON-ready view of a GPU for API responses; every figure keeps its source. */
export function describeGpu(gpu: GpuSpec) {
  const up = requireInterconnect(gpu.scaleUpInterconnect);
  const out = requireInterconnect(gpu.scaleOutInterconnect);
  const nics = gpu.scaleOutNicsPerGpu.value;
  const sources: Record<string, Pick<Figure, 'kind' | 'source'>> = {};
  const put = (key: string, f: Figure | undefined) => {
    if (f) sources[key] = { kind: f.kind, source: f.source };
  };
  const dense: Record<string, number> = {};
  for (const [fmt, f] of Object.entries(gpu.denseTflops) as [string, Figure | undefined][]) {
    if (f) {
      dense[fmt] = f.value;
      put(`denseTflops.${fmt}`, f);
    }
  }
  const mamf: Record<string, number> = {};
  for (const [fmt, f] of Object.entries(gpu.maxAchievableMatmulTflops) as [string, Figure | undefined][]) {
    if (f) {
      mamf[fmt] = f.value;
      put(`maxAchievableMatmulTflops.${fmt}`, f);
    }
  }
  put('hbmCapacityGB', gpu.hbmCapacityGB);
  put('hbmBandwidthTBps', gpu.hbmBandwidthTBps);
  put('smCount', gpu.smCount);
  put('scaleUpBandwidthGBps', up.nominalBidirectionalGBps);
  put('scaleUpEffectiveGBpsPerDirection', up.achievableFraction);
  put('scaleOutNicsPerGpu', gpu.scaleOutNicsPerGpu);
  put('scaleOutBandwidthGBpsPerDirection', out.perDirectionGBps);
  put('gpusPerNode', gpu.gpusPerNode);
  put('tdpW', gpu.tdpW);
  put('dieAreaMm2', gpu.dieAreaMm2);
  const ec = exportControlFigures(gpu);
  return {
    id: gpu.id,
    name: gpu.name,
    vendor: gpu.vendor,
    architecture: gpu.architecture,
    denseTflops: dense,
    maxAchievableMatmulTflops: mamf,
    hbmCapacityGB: gpu.hbmCapacityGB.value,
    hbmCapacityGiB: convert(gpu.hbmCapacityGB.value, 'GB', 'GiB'),
    hbmBandwidthTBps: gpu.hbmBandwidthTBps.value,
    smCount: gpu.smCount.value,
    scaleUp: {
      interconnect: up.id,
      bandwidthGBpsBidirectional: up.nominalBidirectionalGBps.value,
      bandwidthGBpsPerDirection: up.perDirectionGBps.value,
      effectiveGBpsPerDirection: effectiveGBpsPerDirection(up),
    },
    scaleOut: {
      interconnect: out.id,
      nicsPerGpu: nics,
      bandwidthGBpsPerDirectionPerGpu: out.perDirectionGBps.value * nics,
      bandwidthGbpsPerGpu: convert(out.perDirectionGBps.value * nics, 'GB', 'Gbit'),
      effectiveGBpsPerDirectionPerGpu: effectiveGBpsPerDirection(out) * nics,
    },
    gpusPerNode: gpu.gpusPerNode.value,
    tdpW: gpu.tdpW.value,
    ...(gpu.dieAreaMm2 ? { dieAreaMm2: gpu.dieAreaMm2.value } : {}),
    exportControl: ec,
    sources,
  };
}

export type GpuDescription = ReturnType<typeof describeGpu>;
