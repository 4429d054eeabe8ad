import type { ConfigJson } from '@gcp/contract';
import { PlannerInputError } from '../errors.js';
import { ConfigReader } from './config-reader.js';
import type { AttentionKind, AttentionSpec, LayerSpec, ModelArchitecture, MoeSpec } from './types.js';

/** Context assumed when a config.json omits max_position_embeddings (assumed: the common pre-2024 4K window). */
export const DEFAULT_MAX_POSITION_EMBEDDINGS = 4096;

/**
 * Normalise a Hugging Face `config.json` into a ModelArchitecture.
 *
 * Family key names resolved here (and only here):
 *  - DeepSeek V2/V3, Kimi-K2: `n_routed_experts`, `n_shared_experts`, `moe_intermediate_size`,
 *    `first_k_dense_replace`, `moe_layer_freq`, MLA `q_lora_rank` / `kv_lora_rank` / `qk_*_head_dim` / `v_head_dim`,
 *    `n_group` / `topk_group`, `num_nextn_predict_layers`.
 *  - Mixtral: `num_local_experts`, `intermediate_size` is the expert size, optional `sliding_window`.
 *  - Qwen2/3-MoE: `num_experts`, `decoder_sparse_step`, `mlp_only_layers`, `moe_intermediate_size`,
 *    `shared_expert_intermediate_size` (Qwen2-MoE).
 *  - gpt-oss: `num_local_experts`, `experts_per_token`, `layer_types`, `sliding_window`, biases everywhere.
 *  - Llama / Mistral / Qwen dense: GQA fields only.
 */
