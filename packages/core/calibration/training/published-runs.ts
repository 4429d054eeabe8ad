/**
 * Public training runs the training planner is calibrated and checked against.
 * Every figure carries its source; copied here so that nothing reads ../shared at run time.
 * `target` is tokens per second per GPU (derived from the published figure when the
 * source prints MFU or GPU-hours; the derivation is in `derivation`).
 */
import type { GpuSpec, TrainingRequest } from '../../src/index.js';
import { figure, getGpu } from '../../src/index.js';

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
  /**
   * Set when the run's hardware cannot be represented by any sourced GPU spec (e.g. an unpublished
   * power-capped part): the row is still reported, and the doc also gives the held-out error without such rows.
   */
  readonly hardwareCaveat?: string;
}

const LLAMA3 = '"The Llama 3 Herd of Models" (arXiv:2407.21783) §3.3.2 Table 4 (text read from GitHub transcriptions)';
const NEMO =
  'NVIDIA NeMo Framework 24.12 performance summary, docs.nvidia.com/nemo-framework/user-guide/24.12/nemotoolkit/performance/performance_summary.html, FP8 pre-training table (DGX H100 presumed)';
const ISCA =
  'Zhao et al., "Insights into DeepSeek-V3", ISCA\'25 / arXiv:2505.09343v2, Table 4 (MPFT column): 272.80B tokens/day, 19.926 s/step, MFU (causal) 38.94%';
const V3 =
  'DeepSeek-V3 Technical Report (arXiv:2412.19437): Table 1 "2664K" H800 GPU-hours pre-training on 14.8T tokens; §3.2 PP16, EP64 over 8 nodes, ZeRO-1 DP, no TP, DualPipe; §4.2 seq 4K, batch 15,360';
const V2 =
  'DeepSeek-V2 Technical Report (arXiv:2405.04434) §3.1.4: "training DeepSeek-V2 ... 172.8K GPU hours per trillion tokens" on H800; 16-way zero-bubble PP, 8-way EP, ZeRO-1 DP; §3.1.3 batch 2304 sequences of 4K';

/** Meta's Llama 3 cluster: H100 with 400 Gb/s RoCE (a variant GPU spec, the catalog is not edited). */
const h100Roce: GpuSpec = { ...getGpu('h100')!, id: 'h100-roce', scaleOutInterconnect: 'roce-400' };

/** GPT-3 175B (Brown et al. 2020, Table 2.1): 96 layers, d_model 12288, 96 heads, FFN 4·d (GELU), vocab 50257, tied embeddings.
 * The normaliser only knows SwiGLU (3 matrices); a GELU FFN of 4·d has 2·d·4d = 8d² weights, the same as SwiGLU with
 * inner size 8d/3 = 32768 — same FLOPs and parameters (activation memory differs slightly). */
export const GPT3_175B_CONFIG = {
  model_type: 'gpt3',
  architectures: ['GPT3 (architecture-only)'],
  hidden_size: 12288,
  num_hidden_layers: 96,
  num_attention_heads: 96,
  intermediate_size: 32768,
  vocab_size: 50257,
  tie_word_embeddings: true,
  max_position_embeddings: 2048,
};
/** Llama 2 7B / 70B (Touvron et al. 2023, HF config.json values). */
export const LLAMA2_7B_CONFIG = {
  model_type: 'llama',
  hidden_size: 4096,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 32,
  intermediate_size: 11008,
  vocab_size: 32000,
  max_position_embeddings: 4096,
};
export const LLAMA2_70B_CONFIG = {
  model_type: 'llama',
  hidden_size: 8192,
  num_hidden_layers: 80,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  intermediate_size: 28672,
  vocab_size: 32000,
  max_position_embeddings: 4096,
};

const v3Request: TrainingRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  fp8Scaling: 'blockwise', // FP8_SCALING_SOURCE: 1×128 activation, 128×128 weight scales (V3 report §3.3)
  optimizerStatePrecision: 'bf16',
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
};

// ---------------------------------------------------------------------------------------------
// Further runs (added after the first fit). Four of them joined the fit subset when the per-layer
// overhead was added (gpt-oss-120b, Qwen3-235B-A22B, Llama 2 7B on 8 H100, MPT-7B on 8 H100, with
// DeepSeek-V2 above), so that groupedGemm is fitted on several MoE runs and layerOverheadUs on
// small dense ones; every other row is held out.
// ---------------------------------------------------------------------------------------------

const MBRIDGE = 'NVIDIA Megatron-Bridge docs/performance-summary.md (github.com/NVIDIA-NeMo/Megatron-Bridge @ df0289c1), DGX-H100 pre-training table';
const MBRIDGE_COLS = 'columns: Model | #-GPUs | Precision | GBS | MBS | Seq | FSDP | TP | PP | CP | VP | EP | GA | Tokens/sec/GPU | Model TFLOP/sec/GPU';
const MBRIDGE_MOE_NOTE =
  "the benchmark force-balances the token distribution among experts (token-dropless), so the planner's Poisson busiest-rank excess is a small overestimate of its routing imbalance";
const TITAN =
  'torchtitan docs/performance.md (github.com/pytorch/torchtitan @ eaea6f6a; same numbers as the torchtitan paper, arXiv:2410.06511), Grand Teton: "Each H100 GPU is equipped with 96GB HBM2e with 2.4 TB/sec peak memory bandwidth ... We used the default 500W power limit"; seq_len 8192 (train_configs/llama3_8b.toml "seq_len = 8192")';
const TITAN_A100 =
  'torchtitan docs/performance.md (github.com/pytorch/torchtitan @ 04133643, early release): "Llama 3 models with FSDP2 on 64 A100 (80GB) GPUs", local batch size 1, seq_len 8192 (train_configs/llama3_8b.toml)';
/** Which FP8 scaling each FP8 row's recipe uses (fp8Scaling; NeMo 24.12 and MPT rows keep the default, delayed). */
export const FP8_SCALING_SOURCE =
  "Megatron-Bridge's performance table names its H100/B200 FP8 recipe FP8-CS (Transformer Engine current scaling); its 25.09 DeepSeek-V3 footnote gives 128×128 weight and 1×128 activation scales (blockwise), as DeepSeek-V3 itself trains (V3 report §3.3); torchtitan's Float8 is torchao tensorwise dynamic (current) scaling; NeMo 24.12's bf16_with_fp8_mixed keeps an amax history (delayed), as MPT's 2023 Transformer Engine amp_fp8 does.";
