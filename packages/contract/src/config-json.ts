import * as v from 'valibot';

/**
 * The fields of a Hugging Face config.json the planner reads, each with its type and planner
 * bounds (a pasted config is part of a request: `model.config`, or `config` of
 * POST /v1/models/analyze). The planner's reader (@gcp/core models/config-reader.ts) checks each
 * present, non-null field against its schema here and names the field on failure; which fields
 * a config must have, and the rules between fields (head counts that divide, MoE sizes, layer
 * types), depend on the model family and stay in the planner. Messages never repeat the value.
 */

const INTEGER = 'must be an integer';
const BOOLEAN = 'must be a boolean';
const STRING = 'must be a string';
const NON_NEGATIVE_INTEGERS = 'must be an array of non-negative integers';
const STRINGS = 'must be an array of strings';

/** An integer in [min, max]. */
function configInteger(min: number, max: number) {
  const range = `must be between ${min} and ${max}`;
  return v.pipe(v.number(INTEGER), v.integer(INTEGER), v.minValue(min, range), v.maxValue(max, range));
}

const configBoolean = v.boolean(BOOLEAN);
const configString = v.string(STRING);
const configIntegerList = v.array(
  v.pipe(v.number(NON_NEGATIVE_INTEGERS), v.integer(NON_NEGATIVE_INTEGERS), v.minValue(0, NON_NEGATIVE_INTEGERS)),
  NON_NEGATIVE_INTEGERS,
);
const configStringList = v.array(v.string(STRINGS), STRINGS);

/** Known config.json fields by key (absent or null means "not given"). */
export const CONFIG_JSON_FIELDS = {
  model_type: configString,
  hidden_size: configInteger(1, 1_000_000),
  num_hidden_layers: configInteger(1, 10_000),
  num_attention_heads: configInteger(1, 100_000),
  num_key_value_heads: configInteger(1, 100_000),
  head_dim: configInteger(1, 100_000),
  vocab_size: configInteger(1, 100_000_000),
  tie_word_embeddings: configBoolean,
  max_position_embeddings: configInteger(1, 1e8),
  intermediate_size: configInteger(1, 10_000_000),
  // MoE, whichever family spelling is present
  n_routed_experts: configInteger(0, 1_000_000),
  num_local_experts: configInteger(0, 1_000_000),
  num_experts: configInteger(0, 1_000_000),
  num_experts_per_tok: configInteger(1, 1_000_000),
  experts_per_token: configInteger(1, 1_000_000),
  moe_intermediate_size: configInteger(1, 10_000_000),
  n_shared_experts: configInteger(0, 1_000),
  shared_expert_intermediate_size: configInteger(0, 10_000_000),
  n_group: configInteger(1, 1_000_000),
  topk_group: configInteger(1, 1_000_000),
  first_k_dense_replace: configInteger(0, 10_000),
  moe_layer_freq: configInteger(1, 10_000),
  decoder_sparse_step: configInteger(1, 10_000),
  mlp_only_layers: configIntegerList,
  // MLA
  kv_lora_rank: configInteger(1, 1_000_000),
  q_lora_rank: configInteger(0, 1_000_000),
  qk_nope_head_dim: configInteger(1, 100_000),
  qk_rope_head_dim: configInteger(1, 100_000),
  v_head_dim: configInteger(1, 100_000),
  // attention details
  attention_bias: configBoolean,
  sliding_window: configInteger(1, 1e8),
  use_sliding_window: configBoolean,
  layer_types: configStringList,
  num_nextn_predict_layers: configInteger(0, 100),
} as const;

export type ConfigJsonField = keyof typeof CONFIG_JSON_FIELDS;
export type ConfigJsonValue<K extends ConfigJsonField> = v.InferOutput<(typeof CONFIG_JSON_FIELDS)[K]>;
/** The keys whose values are of type T (e.g. `ConfigJsonFieldOf<number>`: the integer fields). */
export type ConfigJsonFieldOf<T> = { [K in ConfigJsonField]: ConfigJsonValue<K> extends T ? K : never }[ConfigJsonField];

/** A pasted config.json: a JSON object, read field by field. */
export type ConfigJson = Record<string, unknown>;

export type ConfigFieldResult<T> = { readonly success: true; readonly output: T } | { readonly success: false; readonly message: string };

/** One present (non-null) config.json value checked against its field's schema; the message names the rule, not the value. */
export function parseConfigField<K extends ConfigJsonField>(key: K, value: unknown): ConfigFieldResult<ConfigJsonValue<K>> {
  const result = v.safeParse(CONFIG_JSON_FIELDS[key], value, { abortPipeEarly: true });
  if (result.success) return { success: true, output: result.output as ConfigJsonValue<K> };
  return { success: false, message: result.issues[0].message };
}
