import { planInference, estimateThroughput, decodePareto } from '../src/index.js';
import { measure, type BenchResult } from './measure.js';

import { DAY6_SEARCH, LLAMA_70B_SEARCH, PARETO_CONTEXT_TOKENS, SMALL_V3_SEARCH, v3DecodeSetups } from './inference-requests.js';

export function suite(): BenchResult[] {
  const setups = v3DecodeSetups();
  return [
    measure(
      'inference: whole-instance fleet, small V3 (auto)',
      () => {
        const p = planInference(SMALL_V3_SEARCH);
        return { mode: p.mode, usdPerDay: Math.round(p.dailyCostUsd) };
      },
      50,
    ),
    measure(
      'inference: whole-instance fleet, Llama-70B (auto)',
      () => {
        const p = planInference(LLAMA_70B_SEARCH);
        return { mode: p.mode, usdPerDay: Math.round(p.dailyCostUsd) };
      },
      50,
    ),
    measure(
      'inference: whole-instance fleet, Day-6 scale (auto)',
      () => {
        const p = planInference(DAY6_SEARCH);
        return { mode: p.mode, nodes: Math.round(p.averageNodes) };
      },
      50,
    ),
    measure(
      'inference: Day-6 fleet, disaggregated only',
      () => {
        const p = planInference({ ...DAY6_SEARCH, deployment: { mode: 'disaggregated' } });
        return { pareto: p.pareto.length };
      },
      50,
    ),
    measure(
      'inference: decode Pareto sweep (9 layouts)',
      () => {
        return { points: decodePareto(setups, PARETO_CONTEXT_TOKENS).length };
      },
      50,
    ),
    measure(
      'inference: throughput (Llama-3.1-70B, TP4)',
      () => {
        estimateThroughput({
          model: 'llama-3.1-70b',
          gpu: 'h100',
          gpuCount: 4,
          precision: { weights: 'fp8', kvCache: 'fp8' },
          inputTokens: 2048,
          outputTokens: 512,
          concurrency: 64,
        });
      },
      200,
    ),
  ];
}