/** Why the NeMo 24.12 Llama 3 / GPT-3 rows and the Megatron-Bridge rows are planned with gradientPrecision 'bf16'. */
export const BF16_GRADIENTS_SOURCE =
  'NeMo performance scripts set "recipe.trainer.plugins.grad_reduce_in_fp32 = False  # bf16 grad dtype" (github.com/NVIDIA/NeMo scripts/llm/performance/llama3_8b.py @ 01804884, llama3_70b.py, llama3_405b.py, gpt3_175b.py); Megatron-Bridge performance configs set "cfg.ddp.grad_reduce_in_fp32 = False" in each family\'s common configs (scripts/performance/configs: set_llama3_common_configs, set_llama31_common_configs, set_gpt_oss_common_configs, set_qwen3_common_configs, set_deepseek_v3_common_configs). No NeMo Llama 2 script was found, so the Llama 2 rows keep FP32.';
/** Why the NeMo 24.12 and Megatron-Bridge rows with TP > 1 are planned with tpCommOverlap. */
export const TP_OVERLAP_SOURCE =
  'NeMo recipes add MegatronCommOverlapCallback(tp_comm_overlap=True, tp_comm_overlap_cfg=userbuffers_…) in their performance optimisations (github.com/NVIDIA/NeMo @ be4107ed, nemo/collections/llm/recipes/gpt3_175b.py); Megatron-Bridge performance scripts map each TP > 1 workload to a userbuffers TP-overlap config (COMM_OVERLAP_CONFIG_MAP, e.g. llama3_70b h100 → userbuffers_fp8_h100_h8192_tp4_mbs1_seqlen8192)';
const MEGATRON =
  'Narayanan et al., "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM" (arXiv:2104.04473v5), Table 1 (GPT, V = 51,200, s = 2,048, Selene DGX A100 80 GB, 8 × 200 Gb/s HDR IB per node; text read from a GitHub paper-notes transcription)';
const MEGATRON_DERIVATION =
  'Megatron\'s teraFLOP/s are Eq. 3, F = 96·B·s·l·h²·(1 + s/6h + V/16lh) per iteration, which counts the activation-recomputation forward pass and non-causal attention ("equation (3) assumes activation recomputation"); tokens/s/GPU = X·1e12 / (96·l·h²·(1 + s/6h + V/16lh))';
const MOSAIC =
  'MosaicML llm-foundry scripts/train/benchmarking/README.md (github.com/mosaicml/llm-foundry @ 061f2c7c), MPT training benchmarks, column "Throughput (T/s/GPU)"';
const MOSAIC_NOTE =
  'MPT: GELU FFN 4·d approximated by an equal-FLOP SwiGLU of 8d/3, ALiBi ignored (no FLOPs), FSDP FULL_SHARD modelled as ZeRO-3, Composer/PyTorch rather than Megatron kernels';

/** A Megatron-LM GPT of Table 1: GELU FFN 4h → equal-FLOP SwiGLU of round(8h/3) (off by < 1e-4 where 8h/3 is not an integer), tied embeddings, V = 51,200. */
export function megatronGpt(layers: number, hidden: number, heads: number): Record<string, unknown> {
  return {
    model_type: 'gpt',
    architectures: [`Megatron GPT l${layers} h${hidden} (architecture-only)`],
    hidden_size: hidden,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    intermediate_size: Math.round((8 * hidden) / 3),
    vocab_size: 51200,
    tie_word_embeddings: true,
    max_position_embeddings: 2048,
  };
}
/** Sequence length and vocabulary of the Megatron-LM paper's Table 1 GPTs. */
const MEGATRON_TABLE_1_SEQUENCE = 2048;
const MEGATRON_TABLE_1_VOCAB = 51200;
/**
 * Tokens/s/GPU from Megatron's Eq. 3 teraFLOP/s (recompute and non-causal attention counted:
 * 96·l·h²·(1 + s/6h + V/16lh) FLOPs per token), the formula Megatron-DeepSpeed logs too;
 * s and V default to Table 1's.
 */
