/**
 * Property test: whatever a user pastes as config.json, the core either returns finite
 * numbers or throws a PlannerInputError naming fields — never another exception, never NaN/Infinity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getModel, normalizeConfig, PlannerInputError } from '@gcp/core';

const FIELDS = [
  'hidden_size',
  'num_hidden_layers',
  'num_attention_heads',
  'num_key_value_heads',
  'vocab_size',
  'intermediate_size',
  'moe_intermediate_size',
  'n_routed_experts',
  'num_local_experts',
  'num_experts',
  'num_experts_per_tok',
  'n_shared_experts',
  'first_k_dense_replace',
  'moe_layer_freq',
  'kv_lora_rank',
  'q_lora_rank',
  'qk_rope_head_dim',
  'qk_nope_head_dim',
  'v_head_dim',
  'head_dim',
  'sliding_window',
  'decoder_sparse_step',
  'num_nextn_predict_layers',
  'max_position_embeddings',
] as const;

const oddValue = fc.oneof(
  fc.integer({ min: -10, max: 300_000 }),
  fc.double(),
  fc.string({ maxLength: 5 }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }),
);

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('config normalisation under random edits', () => {
  for (const id of ['deepseek-v3', 'mixtral-8x7b', 'qwen3-30b-a3b', 'gpt-oss-120b', 'llama-3.1-8b']) {
    it(`${id}: random field edits give finite analyses or a PlannerInputError`, () => {
      const base = getModel(id)!.config;
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...FIELDS), oddValue, { maxKeys: 4 }), (edits) => {
          const cfg = { ...base, ...edits };
          try {
            const analysis = analyzeModel(normalizeConfig(cfg), { sequenceLength: 4096 });
            expect(allFinite(analysis)).toBe(true);
            expect(analysis.totalParams).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(PlannerInputError);
            expect((e as PlannerInputError).issues.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300, seed: 20261129 },
      );
    });
  }
});
