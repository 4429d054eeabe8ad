import type { ResolvedLayout } from './layout.js';

/** Engine launch flags equivalent to a planned layout (flag names checked against each project's docs). */
export interface LaunchSettings {
  readonly sglang: readonly string[];
  readonly vllm: readonly string[];
  readonly trtllm: Readonly<Record<string, unknown>>;
}

export interface LaunchInput {
  readonly layout: ResolvedLayout;
  readonly kvCache: 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4' | 'custom';
  readonly maxRunningRequests: number;
  readonly maxTokensPerStep: number;
  readonly role: 'prefill' | 'decode' | 'aggregated';
  readonly speculativeDraftTokens?: number;
}

/**
 * SGLang: with DP attention `--tp` is the instance's GPU count and `--dp` the attention-DP size
 * (docs.sglang.io server arguments / expert parallelism: `--tp-size`, `--dp-size`,
 * `--enable-dp-attention`, `--ep-size`, `--moe-a2a-backend deepep`, `--disaggregation-mode`).
 * vLLM: `--tensor-parallel-size`, `--data-parallel-size`, `--enable-expert-parallel` (EP size =
 * TP × DP), `--kv-cache-dtype`, `--max-num-seqs`, `--max-num-batched-tokens`.
 * TensorRT-LLM (LLM API / trtllm-serve YAML): `tp_size`, `pp_size`, `moe_expert_parallel_size`,
 * `moe_tensor_parallel_size`, `enable_attention_dp`, `kv_cache_config.dtype`, `max_batch_size`,
 * `max_num_tokens`. KV formats without a flag value (int4, custom bit widths) are left at the default.
 */
export function launchSettings(i: LaunchInput): LaunchSettings {
  const l = i.layout;
  const gpus = l.gpusPerStage;
  const dpAttn = l.attentionDp > 1;
  const kvSgl = i.kvCache === 'fp8' ? 'fp8_e4m3' : i.kvCache === 'bf16' || i.kvCache === 'fp16' ? 'auto' : undefined;
  const kvVllm = i.kvCache === 'fp8' ? 'fp8' : i.kvCache === 'bf16' || i.kvCache === 'fp16' ? 'auto' : undefined;
  const sglang: string[] = ['--tp', String(gpus)];
  if (dpAttn) sglang.push('--dp', String(l.attentionDp), '--enable-dp-attention');
  if (l.moeEp > 1) sglang.push('--ep-size', String(l.moeEp), '--moe-a2a-backend', 'deepep');
  if (l.redundantExperts > 0) sglang.push('--ep-num-redundant-experts', String(l.redundantExperts));
  if (l.pp > 1) sglang.push('--pp-size', String(l.pp));
  if (kvSgl) sglang.push('--kv-cache-dtype', kvSgl);
  sglang.push('--max-running-requests', String(i.maxRunningRequests), '--chunked-prefill-size', String(i.maxTokensPerStep));
  if (i.role !== 'aggregated') sglang.push('--disaggregation-mode', i.role);
  if (i.speculativeDraftTokens)
    sglang.push(
      '--speculative-algorithm',
      'EAGLE',
      '--speculative-num-steps',
      String(i.speculativeDraftTokens),
      '--speculative-eagle-topk',
      '1',
      '--speculative-num-draft-tokens',
      String(i.speculativeDraftTokens + 1),
    );

  const vllm: string[] = ['--tensor-parallel-size', String(l.attentionTp)];
  if (l.attentionDp > 1) vllm.push('--data-parallel-size', String(l.attentionDp));
  if (l.moeEp > 1) vllm.push('--enable-expert-parallel');
  if (l.pp > 1) vllm.push('--pipeline-parallel-size', String(l.pp));
  if (kvVllm) vllm.push('--kv-cache-dtype', kvVllm);
  vllm.push('--max-num-seqs', String(Math.max(1, Math.ceil(i.maxRunningRequests / l.attentionDp))), '--max-num-batched-tokens', String(i.maxTokensPerStep));

  const trtllm: Record<string, unknown> = {
    tp_size: gpus,
    pp_size: l.pp,
    moe_expert_parallel_size: l.moeEp,
    moe_tensor_parallel_size: l.moeTp,
    enable_attention_dp: dpAttn,
    max_batch_size: Math.max(1, Math.ceil(i.maxRunningRequests / l.attentionDp)),
    max_num_tokens: i.maxTokensPerStep,
    ...(i.kvCache === 'fp8' ? { kv_cache_config: { dtype: 'fp8' } } : {}),
    ...(i.speculativeDraftTokens ? { speculative_config: { decoding_type: 'MTP', num_nextn_predict_layers: i.speculativeDraftTokens } } : {}),
  };
  return { sglang, vllm, trtllm };
}