function megatronTokensPerSecond(tflops: number, layers: number, hidden: number, vocab = MEGATRON_TABLE_1_VOCAB, seq = MEGATRON_TABLE_1_SEQUENCE): number {
  return (tflops * 1e12) / (96 * layers * hidden * hidden * (1 + seq / (6 * hidden) + vocab / (16 * layers * hidden)));
}
interface MegatronRow {
  readonly params: string;
  readonly heads: number;
  readonly hidden: number;
  readonly layers: number;
  readonly tp: number;
  readonly pp: number;
  readonly gpus: number;
  readonly batch: number;
  readonly tflops: number;
  readonly peak: string;
}
const MEGATRON_TABLE1: readonly MegatronRow[] = [
  { params: '1.7', heads: 24, hidden: 2304, layers: 24, tp: 1, pp: 1, gpus: 32, batch: 512, tflops: 137, peak: '44%' },
  { params: '3.6', heads: 32, hidden: 3072, layers: 30, tp: 2, pp: 1, gpus: 64, batch: 512, tflops: 138, peak: '44%' },
  { params: '7.5', heads: 32, hidden: 4096, layers: 36, tp: 4, pp: 1, gpus: 128, batch: 512, tflops: 142, peak: '46%' },
  { params: '18.4', heads: 48, hidden: 6144, layers: 40, tp: 8, pp: 1, gpus: 256, batch: 1024, tflops: 135, peak: '43%' },
  { params: '39.1', heads: 64, hidden: 8192, layers: 48, tp: 8, pp: 2, gpus: 512, batch: 1536, tflops: 138, peak: '44%' },
  { params: '76.1', heads: 80, hidden: 10240, layers: 60, tp: 8, pp: 4, gpus: 1024, batch: 1792, tflops: 140, peak: '45%' },
  { params: '145.6', heads: 96, hidden: 12288, layers: 80, tp: 8, pp: 8, gpus: 1536, batch: 2304, tflops: 148, peak: '47%' },
  { params: '310.1', heads: 128, hidden: 16384, layers: 96, tp: 8, pp: 16, gpus: 1920, batch: 2160, tflops: 155, peak: '50%' },
  { params: '529.6', heads: 128, hidden: 20480, layers: 105, tp: 8, pp: 35, gpus: 2520, batch: 2520, tflops: 163, peak: '52%' },
  { params: '1008.0', heads: 160, hidden: 25600, layers: 128, tp: 8, pp: 64, gpus: 3072, batch: 3072, tflops: 163, peak: '52%' },
];
const megatronRuns: PublishedRun[] = MEGATRON_TABLE1.map((r) => ({
  id: `megatron-${r.params.replace('.0', '')}b-${r.gpus}`,
  description: `Megatron GPT ${r.params}B, ${r.gpus.toLocaleString('en-US')} A100, BF16/FP16, TP${r.tp}${r.pp > 1 ? ` PP${r.pp}` : ''} DP${r.gpus / (r.tp * r.pp)}, batch ${r.batch}, seq 2K, full recompute`,
  fit: false,
  request: {
    model: { config: megatronGpt(r.layers, r.hidden, r.heads) },
    gpu: 'a100',
    gpuCount: r.gpus,
    tokens: 1e12,
    sequenceLength: 2048,
    globalBatchTokens: r.batch * 2048,
    precision: 'bf16',
    attentionKernel: 'materialized',
    parallelism: { tp: r.tp, pp: r.pp, dp: r.gpus / (r.tp * r.pp), ep: 1, recompute: 'full', schedule: r.pp > 1 ? 'interleaved' : '1f1b' },
  },
  metric: 'tokensPerSecondPerGpu',
  published: megatronTokensPerSecond(r.tflops, r.layers, r.hidden),
  source: `${MEGATRON}: "${r.params} | ${r.heads} | ${r.hidden} | ${r.layers} | ${r.tp} | ${r.pp} | ${r.gpus} | ${r.batch} | ${r.tflops} | ${r.peak}" (params, heads, hidden, layers, TP, PP, GPUs, batch, teraFLOP/s per GPU, % of 312 TFLOP/s peak)`,
  derivation: `${MEGATRON_DERIVATION} = ${megatronTokensPerSecond(r.tflops, r.layers, r.hidden).toFixed(1)}`,
  notes:
    "FP16 mixed precision on A100 (same 312 TFLOP/s peak as BF16, planned as bf16); interleaved 1F1B pinned for PP > 1 (§5.1 runs use the interleaved schedule with scatter/gather), micro-batch size and virtual stages not in the table (searched); GELU FFN as equal-FLOP SwiGLU; 2021 Megatron had no FlashAttention (materialised s×s scores with a fused softmax): planned with attentionKernel 'materialized'.",
}));

/**
 * BLOOM-176B (BigScience, 2022) on Jean Zay: 48 nodes of 8 A100 80GB, NVLink inside a node and four
 * 100 Gb/s Omni-Path links per node (half a link per GPU) between them.
 */
const BLOOM_TR11 =
  'BigScience tr11-176B-ml README (github.com/bigscience-workshop/bigscience, train/tr11-176B-ml): "GPUs = 384 (48 nodes of 8)", "TP=4 PP=12 DP=8 MBS=2", GLOBAL_BATCH_SIZE=2048, SEQ_LEN=2048, NHIDDEN=14336 NLAYERS=70 NHEADS=112, bf16, BF16_Optimizer "implements its own ZeRO Stage 1", "--deepspeed-activation-checkpointing", GeLU, ALiBi; BigScience 176B model page (bigscience.notion.site): "training throughput: about 150 TFLOPs"';
const a100OmniPath: GpuSpec = {
  ...getGpu('a100')!,
  id: 'a100-omnipath',
  scaleOutInterconnect: 'omnipath-100',
  scaleOutNicsPerGpu: figure(0.5, 'datasheet', 'BigScience tr11-176B-ml README: "8 GPUs per node ..., 4 OmniPath links" → half a link per GPU'),
};
/** BLOOM's shapes: a Megatron GPT with its 250,880-entry (padded) vocabulary; GeLU FFN 4h as the equal-FLOP SwiGLU of round(8h/3). */
const BLOOM_176B = { ...megatronGpt(70, 14336, 112), architectures: ['BLOOM-176B l70 h14336 (architecture-only)'], vocab_size: 250880 };

/** LLaMA-65B (arXiv:2302.13971): 80 layers, d 8,192, 64 heads, SwiGLU FFN 22,016, vocabulary 32,000, untied embeddings. */
const LLAMA1_65B = {
  model_type: 'llama',
  architectures: ['LLaMA-65B (architecture-only)'],
  hidden_size: 8192,
  num_hidden_layers: 80,
  num_attention_heads: 64,
  num_key_value_heads: 64,
  intermediate_size: 22016,
  vocab_size: 32000,
  tie_word_embeddings: false,
  max_position_embeddings: 2048,
};
const LLAMA1 =
  'Touvron et al., "LLaMA: Open and Efficient Foundation Language Models" (arXiv:2302.13971) §2.4 (text via the reading card ai-papers.xuzou.cn/papers/llama_2023 and llm-analysis examples/llama): "when training a 65B-parameter model, our code processes around 380 tokens/sec/GPU on 2048 A100 GPU with 80GB of RAM"; Table 2: 65B, 1.4T tokens, batch size 4M tokens; sequence length 2,048; "model and sequence parallelism, as described by Korthikanti et al. (2022)", xformers causal attention, checkpointing of the activations expensive to recompute';

const mptConfig = (layers: number, hidden: number, heads: number) => ({
  model_type: 'mpt',
  architectures: [`MPT l${layers} d${hidden} (architecture-only)`],
  hidden_size: hidden,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  intermediate_size: Math.round((8 * hidden) / 3),
  vocab_size: 50368,
  tie_word_embeddings: true,
  max_position_embeddings: 2048,
});
/** MPT shapes (llm-foundry yamls; consistent with the NumParams column: 12·l·d² + 50,368·d + 2,048·d ≈ NumParams). */
const MPT_7B = mptConfig(32, 4096, 32);
const MPT_30B = mptConfig(48, 7168, 64);
const MPT_70B = mptConfig(80, 8192, 64);
const MPT_3B = mptConfig(32, 2560, 20);

