import { describe, expect, it } from 'vitest';
import type { ConfigJson } from '@gcp/contract';
import { PlannerInputError } from '../errors.js';
import { getModel } from './catalog.js';
import { normalizeConfig } from './normalize-config.js';

const v3 = () => structuredClone(getModel('deepseek-v3')!.config);

function issuesOf(raw: ConfigJson): { path: string; message: string }[] {
  try {
    normalizeConfig(raw);
  } catch (e) {
    if (e instanceof PlannerInputError) return [...e.issues];
    throw e;
  }
  return [];
}

describe('normalizeConfig', () => {
  it('reads DeepSeek-V3: MLA, 3 dense + 58 MoE layers, 1 MTP module', () => {
    const a = normalizeConfig(v3());
    expect(a.attention.kind).toBe('mla');
    expect(a.attention.mla).toMatchObject({ qLoraRank: 1536, kvLoraRank: 512, qkRopeHeadDim: 64 });
    expect(a.layers.filter((l) => l.ffn === 'dense')).toHaveLength(3);
    expect(a.moe).toMatchObject({ numRoutedExperts: 256, numSharedExperts: 1, topK: 8, numGroups: 8, topKGroups: 4 });
    expect(a.mtpLayers).toBe(1);
  });

  it('names a pasted model by its _name_or_path (or name), the architecture class only when it has neither', () => {
    expect(normalizeConfig(v3()).name).toBe('DeepseekV3ForCausalLM');
    expect(normalizeConfig({ ...v3(), _name_or_path: 'deepseek-ai/DeepSeek-V3-0324' }).name).toBe('DeepSeek-V3-0324');
    expect(normalizeConfig({ ...v3(), name: 'my edited V3' }).name).toBe('my edited V3');
  });

  it('reads each family spelling of the expert count', () => {
    expect(normalizeConfig(getModel('mixtral-8x7b')!.config).moe?.numRoutedExperts).toBe(8);
    expect(normalizeConfig(getModel('qwen3-30b-a3b')!.config).moe?.numRoutedExperts).toBe(128);
    const oss = normalizeConfig(getModel('gpt-oss-120b')!.config);
    expect(oss.moe?.topK).toBe(4);
    expect(oss.layers.filter((l) => l.attention === 'sliding')).toHaveLength(18);
    expect(oss.attention.slidingWindow).toBe(128);
  });

  it('classifies attention as MHA / GQA / MQA / MLA', () => {
    expect(normalizeConfig(getModel('llama-3.1-8b')!.config).attention.kind).toBe('gqa');
    const mha = { ...getModel('llama-3.1-8b')!.config, num_key_value_heads: 32 };
    expect(normalizeConfig(mha).attention.kind).toBe('mha');
    const mqa = { ...getModel('llama-3.1-8b')!.config, num_key_value_heads: 1 };
    expect(normalizeConfig(mqa).attention.kind).toBe('mqa');
  });

  it('honours Qwen decoder_sparse_step and mlp_only_layers', () => {
    const cfg = { ...getModel('qwen3-30b-a3b')!.config, decoder_sparse_step: 2, mlp_only_layers: [1] };
    const a = normalizeConfig(cfg);
    // layers with (i+1) % 2 == 0 are MoE, except layer 1 which is forced dense
    expect(a.layers.filter((l) => l.ffn === 'moe')).toHaveLength(23);
    expect(a.layers[1]?.ffn).toBe('dense');
  });

  it('names every missing or wrong field without echoing values', () => {
    const bad = v3() as Record<string, unknown>;
    delete bad['hidden_size'];
    bad['num_hidden_layers'] = 'sixty-one';
    bad['vocab_size'] = -5;
    const issues = issuesOf(bad);
    expect(issues.map((i) => i.path).sort()).toEqual(['config.hidden_size', 'config.num_hidden_layers', 'config.vocab_size']);
    expect(JSON.stringify(issues)).not.toContain('sixty-one');
  });

  // a config that is not a JSON object is the contract's (jsonObjectSchema; packages/contract and planning-api models.test.ts)
  it('rejects inconsistent head counts', () => {
    expect(issuesOf({ ...getModel('llama-3.1-8b')!.config, num_key_value_heads: 5 }).map((i) => i.path)).toContain('config.num_key_value_heads');
    expect(issuesOf({ ...getModel('mixtral-8x7b')!.config, num_experts_per_tok: 9 }).map((i) => i.path)).toContain('config.num_experts_per_tok');
  });
});

describe('normalizeConfig error reporting', () => {
  it('reports a wrong field once, without follow-on complaints about fields derived from it', () => {
    const issues = issuesOf({ ...getModel('llama-3.1-8b')!.config, hidden_size: '4096' });
    expect(issues).toEqual([{ path: 'config.hidden_size', message: 'must be an integer' }]);
  });
});
