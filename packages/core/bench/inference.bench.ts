import { planInference, estimateThroughput, decodePareto, makeSetup, getModel, getGpu } from '../src/index.js';
import { candidateLayouts } from '../src/inference/candidates.js';
import { measure, type BenchResult } from './measure.js';

const DEEPSEEK_PLAN = {
  model: 'deepseek-v3', gpu: 'h800', precision: { weights: 'fp8', kvCache: 'bf16' },
  workload: { inputTokensPerDay: 608e9, cacheHitRate: 0.563, outputTokensPerDay: 168e9, averageContextTokens: 4989, peakToAverage: 1.226 },
  slo: { minOutputTokensPerSecondPerUser: 20 }, pricePerGpuHourUsd: 2,
};

export function suite(): BenchResult[] {
  const arch = getModel('deepseek-v3')!.architecture;
  const gpu = getGpu('h800')!;
  const setups = candidateLayouts(arch, gpu, 'decode').map((layout) => makeSetup({ arch, gpu, layout, weights: 'fp8', kvBytesPerElement: 2, twoBatchOverlap: true }));
  return [
    measure('inference: DeepSeek-V3 fleet plan (layout search)', () => { const p = planInference(DEEPSEEK_PLAN); return { pareto: p.pareto.length }; }, 50),
    measure('inference: DeepSeek-V3 fleet plan, mode auto (aggregated + disaggregated)', () => { const p = planInference({ ...DEEPSEEK_PLAN, deployment: { mode: 'auto' } }); return { mode: p.mode }; }, 50),
    measure('inference: decode Pareto sweep (9 layouts)', () => { return { points: decodePareto(setups, 4989).length }; }, 50),
    measure('inference: throughput (Llama-3.1-70B, TP4)', () => { estimateThroughput({ model: 'llama-3.1-70b', gpu: 'h100', gpuCount: 4, precision: { weights: 'fp8', kvCache: 'fp8' }, inputTokens: 2048, outputTokens: 512, concurrency: 64 }); }, 200),
  ];
}