export const PUBLISHED_RUNS: readonly PublishedRun[] = [
  {
    id: 'deepseek-v3-isca',
    description: 'DeepSeek-V3, 2,048 H800, FP8, PP16 EP64 DualPipe, seq 4K',
    fit: true,
    request: v3Request,
    metric: 'tokensPerSecondPerGpu',
    published: 272.8e9 / 86400 / 2048,
    source: ISCA,
    derivation: '272.8e9 tokens/day ÷ 86,400 s ÷ 2,048 GPUs = 1,541.7',
    notes: 'micro-batch of one 4,096-token sequence (DeepEP README: "4096 tokens per batch" for the V3 pre-training setting).',
  },
  {
    id: 'llama3-405b-8k',
    description: 'Llama 3 405B, 8,192 H100, BF16, TP8 PP16 DP64, seq 8K',
    fit: true,
    request: {
      model: 'llama-3.1-405b',
      gpu: h100Roce,
      gpuCount: 8192,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 64 * 32 * 8192,
      precision: 'bf16',
      parallelism: { tp: 8, pp: 16, dp: 64, ep: 1, microBatchSize: 1, schedule: 'interleaved' },
    },
    metric: 'mfu',
    published: 0.43,
    source: `${LLAMA3}: 8,192 GPUs, TP 8, CP 1, PP 16, DP 64, seq 8,192, batch/DP 32, 430 TFLOPs/GPU, 43% BF16 MFU`,
    notes: 'interleaved 1F1B (virtual stages searched); Meta balanced 126 layers by dropping one from the first and last stage, the planner balances FLOPs.',
  },
  {
    id: 'nemo-gpt3-175b-512',
    description: 'GPT3-175B, 512 H100, FP8, TP4 PP8 VP6, MBS 2, seq 2K',
    fit: true,
    request: {
      model: { config: GPT3_175B_CONFIG },
      gpu: 'h100',
      gpuCount: 512,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 2048 * 2048,
      precision: 'fp8',
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 4, pp: 8, dp: 16, ep: 1, zero: 1, microBatchSize: 2, schedule: 'interleaved', virtualStages: 6 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 825,
    source: `${NEMO}: "GPT3-175B 512 2048 2 2048 4 8 1 6 825 888"`,
    notes: 'GELU FFN approximated by an equal-FLOP SwiGLU (see GPT3_175B_CONFIG).',
  },
  {
    id: 'llama3-405b-131k-cp16',
    description: 'Llama 3 405B, 16,384 H100, BF16, TP8 CP16 PP16 DP8, seq 131K',
    fit: true,
    request: {
      model: 'llama-3.1-405b',
      gpu: h100Roce,
      gpuCount: 16384,
      tokens: 1e12,
      sequenceLength: 131072,
      globalBatchTokens: 8 * 16 * 131072,
      precision: 'bf16',
      parallelism: { tp: 8, pp: 16, dp: 8, ep: 1, cp: 16, microBatchSize: 1, schedule: 'interleaved' },
    },
    metric: 'mfu',
    published: 0.38,
    source: `${LLAMA3}: 16,384 GPUs, TP 8, CP 16, PP 16, DP 8, seq 131,072, batch/DP 16, 380 TFLOPs/GPU, 38% MFU`,
    notes:
      "CP approximated as an exposed all-gather of K/V and reduce-scatter of their gradients per layer (Meta's all-gather CP), causal work balanced across CP ranks.",
  },
  {
    id: 'llama3-405b-16k',
    description: 'Llama 3 405B, 16,384 H100, BF16, TP8 PP16 DP128, seq 8K',
    fit: false,
    request: {
      model: 'llama-3.1-405b',
      gpu: h100Roce,
      gpuCount: 16384,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 128 * 16 * 8192,
      precision: 'bf16',
      parallelism: { tp: 8, pp: 16, dp: 128, ep: 1, microBatchSize: 1, schedule: 'interleaved' },
    },
    metric: 'mfu',
    published: 0.41,
    source: `${LLAMA3}: 16,384 GPUs, TP 8, PP 16, DP 128, batch/DP 16, 400 TFLOPs/GPU, 41% MFU`,
  },
  {
    id: 'deepseek-v3-gpu-hours',
    description: 'DeepSeek-V3 pre-training GPU-hours (2,664K for 14.8T tokens)',
    fit: false,
    request: v3Request,
    metric: 'tokensPerSecondPerGpu',
    published: 14.8e12 / (2664e3 * 3600),
    source: V3,
    derivation: '14.8e12 tokens ÷ (2,664,000 GPU-h × 3,600 s) = 1,543.2 tokens/s/GPU',
    notes: 'same setup as the ISCA row; an independent published figure.',
  },
  {
    id: 'nemo-llama3-70b-64',
    description: 'Llama 3 70B, 64 H100, FP8, TP4 PP4 CP2 VP5, seq 8K',
    fit: false,
    request: {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 128 * 8192,
      precision: 'fp8',
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 4, pp: 4, dp: 2, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 5 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1524,
    source: `${NEMO}: "LLAMA3-70B 64 128 1 8192 4 4 2 5 1524 734"`,
  },
  {
    id: 'nemo-llama3-8b-8',
    description: 'Llama 3 8B, 8 H100, FP8, CP2, seq 8K',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 128 * 8192,
      precision: 'fp8',
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      parallelism: { tp: 1, pp: 1, dp: 4, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 12273,
    source: `${NEMO}: "LLAMA3-8B 8 128 1 8192 1 1 2 1 12273 711"`,
  },
  {
    id: 'nemo-gpt3-175b-128',
    description: 'GPT3-175B, 128 H100, FP8, TP4 PP8 VP6, MBS 1, seq 2K',
    fit: false,
    request: {
      model: { config: GPT3_175B_CONFIG },
      gpu: 'h100',
      gpuCount: 128,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 256 * 2048,
      precision: 'fp8',
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 4, pp: 8, dp: 4, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 6 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 716,
    source: `${NEMO}: "GPT3-175B 128 256 1 2048 4 8 1 6 716 771"`,
  },
  {
    id: 'nemo-llama2-7b-8',
    description: 'Llama 2 7B, 8 H100, FP8, seq 4K',
    fit: true,
    request: {
      model: { config: LLAMA2_7B_CONFIG },
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 128 * 4096,
      precision: 'fp8',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 16934,
    source: `${NEMO}: "LLAMA2-7B 8 128 1 4096 1 1 1 1 16934 780"`,
  },
  {
    id: 'nemo-llama2-70b-64',
    description: 'Llama 2 70B, 64 H100, FP8, TP4 PP4 VP20, seq 4K',
    fit: false,
    request: {
      model: { config: LLAMA2_70B_CONFIG },
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 128 * 4096,
      precision: 'fp8',
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 4, pp: 4, dp: 4, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 20 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1728,
    source: `${NEMO}: "LLAMA2-70B 64 128 1 4096 4 4 1 20 1728 768"`,
  },
  {
    id: 'deepseek-v2',
    description: 'DeepSeek-V2, H800, BF16, PP16 EP8 ZeRO-1 (GPU count not published: 1,024 assumed)',
    fit: true,
    request: {
      model: 'deepseek-v2',
      gpu: 'h800',
      gpuCount: 1024,
      tokens: 8.1e12,
      sequenceLength: 4096,
      globalBatchTokens: 2304 * 4096,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 16, dp: 64, ep: 8, zero: 1, microBatchSize: 1, schedule: 'zerobubble' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1e12 / (172.8e3 * 3600),
    source: V2,
    derivation: '1e12 tokens ÷ (172,800 GPU-h × 3,600 s) = 1,607.5 tokens/s/GPU',
    notes: 'zero-bubble PP modelled as ZB-H1 (bubble (pp−1)(F+B−2W)); GPU count assumed.',
  },

  // --- Megatron-Bridge (NeMo 26.02 / 25.11 / 25.09), DGX-H100
  {
    id: 'mbridge-llama3-70b-64',
    description: 'Llama 3 70B, 64 H100, FP8 (current scaling), TP4 PP8 VP5, GBS 256, seq 8K (Megatron-Bridge 26.02)',
    fit: false,
    request: {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 256 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 4, pp: 8, dp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 5 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1621,
    source: `${MBRIDGE}, 26.02 NeMo container (${MBRIDGE_COLS}): "LLAMA3_70B | 64 | FP8-CS | 256 | 1 | 8192 | 0 | 4 | 8 | 1 | 5 | n/a | 128 | 1621 | 728"`,
  },
  {
    id: 'mbridge-llama31-405b-1024',
    description: 'Llama 3.1 405B, 1,024 H100, FP8 (current scaling), TP8 PP8 CP2 VP8, GBS 1536, seq 8K (Megatron-Bridge 26.02)',
    fit: false,
    request: {
      model: 'llama-3.1-405b',
      gpu: 'h100',
      gpuCount: 1024,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 1536 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 8, pp: 8, dp: 8, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 8 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 311,
    source: `${MBRIDGE}, 26.02 NeMo container (${MBRIDGE_COLS}): "LLAMA3.1_405B | 1024 | FP8-CS | 1536 | 1 | 8192 | 0 | 8 | 8 | 2 | 8 | n/a | 192 | 311 | 784"`,
  },
  {
    id: 'mbridge-llama3-8b-8-fsdp',
    description: 'Llama 3 8B, 8 H100, FP8 (current scaling), FSDP (ZeRO-3), GBS 128, seq 8K (Megatron-Bridge 25.11)',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 128 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3, microBatchSize: 1 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 14451,
    source: `${MBRIDGE}, 25.11 NeMo container (${MBRIDGE_COLS}): "LLAMA3_8B | 8 | FP8-CS | 128 | 1 | 8192 | 1 | 1 | 1 | 1 | n/a | 1 | 16 | 14451 | 744"`,
    notes: 'Megatron FSDP modelled as ZeRO-3; recompute searched (not published).',
  },
  {
    id: 'mbridge-gpt-oss-120b-64',
    description: 'gpt-oss-120b (MoE), 64 H100, BF16, PP4 EP8, GBS 1280, seq 4K (Megatron-Bridge 26.02)',
    fit: true,
    request: {
      model: 'gpt-oss-120b',
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 1280 * 4096,
      precision: 'bf16',
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      parallelism: { tp: 1, pp: 4, dp: 16, ep: 8, zero: 1, microBatchSize: 1, schedule: '1f1b' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 5993,
    source: `${MBRIDGE}, 26.02 NeMo container (${MBRIDGE_COLS}): "GPT OSS 120B | 64 | BF16 | 1280 | 1 | 4096 | 0 | 1 | 4 | 1 | n/a | 8 | 80 | 5993 | 163"`,
    notes: `${MBRIDGE_MOE_NOTE}; VP "n/a" read as plain 1F1B.`,
  },
  {
    id: 'mbridge-qwen3-30b-a3b-16',
    description: 'Qwen3-30B-A3B (MoE), 16 H100, FP8 (current scaling), PP2 VP24 EP8, MBS 2, GBS 512, seq 4K (Megatron-Bridge 25.11)',
    fit: false,
    request: {
      model: 'qwen3-30b-a3b',
      gpu: 'h100',
      gpuCount: 16,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 512 * 4096,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      parallelism: { tp: 1, pp: 2, dp: 8, ep: 8, zero: 1, microBatchSize: 2, schedule: 'interleaved', virtualStages: 24 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 5275,
    source: `${MBRIDGE}, 25.11 NeMo container (${MBRIDGE_COLS}): "Qwen3_30B_a3B | 16 | FP8-CS | 512 | 2 | 4096 | 0 | 1 | 2 | 1 | 24 | 8 | 32 | 5275 | 121"`,
    notes: `${MBRIDGE_MOE_NOTE}. The 26.02 row for nearly the same setup ("Qwen3_30B_a3B | 16 | FP8-CS | 1024 | 1 | 4096 | 0 | 1 | 2 | 1 | 12 | 8 | 128 | 2557 | 118") is not used: its TFLOP/s per token (118e12/2,557 = 46 GFLOP) is twice that of every other release (25.11: 121e12/5,275 = 23 GFLOP; 25.09: 241e12/10,494 = 23 GFLOP), so one of its two columns is wrong. 25.09 (token-drop, not dropless) published 10,494 for the 25.09 layout (PP2 VP24, MBS 2).`,
  },
  {
    id: 'mbridge-qwen3-235b-a22b-256',
    description: 'Qwen3-235B-A22B (MoE), 256 H100, FP8 (current scaling), TP2 PP8 VP4 EP32, GBS 8192, seq 4K (Megatron-Bridge 26.02)',
    fit: true,
    request: {
      model: 'qwen3-235b-a22b',
      gpu: 'h100',
      gpuCount: 256,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 8192 * 4096,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 2, pp: 8, dp: 16, ep: 32, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 4 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1633,
    source: `${MBRIDGE}, 26.02 NeMo container (${MBRIDGE_COLS}): "Qwen3_235B_a22B | 256 | FP8-CS | 8192 | 1 | 4096 | 0 | 2 | 8 | 1 | 4 | 32 | 512 | 1633 | 242"`,
    notes: `${MBRIDGE_MOE_NOTE}; 94 layers over 32 virtual stages are uneven (the planner balances FLOPs). The expert-TP size is not published (Megatron-Core defaults it to TP = 2); the planner does not model expert-TP.`,
  },
  {
    id: 'mbridge-deepseek-v3-1024',
    description: 'DeepSeek-V3 (MoE), 1,024 H100, FP8, TP2 PP8 VP4 EP64, GBS 8192, seq 4K, dropless (Megatron-Bridge 25.09)',
    fit: false,
    request: {
      model: 'deepseek-v3',
      gpu: 'h100',
      gpuCount: 1024,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 8192 * 4096,
      precision: 'fp8',
      fp8Scaling: 'blockwise', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 2, pp: 8, dp: 64, ep: 64, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 4 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1297,
    source: `${MBRIDGE}, 25.09 NeMo container (columns as above without Precision): "DeepSeekV3 (dropless) | 1024 | 8192 | 1 | 4096 | 0 | 2 | 8 | 1 | 4 | 64 | 128 | 1297 | 338 (330)"`,
    notes: `${MBRIDGE_MOE_NOTE}. The 25.09 table gives no precision column; FP8 read from its footnote ("For H100 system, 128×128 for weights and 1×128 for activations" for the parenthesised blockwise-FP8 figure), so the main figure is FP8 current scaling. Whether MTP was on is not stated (the planner includes V3's MTP module in the step time). 61 layers over 32 virtual stages are uneven.`,
  },
  {
    id: 'mbridge-b200-llama3-8b-8',
    description: 'Llama 3 8B, 8 B200, FP8 (current scaling), DP8, MBS 2, GBS 128, seq 8K (Megatron-Bridge 25.11)',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'b200',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 128 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 1, microBatchSize: 2 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 30624,
    source: `NVIDIA Megatron-Bridge docs/performance-summary.md (@ df0289c1), 25.11 NeMo container, DGX-B200 table (${MBRIDGE_COLS}): "LLAMA3_8B | 8 | FP8-CS (FP8-MX) | 128 | 2 | 8192 | 0 | 1 | 1 | 1 | n/a | 1 | 8 | 30624 (29521) | 1576 (1519)"`,
    notes: 'FP8 current-scaling figure (the MXFP8 one in parentheses is not modelled); recompute searched.',
  },
  {
    id: 'mbridge-b200-llama31-405b-128',
    description: 'Llama 3.1 405B, 128 B200, FP8 (current scaling), TP4 PP8 CP2 VP8, GBS 64, seq 8K (Megatron-Bridge 25.11)',
    fit: false,
    request: {
      model: 'llama-3.1-405b',
      gpu: 'b200',
      gpuCount: 128,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 64 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      gradientPrecision: 'bf16', // BF16_GRADIENTS_SOURCE
      tpCommOverlap: true, // NeMo / Megatron-Bridge performance recipes turn TP communication overlap on (TP_OVERLAP_SOURCE)
      parallelism: { tp: 4, pp: 8, dp: 2, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: 'interleaved', virtualStages: 8 },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 661,
    source: `NVIDIA Megatron-Bridge docs/performance-summary.md (@ df0289c1), 25.11 NeMo container, DGX-B200 table (${MBRIDGE_COLS}): "LLAMA3.1_405B | 128 | FP8-CS (FP8-MX) | 64 | 1 | 8192 | 0 | 4 | 8 | 2 | 8 | 1 | 32 | 661 (624) | 1667 (1576)"`,
    notes: 'FP8 current-scaling figure (the MXFP8 one in parentheses is not modelled).',
  },
  // --- torchtitan (PyTorch FSDP2/TP/PP, torch.compile), Grand Teton H100 96 GB HBM2e at 500 W
  {
    id: 'titan-llama31-8b-8-bf16',
    description: 'Llama 3.1 8B, 8 H100 (96 GB, 500 W), BF16, FSDP (ZeRO-3), local batch 2, seq 8K, selective op AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'h100-96gb-500w',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 16 * 8192,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3, microBatchSize: 2, recompute: 'selective-op' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 6667,
    source: `${TITAN}; Table 1 "1D Parallelism (FSDP). Llama 3.1 8B model. 8 GPUs. Local batch size 2, global batch size 16. Selective activation checkpointing.": "FSDP + torch.compile | 6,667 | 77.0"`,
    notes:
      "500 W power cap and HBM2e part (catalog GPU h100-96gb-500w): its dense peak is unpublished (torchtitan: \"between SXM and NVL ... we don't know its exact value\"); the catalog derives 886.3 TFLOPS BF16 by interpolating NVIDIA's NVL and SXM ratings in board power; torchtitan's selective AC is op-level (train_configs/llama3_8b.toml: \"selective_ac_option = 'op'\"; parallelize_llama.py: \"Saves output of all compute ops, except every second mm\"), planned as recompute 'selective-op' since December 2026 (before, as Megatron-style 'selective': +31.6%).",
  },
  {
    id: 'titan-llama31-8b-8-fp8',
    description: 'Llama 3.1 8B, 8 H100 (96 GB, 500 W), FP8 linears, FSDP (ZeRO-3), local batch 2, seq 8K, selective op AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'h100-96gb-500w',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 16 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3, microBatchSize: 2, recompute: 'selective-op' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 8532,
    source: `${TITAN}; Table 1: "FSDP + torch.compile + Float8 | 8,532 | 76.8"`,
    notes: 'power cap and HBM2e as in titan-llama31-8b-8-bf16; Float8 is torchao tensorwise scaling on nn.Linear only.',
  },
  {
    id: 'titan-llama31-8b-128-fp8',
    description: 'Llama 3.1 8B, 128 H100 (96 GB, 500 W), FP8 linears, FSDP (ZeRO-3), local batch 2, seq 8K, selective op AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'h100-96gb-500w',
      gpuCount: 128,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 256 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      parallelism: { tp: 1, pp: 1, dp: 128, ep: 1, zero: 3, microBatchSize: 2, recompute: 'selective-op' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 8380,
    source: `${TITAN}; Table 3 "1D Parallelism (FSDP). Llama 3.1 8B model. 128 GPUs. Local batch size 2, global batch size 256.": "FSDP + torch.compile + Float8 | 8,380 | 61.8"`,
    notes: 'power cap and HBM2e as in titan-llama31-8b-8-bf16.',
  },
  {
    id: 'titan-llama31-70b-256-fp8',
    description: 'Llama 3.1 70B, 256 H100 (96 GB, 500 W), FP8 linears, FSDP32 TP8, local batch 16, seq 8K, full AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-70b',
      gpu: 'h100-96gb-500w',
      gpuCount: 256,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 512 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      parallelism: { tp: 8, pp: 1, dp: 32, ep: 1, zero: 3, microBatchSize: 16, recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 829,
    source: `${TITAN}; Table 4 "2D parallelism (FSDP + TP) + torch.compile + Float8. Llama 3.1 70B model. 256 GPUs (FSDP 32, TP 8). Local batch size 16, global batch size 512. Full activation checkpointing.": "2D | 829 | 71.9" (2D + AsyncTP: 876)`,
    notes: 'power cap and HBM2e as in titan-llama31-8b-8-bf16; the vanilla-TP figure is used because the planner does not model TP overlap.',
  },
  {
    id: 'titan-llama31-405b-512-fp8',
    description: 'Llama 3.1 405B, 512 H100 (96 GB, 500 W), FP8 linears, FSDP8 TP8 PP8 interleaved, GBS 256, seq 8K, full AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-405b',
      gpu: 'h100-96gb-500w',
      gpuCount: 512,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 256 * 8192,
      precision: 'fp8',
      fp8Scaling: 'current', // FP8_SCALING_SOURCE
      parallelism: { tp: 8, pp: 8, dp: 8, ep: 1, zero: 3, schedule: 'interleaved', recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 128,
    source: `${TITAN}; Table 5 "3D parallelism (FSDP + TP + PP) + torch.compile + Float8 + AsyncTP. Llama 3.1 405B model. 512 GPUs (FSDP 8, TP 8, PP8). Local batch size 32, global batch size 256. Full activation checkpointing.": "Interleaved 1F1B | 128 | 72.7"`,
    notes: 'power cap and HBM2e as in titan-llama31-8b-8-bf16; async TP not modelled; micro-batch size and virtual stages not published (searched).',
  },
  {
    id: 'titan-llama3-8b-64-a100',
    description: 'Llama 3 8B, 64 A100 80GB, BF16, FSDP (ZeRO-3), local batch 1, seq 8K, selective op AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-8b',
      gpu: 'a100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 64 * 8192,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 64, ep: 1, zero: 3, microBatchSize: 1, recompute: 'selective-op' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 2973,
    source: `${TITAN_A100}: "| 8B | 1 | selective op | 2973 | 58.2% |" (model size, batch size, activation checkpointing, WPS, MFU)`,
    notes:
      "WPS is per GPU (2,973 × (6·8.03e9 + 12·32·4096·8192) FLOPs ÷ 312e12 = 58.2%, the published MFU with non-causal attention); Llama 3 8B shares Llama 3.1 8B's shapes; torchtitan's op-level selective AC.",
  },
  {
    id: 'titan-llama3-70b-64-a100',
    description: 'Llama 3 70B, 64 A100 80GB, BF16, FSDP (ZeRO-3), local batch 1, seq 8K, full AC (torchtitan)',
    fit: false,
    request: {
      model: 'llama-3.1-70b',
      gpu: 'a100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 64 * 8192,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 64, ep: 1, zero: 3, microBatchSize: 1, recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 331,
    source: `${TITAN_A100}: "| 70B | 1 | full | 331 | 51.7% |"`,
  },
  // --- 2022-2023 dense runs on A100, added as held-out rows before any fit saw them (issue 13: widths 20B-1T)
  {
    id: 'bloom-176b-384',
    description:
      'BLOOM-176B, 384 A100 80GB (Omni-Path 100G, half a link per GPU), BF16, TP4 PP12 DP8, MBS 2, GBS 2048, seq 2K, full recompute (Megatron-DeepSpeed)',
    fit: false,
    request: {
      model: { config: BLOOM_176B },
      gpu: a100OmniPath,
      gpuCount: 384,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 2048 * 2048,
      precision: 'bf16',
      attentionKernel: 'materialized',
      parallelism: { tp: 4, pp: 12, dp: 8, ep: 1, zero: 1, microBatchSize: 2, schedule: '1f1b', recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: megatronTokensPerSecond(150, 70, 14336, 250880, 2048),
    source: BLOOM_TR11,
    derivation: `150 TFLOP/s × 1e12 ÷ (96 · 70 · 14,336² · (1 + 2,048/(6 · 14,336) + 250,880/(16 · 70 · 14,336))) = ${megatronTokensPerSecond(150, 70, 14336, 250880, 2048).toFixed(1)}`,
    notes:
      '"about 150 TFLOPs" is approximate (the same README puts a GBS-2048 step at "about 2min/iteration", 91 tokens/s/GPU); 2022 Megatron-DeepSpeed had no FlashAttention (materialised scores with a fused softmax): planned with attentionKernel \'materialized\'; DeepSpeed\'s pipeline engine runs 1F1B; GeLU FFN as the equal-FLOP SwiGLU; the embedding LayerNorm and ALiBi bias are not counted.',
  },
  {
    id: 'llama1-65b-2048',
    description: 'LLaMA-65B, 2,048 A100 80GB, BF16, batch 4M tokens, seq 2K (layout unpublished: searched; xformers attention)',
    fit: false,
    request: {
      model: { config: LLAMA1_65B },
      gpu: 'a100',
      gpuCount: 2048,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 2048 * 2048,
      precision: 'bf16',
    },
    metric: 'tokensPerSecondPerGpu',
    published: 380,
    source: LLAMA1,
    notes:
      "Meta's RSC: DGX A100 nodes with 200 Gb/s HDR InfiniBand per GPU (the catalog A100); the layout (TP, PP, micro-batch) is not published and is searched, as is the recomputation (LLaMA saved the linear-layer outputs: between selective and none); BF16 assumed (the paper states no precision).",
  },
  // --- Megatron-LM paper (A100)
  ...megatronRuns,
  {
    id: 'megatron-zero3-175b-384',
    description: 'GPT 175B, 384 A100, ZeRO-3 without model parallelism, batch 1536, micro-batch 4, seq 2K (Megatron-LM paper baseline)',
    fit: false,
    request: {
      model: { config: megatronGpt(96, 12288, 96) },
      gpu: 'a100',
      gpuCount: 384,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 1536 * 2048,
      precision: 'bf16',
      attentionKernel: 'materialized',
      parallelism: { tp: 1, pp: 1, dp: 384, ep: 1, zero: 3, microBatchSize: 4, recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: megatronTokensPerSecond(144, 96, 12288),
    source: `Narayanan et al. (arXiv:2104.04473v5) Table 2 (same transcription): "ZeRO-3 | 174.6 | 1 | 1536 | 384 | 4 | 144" (scheme, params B, model-parallel size, batch, GPUs, micro-batch, teraFLOP/s per GPU)`,
    derivation: `${MEGATRON_DERIVATION} = ${megatronTokensPerSecond(144, 96, 12288).toFixed(2)}`,
    notes:
      'DeepSpeed ZeRO-3 run by the Megatron authors; activation recomputation assumed (Eq. 3 basis); GELU FFN as equal-FLOP SwiGLU; 2021, before FlashAttention: attentionKernel materialized.',
  },
  // --- MosaicML llm-foundry MPT benchmarks (FSDP FULL_SHARD)
  {
    id: 'mpt-70b-64-h100',
    description: 'MPT-70B, 64 H100, BF16, FSDP, micro-batch 8, GBS 2048, seq 2K, activation checkpointing (llm-foundry)',
    fit: false,
    request: {
      model: { config: MPT_70B },
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 2048 * 2048,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 64, ep: 1, zero: 3, microBatchSize: 8, recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 1039,
    source: `${MOSAIC}, "H100 80GB BF16": "70b | 2048 | 64 | h100_80gb | 42.57 | 56.76 | ... | 8 | 4 | 2048 | 32 | 66523 | 1039 | ... | amp_bf16 | DEFAULT | FULL_SHARD | True | False | 64862437376"`,
    notes: MOSAIC_NOTE,
  },
  {
    id: 'mpt-30b-32-h100',
    description: 'MPT-30B, 32 H100, BF16, FSDP, micro-batch 14, GBS 1344, seq 2K, activation checkpointing (llm-foundry)',
    fit: false,
    request: {
      model: { config: MPT_30B },
      gpu: 'h100',
      gpuCount: 32,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 1344 * 2048,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 32, ep: 1, zero: 3, microBatchSize: 14, recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 2308,
    source: `${MOSAIC}, "H100 80GB BF16": "30b | 2048 | 32 | h100_80gb | 43.92 | 58.57 | ... | 14 | 3 | 1344 | 36 | 73860 | 2308 | ... | FULL_SHARD | True | False | 29975214080"`,
    notes: MOSAIC_NOTE,
  },
  {
    id: 'mpt-7b-8-h100',
    description: 'MPT-7B, 8 H100, BF16, FSDP, micro-batch 6, GBS 48, seq 2K, no recompute (llm-foundry)',
    fit: true,
    request: {
      model: { config: MPT_7B },
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 48 * 2048,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3, microBatchSize: 6, recompute: 'none' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 10643,
    source: `${MOSAIC}, "H100 80GB BF16": "7b | 2048 | 8 | h100_80gb | 46.44 | 46.44 | ... | 6 | 1 | 48 | 41 | 85144 | 10643 | ... | FULL_SHARD | False | False | 6658859008"`,
    notes: MOSAIC_NOTE,
  },
  {
    id: 'mpt-3b-8-h100-fp8',
    description: 'MPT-3B, 8 H100, FP8 (TE), FSDP, micro-batch 10, GBS 480, seq 2K, no recompute (llm-foundry)',
    fit: false,
    request: {
      model: { config: MPT_3B },
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 480 * 2048,
      precision: 'fp8',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3, microBatchSize: 10, recompute: 'none' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 30586,
    source: `${MOSAIC}, "H100 80GB FP8": "3b | 2048 | 8 | h100_80gb | 27.7 | 27.7 | ... | 10 | 6 | 480 | 119 | 244692 | 30586 | ... | amp_fp8 | DEFAULT | FULL_SHARD | False | False | 2651837440"`,
    notes: `${MOSAIC_NOTE}; MPT-3B shape (32 layers, d 2560, 20 heads) from llm-foundry yamls, consistent with NumParams (12·32·2560² + 52,416·2560 ≈ 2.65e9).`,
  },
  {
    id: 'mpt-70b-64-a100',
    description: 'MPT-70B, 64 A100 80GB, BF16, FSDP, micro-batch 8, GBS 2048, seq 2K, activation checkpointing (llm-foundry)',
    fit: false,
    request: {
      model: { config: MPT_70B },
      gpu: 'a100',
      gpuCount: 64,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 2048 * 2048,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 64, ep: 1, zero: 3, microBatchSize: 8, recompute: 'full' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 410,
    source: `${MOSAIC}, "A100 80GB with 1600 Gbps node-node interconnect (RoCE)": "70b | 2048 | 64 | a100_80gb | 53.33 | 71.1 | ... | 8 | 4 | 2048 | 12 | 26274 | 410 | ... | bf16 | PURE | FULL_SHARD | True | False | 64862437376"`,
    notes: `${MOSAIC_NOTE}; 1,600 Gb/s RoCE per node = the catalog A100's 8 × 200 Gb/s.`,
  },
  {
    id: 'mpt-7b-8-a100',
    description: 'MPT-7B, 8 A100 80GB, BF16, FSDP, micro-batch 6, GBS 96, seq 2K, no recompute (llm-foundry)',
    fit: false,
    request: {
      model: { config: MPT_7B },
      gpu: 'a100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 2048,
      globalBatchTokens: 96 * 2048,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 3, microBatchSize: 6, recompute: 'none' },
    },
    metric: 'tokensPerSecondPerGpu',
    published: 4641,
    source: `${MOSAIC}, "A100 80GB with 1600 Gbps node-node interconnect (RoCE)": "7b | 2048 | 8 | a100_80gb | 64.23 | 64.23 | ... | 6 | 2 | 96 | 18 | 37130 | 4641 | ... | amp_bf16 | DEFAULT | FULL_SHARD | False | False | 6658859008"`,
    notes: MOSAIC_NOTE,
  },
];