export function normalizeConfig(cfg: ConfigJson): ModelArchitecture {
  const r = new ConfigReader(cfg);
  const modelType = r.read('model_type') ?? 'unknown';

  const hiddenSize = r.int('hidden_size');
  const numLayers = r.int('num_hidden_layers');
  const numHeads = r.int('num_attention_heads');
  const vocabSize = r.int('vocab_size');
  const numKvHeads = r.read('num_key_value_heads') ?? numHeads;
  const tieWordEmbeddings = r.read('tie_word_embeddings') ?? false;
  const maxPositionEmbeddings = r.read('max_position_embeddings') ?? DEFAULT_MAX_POSITION_EMBEDDINGS;

  // --- MoE fields, whichever family spelling is present
  const numRoutedExperts = r.read('n_routed_experts') ?? r.read('num_local_experts') ?? r.read('num_experts') ?? 0;
  const isMoe = numRoutedExperts > 0;
  const topK = r.read('num_experts_per_tok') ?? r.read('experts_per_token');
  const intermediate = r.read('intermediate_size');
  const moeIntermediate = r.read('moe_intermediate_size');

  // --- attention
  const kvLoraRank = r.read('kv_lora_rank');
  const isMla = kvLoraRank !== undefined;
  let attention: AttentionSpec | undefined;
  const attentionBias = r.read('attention_bias') ?? modelType === 'gpt_oss';
  const slidingWindowRaw = r.read('sliding_window');
  const layerTypes = r.read('layer_types');
  const useSliding = r.read('use_sliding_window');
  // Qwen configs carry sliding_window but disable it with use_sliding_window=false.
  const slidingWindow = useSliding === false ? null : (slidingWindowRaw ?? null);

  if (isMla) {
    const qkNope = r.int('qk_nope_head_dim');
    const qkRope = r.int('qk_rope_head_dim');
    const vHead = r.int('v_head_dim');
    const qLora = r.read('q_lora_rank');
    attention = {
      kind: 'mla',
      numHeads,
      numKvHeads: numHeads,
      qkHeadDim: qkNope + qkRope,
      vHeadDim: vHead,
      mla: { qLoraRank: qLora && qLora > 0 ? qLora : null, kvLoraRank: kvLoraRank!, qkNopeHeadDim: qkNope, qkRopeHeadDim: qkRope, vHeadDim: vHead },
      bias: attentionBias,
      slidingWindow,
    };
  } else {
    // checks between fields only once each field on its own is valid (no follow-on noise)
    const basicsValid = Number.isFinite(hiddenSize) && Number.isFinite(numHeads) && Number.isFinite(numKvHeads);
    const headDim = r.read('head_dim') ?? (Number.isInteger(hiddenSize / numHeads) ? hiddenSize / numHeads : undefined);
    if (headDim === undefined && basicsValid && !r.has('head_dim'))
      r.problem('head_dim', 'is required when hidden_size is not a multiple of num_attention_heads');
    if (basicsValid && (numKvHeads > numHeads || numHeads % numKvHeads !== 0)) {
      r.problem('num_key_value_heads', 'must divide num_attention_heads');
    }
    const kind: AttentionKind = numKvHeads === numHeads ? 'mha' : numKvHeads === 1 ? 'mqa' : 'gqa';
    attention = { kind, numHeads, numKvHeads, qkHeadDim: headDim ?? 0, vHeadDim: headDim ?? 0, mla: null, bias: attentionBias, slidingWindow };
  }

  // --- FFN sizes
  let moe: MoeSpec | null = null;
  let denseIntermediateSize = intermediate ?? 0;
  if (isMoe) {
    const expertSize = moeIntermediate ?? intermediate;
    if (expertSize === undefined) r.problem('moe_intermediate_size', 'is required for a mixture-of-experts config (or intermediate_size)');
    if (topK === undefined) r.problem('num_experts_per_tok', 'is required for a mixture-of-experts config');
    else if (topK > numRoutedExperts) r.problem('num_experts_per_tok', 'must not exceed the number of routed experts');
    const numShared = r.read('n_shared_experts') ?? 0;
    const qwenSharedSize = r.read('shared_expert_intermediate_size');
    const numGroups = r.read('n_group');
    const topKGroups = r.read('topk_group');
    moe = {
      numRoutedExperts,
      numSharedExperts: qwenSharedSize ? 1 : numShared,
      topK: topK ?? 0,
      expertIntermediateSize: expertSize ?? 0,
      sharedExpertIntermediateSize: qwenSharedSize ?? expertSize ?? 0,
      numGroups: numGroups && numGroups > 1 ? numGroups : null,
      topKGroups: numGroups && numGroups > 1 ? (topKGroups ?? numGroups) : null,
      routerBias: modelType === 'gpt_oss',
    };
    // Mixtral / gpt-oss put the expert size in intermediate_size and have no dense layers.
    if (moeIntermediate === undefined) denseIntermediateSize = intermediate ?? 0;
  } else if (intermediate === undefined) {
    r.problem('intermediate_size', 'is required (a positive integer)');
  }

  // --- which layers are MoE, which are sliding
  const firstKDense = r.read('first_k_dense_replace') ?? 0;
  const moeLayerFreq = r.read('moe_layer_freq') ?? 1;
  const decoderSparseStep = r.read('decoder_sparse_step') ?? 1;
  const mlpOnlyLayers = new Set(r.read('mlp_only_layers') ?? []);
  if (layerTypes && layerTypes.length !== numLayers) r.problem('layer_types', 'must have one entry per hidden layer');
  if (layerTypes?.some((t) => t === 'sliding_attention') && slidingWindow === null) {
    r.problem('sliding_window', 'is required when layer_types has sliding_attention layers');
  }
  const mtpLayers = r.read('num_nextn_predict_layers') ?? 0;
  r.finish();

  const layers: LayerSpec[] = [];
  for (let i = 0; i < numLayers; i++) {
    let ffn: LayerSpec['ffn'] = 'dense';
    if (isMoe) {
      const deepseekRule = i >= firstKDense && i % moeLayerFreq === 0;
      const qwenRule = !mlpOnlyLayers.has(i) && (i + 1) % decoderSparseStep === 0;
      ffn = deepseekRule && qwenRule ? 'moe' : 'dense';
    }
    let att: LayerSpec['attention'] = 'full';
    if (layerTypes) att = layerTypes[i] === 'sliding_attention' ? 'sliding' : 'full';
    else if (slidingWindow !== null && slidingWindow < maxPositionEmbeddings) att = 'sliding';
    layers.push({ attention: att, ffn });
  }
  if (isMoe && layers.some((l) => l.ffn === 'dense') && denseIntermediateSize <= 0) {
    throw PlannerInputError.at('config.intermediate_size', 'is required for the dense layers of this config');
  }

  const quant = cfg['quantization_config'];
  let publishedWeightFormat = typeof cfg['torch_dtype'] === 'string' ? (cfg['torch_dtype'] as string) : 'bfloat16';
  if (typeof quant === 'object' && quant !== null) {
    const q = quant as Record<string, unknown>;
    if (typeof q['quant_method'] === 'string') publishedWeightFormat = q['quant_method'] as string;
  }

  const archName = Array.isArray(cfg['architectures']) && typeof cfg['architectures'][0] === 'string' ? (cfg['architectures'][0] as string) : modelType;
  return {
    name: configName(cfg) ?? archName,
    modelType,
    hiddenSize,
    numLayers,
    vocabSize,
    tieWordEmbeddings,
    maxPositionEmbeddings,
    attention: attention!,
    denseIntermediateSize,
    moe,
    layers,
    mtpLayers,
    publishedWeightFormat,
  };
}

/**
 * The model's own name in a config.json, when it has one: `_name_or_path` (its last path part,
 * "deepseek-ai/DeepSeek-V3" → "DeepSeek-V3"), else `name`. A pasted model is called by it rather
 * than by its architecture class.
 */
export function configName(cfg: Record<string, unknown>): string | undefined {
  const raw = cfg['_name_or_path'] ?? cfg['name'];
  if (typeof raw !== 'string') return undefined;
  const last = raw.trim().split('/').filter(Boolean).pop();
  return last && last.length <= 200 ? last : undefined;
}
