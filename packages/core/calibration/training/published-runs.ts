/**
 * Public training runs the training planner is calibrated and checked against.
 * Every figure carries its source; copied here so that nothing reads ../shared at run time.
 * `target` is tokens per second per GPU (derived from the published figure when the
 * source prints MFU or GPU-hours; the derivation is in `derivation`).
 */
import type { GpuSpec, TrainingRequest } from '../../src/index.js';
import { getGpu } from '../../src/index.js';

export interface PublishedRun {
  readonly id: string;
  readonly description: string;
  /** In the fit subset (true) or held out (false). */
  readonly fit: boolean;
  /** The planner request that reproduces the published setup (tokens irrelevant: per-GPU rate compared). */
  readonly request: TrainingRequest;
  /** What is compared: tokens/s/GPU or MFU. */
  readonly metric: 'tokensPerSecondPerGpu' | 'mfu';
  readonly published: number;
  readonly source: string;
  readonly derivation?: string;
  /** Where the planner's setup differs from the real run. */
  readonly notes?: string;
}

const LLAMA3 = '"The Llama 3 Herd of Models" (arXiv:2407.21783) §3.3.2 Table 4 (text read from GitHub transcriptions)';
const NEMO = 'NVIDIA NeMo Framework 24.12 performance summary, docs.nvidia.com/nemo-framework/user-guide/24.12/nemotoolkit/performance/performance_summary.html, FP8 pre-training table (DGX H100 presumed)';
const ISCA = 'Zhao et al., "Insights into DeepSeek-V3", ISCA\'25 / arXiv:2505.09343v2, Table 4 (MPFT column): 272.80B tokens/day, 19.926 s/step, MFU (causal) 38.94%';
const V3 = 'DeepSeek-V3 Technical Report (arXiv:2412.19437): Table 1 "2664K" H800 GPU-hours pre-training on 14.8T tokens; §3.2 PP16, EP64 over 8 nodes, ZeRO-1 DP, no TP, DualPipe; §4.2 seq 4K, batch 15,360';
const V2 = 'DeepSeek-V2 Technical Report (arXiv:2405.04434) §3.1.4: "training DeepSeek-V2 ... 172.8K GPU hours per trillion tokens" on H800; 16-way zero-bubble PP, 8-way EP, ZeRO-1 DP; §3.1.3 batch 2304 sequences of 4K';

/** Meta's Llama 3 cluster: H100 with 400 Gb/s RoCE (a variant GPU spec, the catalog is not edited). */
const h100Roce: GpuSpec = { ...getGpu('h100')!, id: 'h100-roce', scaleOutInterconnect: 'roce-400' };

/** GPT-3 175B (Brown et al. 2020, Table 2.1): 96 layers, d_model 12288, 96 heads, FFN 4·d (GELU), vocab 50257, tied embeddings.
 * The normaliser only knows SwiGLU (3 matrices); a GELU FFN of 4·d has 2·d·4d = 8d² weights, the same as SwiGLU with
 * inner size 8d/3 = 32768 — same FLOPs and parameters (activation memory differs slightly). */
export const GPT3_175B_CONFIG = {
  model_type: 'gpt3', architectures: ['GPT3 (architecture-only)'], hidden_size: 12288, num_hidden_layers: 96, num_attention_heads: 96,
  intermediate_size: 32768, vocab_size: 50257, tie_word_embeddings: true, max_position_embeddings: 2048,
};
/** Llama 2 7B / 70B (Touvron et al. 2023, HF config.json values). */
export const LLAMA2_7B_CONFIG = { model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32, intermediate_size: 11008, vocab_size: 32000, max_position_embeddings: 4096 };
export const LLAMA2_70B_CONFIG = { model_type: 'llama', hidden_size: 8192, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, intermediate_size: 28672, vocab_size: 32000, max_position_embeddings: 4096 };

const v3Request: TrainingRequest = {
  model: 'deepseek-v3', gpu: 'h800', gpuCount: 2048, tokens: 14.8e12, sequenceLength: 4096, globalBatchTokens: 15360 * 4096,
  precision: 'fp8', optimizerStatePrecision: 'bf16',
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
};

