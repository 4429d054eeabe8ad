import { megatronGpt } from '../calibration/training/published-runs.js';
import type { TrainingRequest } from '../src/index.js';

/** The training requests the benches and the regression guards share (one definition each). */

/** DeepSeek-V3 on 2,048 H800 with its published batch and sequence, no layout: the full search. */
export const V3_SEARCH: TrainingRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
};

/** The same with DeepSeek's published layout (V3 report §3.2): PP16, EP64, ZeRO-1 DP, DualPipe. */
export const V3_PUBLISHED: TrainingRequest = {
  ...V3_SEARCH,
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
};

/** Llama 3.1 405B on 16,384 H100 (Llama 3 paper Table 4 scale), no layout. */
export const LLAMA_405B_SEARCH: TrainingRequest = {
  model: 'llama-3.1-405b',
  gpu: 'h100',
  gpuCount: 16384,
  tokens: 15e12,
  sequenceLength: 8192,
  globalBatchTokens: 16 * 1024 * 1024,
  precision: 'bf16',
};

/**
 * Megatron-LM's 1T GPT (Narayanan et al. 2021, arXiv:2104.04473, Table 1: 128 layers, hidden
 * 25,600, 160 heads, batch 3,072, sequence 2,048) on its 3,072 A100, no layout: the full search.
 * The config is the calibration rows' (megatronGpt); the 450B tokens are §5.1's end-to-end
 * training-time estimate for this model (450B tokens, about 84 days).
 */
export const MEGATRON_1T_SEARCH: TrainingRequest = {
  model: { config: megatronGpt(128, 25600, 160) },
  gpu: 'a100',
  gpuCount: 3072,
  tokens: 450e9,
  sequenceLength: 2048,
  globalBatchTokens: 3072 * 2048,
  precision: 'bf16',
};

/** The bench cases, by name. */
export const BENCH_CASES: Record<string, TrainingRequest> = {
  'v3-search': V3_SEARCH,
  'v3-published': V3_PUBLISHED,
  '405b-search': LLAMA_405B_SEARCH,
  '1t-search': MEGATRON_1T_SEARCH,
};
