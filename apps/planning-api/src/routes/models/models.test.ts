import { getModel } from '@gcp/core';
import { describe, expect, it } from 'vitest';
import { client, errorOf, get, postJson } from '../../../test/api.js';

const deepseekConfig = getModel('deepseek-v3')!.config;
const llamaConfig = getModel('llama-3.1-8b')!.config;

describe('GET /v1/models', () => {
  it('lists catalog models with official parameter counts', async () => {
    const body = await client.listModels(); // checked against the contract's response schema
    const deepseek = body.models.find((model) => model.id === 'deepseek-v3');
    expect(deepseek?.name).toBe('DeepSeek-V3');
    expect(deepseek?.officialParams.totalB.value).toBe(671);
  });
});

describe('GET /v1/models/{id}', () => {
  it('returns the analysis at the default sequence length', async () => {
    const body = await client.getModel('deepseek-v3');
    expect(body.name).toBe('DeepSeek-V3');
    expect(body.attention).toBe('mla');
    expect(body.sequenceLength).toBe(4096);
    expect(Math.round(body.totalParams / 1e9)).toBe(671);
    expect(body.activeParams).toBeLessThan(body.totalParams);
    expect(body.mtpParams).toBeGreaterThan(0);
    expect(body.kvCacheBytesPerToken.fp8).toBeLessThan(body.kvCacheBytesPerToken.bf16);
    expect(body.trainingFlopsPerToken).toBeGreaterThan(body.forwardFlopsPerToken);
  });

  it('honours ?sequenceLength and rejects bad values with 400', async () => {
    const short = await client.getModel('llama-3.1-8b', { sequenceLength: 1024 });
    const long = await client.getModel('llama-3.1-8b', { sequenceLength: 32768 });
    expect(short.sequenceLength).toBe(1024);
    expect(long.trainingFlopsPerToken).toBeGreaterThan(short.trainingFlopsPerToken);
    for (const bad of ['abc', '-5', '0', '1.5', '99999999999']) {
      const response = await get(`/v1/models/llama-3.1-8b?sequenceLength=${bad}`);
      expect(response.status, bad).toBe(400);
      const error = await errorOf(response);
      expect(error.issues[0]?.path).toBe('query.sequenceLength');
    }
  });

  it('answers 404 for unknown models', async () => {
    const response = await get('/v1/models/gpt-7');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
  });
});

describe('POST /v1/models/analyze', () => {
  it('analyses a pasted config.json like the catalog entry', async () => {
    const body = await client.analyzeModel({ config: deepseekConfig, sequenceLength: 4096 });
    const catalog = await client.getModel('deepseek-v3');
    expect(body.totalParams).toBe(catalog.totalParams);
    expect(body.trainingFlopsPerToken).toBe(catalog.trainingFlopsPerToken);
    expect(body.attention).toBe('mla');
  });

  it('defaults sequenceLength to 4096', async () => {
    const body = (await (await postJson('/v1/models/analyze', { config: llamaConfig })).json()) as { sequenceLength: number; attention: string };
    expect(body.sequenceLength).toBe(4096);
    expect(body.attention).toBe('gqa');
  });

  it('names each missing config field (400)', async () => {
    const { hidden_size: _h, num_hidden_layers: _n, ...rest } = llamaConfig as Record<string, unknown>;
    const response = await postJson('/v1/models/analyze', { config: rest });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toContain('config.hidden_size');
  });

  it('rejects strings for numbers and negative sizes without echoing them', async () => {
    for (const [field, value] of [
      ['hidden_size', 'SECRET-4096'],
      ['num_attention_heads', -32],
      ['vocab_size', 1.5],
      ['num_hidden_layers', 0],
    ] as const) {
      const response = await postJson('/v1/models/analyze', { config: { ...llamaConfig, [field]: value } });
      expect(response.status, field).toBe(400);
      const error = await errorOf(response);
      expect(
        error.issues.some((issue) => issue.path === `config.${field}`),
        field,
      ).toBe(true);
      expect(JSON.stringify(error)).not.toContain('SECRET');
    }
  });

  it('validates the request body itself', async () => {
    const cases: [unknown, string][] = [
      [{}, 'config'],
      [{ config: 'SECRET' }, 'config'],
      [{ config: [1, 2] }, 'config'],
      [{ config: llamaConfig, sequenceLength: -1 }, 'sequenceLength'],
      [{ config: llamaConfig, sequenceLength: '4096' }, 'sequenceLength'],
      [{ config: llamaConfig, extra: true }, 'extra'],
      [[llamaConfig], ''],
      [null, ''],
    ];
    for (const [body, path] of cases) {
      const response = await postJson('/v1/models/analyze', body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const error = await errorOf(response);
      expect(error.issues.map((issue) => issue.path)).toContain(path);
      expect(JSON.stringify(error)).not.toContain('SECRET');
    }
  });

  it('never answers 500 for odd configs', async () => {
    const odd: unknown[] = [
      { ...llamaConfig, num_key_value_heads: 3 },
      { ...llamaConfig, num_key_value_heads: 0 },
      { ...llamaConfig, hidden_size: 1_000_000, num_hidden_layers: 10_000, vocab_size: 100_000_000 },
      { ...llamaConfig, intermediate_size: null },
      { ...deepseekConfig, n_routed_experts: 0 },
      { ...deepseekConfig, num_experts_per_tok: 100_000 },
      { ...deepseekConfig, kv_lora_rank: 'x' },
      { ...deepseekConfig, first_k_dense_replace: 1000 },
      { ...deepseekConfig, num_nextn_predict_layers: -1 },
      { ...llamaConfig, layer_types: ['nonsense'] },
      { model_type: 'llama' },
    ];
    for (const config of odd) {
      const response = await postJson('/v1/models/analyze', { config, sequenceLength: 4_194_304 });
      expect([200, 400, 422], JSON.stringify(config).slice(0, 80)).toContain(response.status);
      const text = await response.text();
      expect(text).not.toMatch(/NaN|Infinity/);
    }
  });
});