export const PUBLISHED_RUNS: readonly PublishedRun[] = [
  {
    id: 'deepseek-v3-isca', description: 'DeepSeek-V3, 2,048 H800, FP8, PP16 EP64 DualPipe, seq 4K', fit: true,
    request: v3Request, metric: 'tokensPerSecondPerGpu', published: 272.8e9 / 86400 / 2048,
    source: ISCA, derivation: '272.8e9 tokens/day ÷ 86,400 s ÷ 2,048 GPUs = 1,541.7',
    notes: 'micro-batch of one 4,096-token sequence (DeepEP README: "4096 tokens per batch" for the V3 pre-training setting).',
  },
  {
    id: 'llama3-405b-8k', description: 'Llama 3 405B, 8,192 H100, BF16, TP8 PP16 DP64, seq 8K', fit: true,
    request: { model: 'llama-3.1-405b', gpu: h100Roce, gpuCount: 8192, tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 64 * 32 * 8192, precision: 'bf16',
      parallelism: { tp: 8, pp: 16, dp: 64, ep: 1, microBatchSize: 1, schedule: 'interleaved' } },
    metric: 'mfu', published: 0.43, source: `${LLAMA3}: 8,192 GPUs, TP 8, CP 1, PP 16, DP 64, seq 8,192, batch/DP 32, 430 TFLOPs/GPU, 43% BF16 MFU`,
    notes: 'interleaved 1F1B (virtual stages searched); Meta balanced 126 layers by dropping one from the first and last stage, the planner balances FLOPs.',
  },
  {
    id: 'nemo-gpt3-175b-512', description: 'GPT3-175B, 512 H100, FP8, TP4 PP8 VP6, MBS 2, seq 2K', fit: true,
    request: { model: { config: GPT3_175B_CONFIG }, gpu: 'h100', gpuCount: 512, tokens: 1e12, sequenceLength: 2048, globalBatchTokens: 2048 * 2048, precision: 'fp8',
      parallelism: { tp: 4, pp: 8, dp: 16, ep: 1, zero: 1, microBatchSize: 2, schedule: 'interleaved', virtualStages: 6 } },
    metric: 'tokensPerSecondPerGpu', published: 825, source: `${NEMO}: "GPT3-175B 512 2048 2 2048 4 8 1 6 825 888"`,
    notes: 'GELU FFN approximated by an equal-FLOP SwiGLU (see GPT3_175B_CONFIG).',
  },
  {
    id: 'llama3-405b-131k-cp16', description: 'Llama 3 405B, 16,384 H100, BF16, TP8 CP16 PP16 DP8, seq 131K', fit: true,
    request: { model: 'llama-3.1-405b', gpu: h100Roce, gpuCount: 16384, tokens: 1e12, sequenceLength: 131072, globalBatchTokens: 8 * 16 * 131072, precision: 'bf16',
      parallelism: { tp: 8, pp: 16, dp: 8, ep: 1, cp: 16, microBatchSize: 1, schedule: 'interleaved' } },
    metric: 'mfu', published: 0.38, source: `${LLAMA3}: 16,384 GPUs, TP 8, CP 16, PP 16, DP 8, seq 131,072, batch/DP 16, 380 TFLOPs/GPU, 38% MFU`,
    notes: 'CP approximated as an exposed all-gather of K/V and reduce-scatter of their gradients per layer (Meta\'s all-gather CP), causal work balanced across CP ranks.',
  },
  {
    id: 'llama3-405b-16k', description: 'Llama 3 405B, 16,384 H100, BF16, TP8 PP16 DP128, seq 8K', fit: false,
    request: { model: 'llama-3.1-405b', gpu: h100Roce, gpuCount: 16384, tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 128 * 16 * 8192, precision: 'bf16',
      parallelism: { tp: 8, pp: 16, dp: 128, ep: 1, microBatchSize: 1, schedule: 'interleaved' } },
    metric: 'mfu', published: 0.41, source: `${LLAMA3}: 16,384 GPUs, TP 8, PP 16, DP 128, batch/DP 16, 400 TFLOPs/GPU, 41% MFU`,
  },
  {
    id: 'deepseek-v3-gpu-hours', description: 'DeepSeek-V3 pre-training GPU-hours (2,664K for 14.8T tokens)', fit: false,
    request: v3Request, metric: 'tokensPerSecondPerGpu', published: 14.8e12 / (2664e3 * 3600), source: V3,
    derivation: '14.8e12 tokens ÷ (2,664,000 GPU-h × 3,600 s) = 1,543.2 tokens/s/GPU', notes: 'same setup as the ISCA row; an independent published figure.',
  },
  {
    id: 'nemo-llama3-70b-64', description: 'Llama 3 70B, 64 H100, FP8, TP4 PP4 CP2 VP5, seq 8K', fit: false,
    request: { model: 'llama-3.1-70b', gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 128 * 8192, precision: 'fp8',
      parallelism: { tp: 4, pp: 4, dp: 2, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 5 } },
    metric: 'tokensPerSecondPerGpu', published: 1524, source: `${NEMO}: "LLAMA3-70B 64 128 1 8192 4 4 2 5 1524 734"`,
  },
  {
    id: 'nemo-llama3-8b-8', description: 'Llama 3 8B, 8 H100, FP8, CP2, seq 8K', fit: false,
    request: { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 8, tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 128 * 8192, precision: 'fp8',
      parallelism: { tp: 1, pp: 1, dp: 4, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b' } },
    metric: 'tokensPerSecondPerGpu', published: 12273, source: `${NEMO}: "LLAMA3-8B 8 128 1 8192 1 1 2 1 12273 711"`,
  },
  {
    id: 'nemo-gpt3-175b-128', description: 'GPT3-175B, 128 H100, FP8, TP4 PP8 VP6, MBS 1, seq 2K', fit: false,
    request: { model: { config: GPT3_175B_CONFIG }, gpu: 'h100', gpuCount: 128, tokens: 1e12, sequenceLength: 2048, globalBatchTokens: 256 * 2048, precision: 'fp8',
      parallelism: { tp: 4, pp: 8, dp: 4, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 6 } },
    metric: 'tokensPerSecondPerGpu', published: 716, source: `${NEMO}: "GPT3-175B 128 256 1 2048 4 8 1 6 716 771"`,
  },
  {
    id: 'nemo-llama2-7b-8', description: 'Llama 2 7B, 8 H100, FP8, seq 4K', fit: false,
    request: { model: { config: LLAMA2_7B_CONFIG }, gpu: 'h100', gpuCount: 8, tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 128 * 4096, precision: 'fp8',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b' } },
    metric: 'tokensPerSecondPerGpu', published: 16934, source: `${NEMO}: "LLAMA2-7B 8 128 1 4096 1 1 1 1 16934 780"`,
  },
  {
    id: 'nemo-llama2-70b-64', description: 'Llama 2 70B, 64 H100, FP8, TP4 PP4 VP20, seq 4K', fit: false,
    request: { model: { config: LLAMA2_70B_CONFIG }, gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 128 * 4096, precision: 'fp8',
      parallelism: { tp: 4, pp: 4, dp: 4, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 20 } },
    metric: 'tokensPerSecondPerGpu', published: 1728, source: `${NEMO}: "LLAMA2-70B 64 128 1 4096 4 4 1 20 1728 768"`,
  },
  {
    id: 'deepseek-v2', description: 'DeepSeek-V2, H800, BF16, PP16 EP8 ZeRO-1 (GPU count not published: 1,024 assumed)', fit: false,
    request: { model: 'deepseek-v2', gpu: 'h800', gpuCount: 1024, tokens: 8.1e12, sequenceLength: 4096, globalBatchTokens: 2304 * 4096, precision: 'bf16',
      parallelism: { tp: 1, pp: 16, dp: 64, ep: 8, zero: 1, microBatchSize: 1, schedule: 'zerobubble' } },
    metric: 'tokensPerSecondPerGpu', published: 1e12 / (172.8e3 * 3600), source: V2,
    derivation: '1e12 tokens ÷ (172,800 GPU-h × 3,600 s) = 1,607.5 tokens/s/GPU',
    notes: 'zero-bubble PP modelled as ZB-H1 (bubble (pp−1)(F+B−2W)); GPU count assumed.',
  },
];
