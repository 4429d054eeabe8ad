import { describe, expect, it } from 'vitest';
import { CONFIG_JSON_FIELDS, parseConfigField } from './config-json.js';

describe('config.json fields', () => {
  it('checks each field against its type and bounds, messages without the value', () => {
    expect(parseConfigField('hidden_size', 4096)).toEqual({ success: true, output: 4096 });
    expect(parseConfigField('hidden_size', 'SECRET-4096')).toEqual({ success: false, message: 'must be an integer' });
    expect(parseConfigField('hidden_size', 1.5)).toEqual({ success: false, message: 'must be an integer' });
    expect(parseConfigField('num_hidden_layers', 0)).toEqual({ success: false, message: 'must be between 1 and 10000' });
    expect(parseConfigField('n_routed_experts', 0)).toEqual({ success: true, output: 0 });
    expect(parseConfigField('max_position_embeddings', 2e8)).toEqual({ success: false, message: 'must be between 1 and 100000000' });
    expect(parseConfigField('tie_word_embeddings', 'yes')).toEqual({ success: false, message: 'must be a boolean' });
    expect(parseConfigField('model_type', 7)).toEqual({ success: false, message: 'must be a string' });
    expect(parseConfigField('mlp_only_layers', [0, -1])).toEqual({ success: false, message: 'must be an array of non-negative integers' });
    expect(parseConfigField('layer_types', ['full_attention', 3])).toEqual({ success: false, message: 'must be an array of strings' });
  });

  it('knows the fields every family spelling uses', () => {
    for (const key of ['n_routed_experts', 'num_local_experts', 'num_experts', 'num_experts_per_tok', 'experts_per_token', 'kv_lora_rank', 'layer_types']) {
      expect(CONFIG_JSON_FIELDS).toHaveProperty(key);
    }
  });
});
