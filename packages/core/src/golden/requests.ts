import type { KvCacheRequest, ThroughputRequest, TrainingRequest } from '../index.js';

/**
 * The fixed requests of the golden-output test (golden.test.ts, write-golden.ts): training plans,
 * aggregated throughput points and KV-cache reports over catalog models and GPUs. Not
 * planInference: its output is being changed on purpose elsewhere, so a golden of it would only
 * record churn. Change a request here only together with a regenerated golden.json.
 */

/** DeepSeek-V3 report §3.1-3.3, §4.2: 2,048 H800, FP8, seq 4K, 15,360 sequences per step, BF16 Adam moments. */
const V3_SEARCH: TrainingRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
};
/** V3 report §3.2: PP16, EP64, ZeRO-1 DP, no TP, DualPipe (training.test.ts pins the same layout). */
const V3_LAYOUT = { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' } as const;

/** A pasted Hugging Face config (Llama-2-7B's config.json), not a catalog id. */
const PASTED_LLAMA2_7B_CONFIG: Record<string, unknown> = {
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: 4096,
  intermediate_size: 11008,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 32,
  vocab_size: 32000,
  max_position_embeddings: 4096,
  rms_norm_eps: 1e-5,
  hidden_act: 'silu',
  tie_word_embeddings: false,
  torch_dtype: 'float16',
};

export const GOLDEN_TRAINING: Readonly<Record<string, TrainingRequest>> = {
  'deepseek-v3-2048-h800-fp8-search': V3_SEARCH,
  'deepseek-v3-2048-h800-fp8-published-layout': { ...V3_SEARCH, parallelism: V3_LAYOUT },
  'deepseek-v3-2048-h20-fp8-published-layout': { ...V3_SEARCH, gpu: 'h20', parallelism: V3_LAYOUT },
  'llama-3.1-405b-16384-h100-bf16': {
    model: 'llama-3.1-405b',
    gpu: 'h100',
    gpuCount: 16384,
    tokens: 15e12,
    sequenceLength: 8192,
    globalBatchTokens: 16 * 1024 * 1024,
    precision: 'bf16',
  },
  'llama-3.1-8b-8-h100-bf16': {
    model: 'llama-3.1-8b',
    gpu: 'h100',
    gpuCount: 8,
    tokens: 1e12,
    sequenceLength: 8192,
    globalBatchTokens: 128 * 8192,
    precision: 'bf16',
  },
  'mixtral-8x7b-64-a100-bf16': {
    model: 'mixtral-8x7b',
    gpu: 'a100',
    gpuCount: 64,
    tokens: 1e12,
    sequenceLength: 4096,
    globalBatchTokens: 1024 * 4096,
    precision: 'bf16',
  },
  'qwen3-30b-a3b-16-h100-fp8': {
    model: 'qwen3-30b-a3b',
    gpu: 'h100',
    gpuCount: 16,
    tokens: 1e12,
    sequenceLength: 4096,
    globalBatchTokens: 512 * 4096,
    precision: 'fp8',
  },
  'gpt-oss-120b-64-h200-bf16': {
    model: 'gpt-oss-120b',
    gpu: 'h200',
    gpuCount: 64,
    tokens: 1e12,
    sequenceLength: 4096,
    globalBatchTokens: 1280 * 4096,
    precision: 'bf16',
  },
  'pasted-llama2-7b-16-a800-bf16': {
    model: { config: PASTED_LLAMA2_7B_CONFIG },
    gpu: 'a800',
    gpuCount: 16,
    tokens: 2e12,
    sequenceLength: 4096,
    globalBatchTokens: 1024 * 4096,
    precision: 'bf16',
  },
};

export const GOLDEN_THROUGHPUT: Readonly<Record<string, ThroughputRequest>> = {
  'llama-3.1-8b-1-h100-bf16': {
    model: 'llama-3.1-8b',
    gpu: 'h100',
    gpuCount: 1,
    precision: { weights: 'bf16', kvCache: 'bf16' },
    inputTokens: 1024,
    outputTokens: 256,
    concurrency: 16,
  },
  'llama-3.1-70b-4-h200-fp8': {
    model: 'llama-3.1-70b',
    gpu: 'h200',
    gpuCount: 4,
    precision: { weights: 'fp8', kvCache: 'fp8' },
    inputTokens: 2048,
    outputTokens: 512,
    concurrency: 64,
    backend: 'vllm',
  },
  'deepseek-v3-16-h20-fp8-ep16': {
    model: 'deepseek-v3',
    gpu: 'h20',
    gpuCount: 16,
    precision: { weights: 'fp8', kvCache: 'fp8' },
    inputTokens: 4096,
    outputTokens: 1024,
    concurrency: 128,
    parallelism: { attentionTp: 8, attentionDp: 2, moeTp: 1, moeEp: 16 },
    backend: 'sglang',
    prefixCacheHitRate: 0.25,
  },
  'mixtral-8x7b-2-a100-bf16': {
    model: 'mixtral-8x7b',
    gpu: 'a100',
    gpuCount: 2,
    precision: { weights: 'bf16', kvCache: 'bf16' },
    inputTokens: 512,
    outputTokens: 512,
    concurrency: 32,
  },
  'qwen3-30b-a3b-1-b200-nvfp4': {
    model: 'qwen3-30b-a3b',
    gpu: 'b200',
    gpuCount: 1,
    precision: { weights: 'nvfp4', kvCache: 'fp8' },
    inputTokens: 8192,
    outputTokens: 1024,
    concurrency: 64,
    backend: 'trtllm',
  },
  'gpt-oss-120b-1-mi300x-mxfp4': {
    model: 'gpt-oss-120b',
    gpu: 'mi300x',
    gpuCount: 1,
    precision: { weights: 'mxfp4', kvCache: 'bf16' },
    inputTokens: 1024,
    outputTokens: 1024,
    concurrency: 32,
  },
  'deepseek-v3-8-h100-bf16-does-not-fit': {
    model: 'deepseek-v3',
    gpu: 'h100',
    gpuCount: 8,
    precision: { weights: 'bf16', kvCache: 'bf16' },
    inputTokens: 1024,
    outputTokens: 256,
    concurrency: 8,
  },
};

export const GOLDEN_KV_CACHE: Readonly<Record<string, KvCacheRequest>> = {
  'deepseek-v2-mla-bf16-32k-x8': { model: 'deepseek-v2', contextTokens: 32768, kvCacheDtype: 'bf16', concurrency: 8 },
  'llama-3.1-70b-gqa-fp8-8k-x4': { model: 'llama-3.1-70b', contextTokens: 8192, kvCacheDtype: 'fp8', concurrency: 4 },
  'gpt-oss-120b-sliding-6bit-64k': { model: 'gpt-oss-120b', contextTokens: 65536, kvCacheBits: 6 },
};
