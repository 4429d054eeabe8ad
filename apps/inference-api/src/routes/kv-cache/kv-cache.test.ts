import { describe, expect, it } from 'vitest';
import { client, errorOf, postJson } from '../../../test/api.js';
describe('POST /v1/inference/kv-cache', () => {
  it('sizes DeepSeek-V3 MLA KV: 70,272 B/token in BF16', async () => {
    const b = await client.kvCache({ model: 'deepseek-v3', contextTokens: 4096, concurrency: 2 });
    expect(b.bytesPerToken).toBe(70272);
    expect(b.totalBytes).toBe(2 * b.bytesPerSequence);
  });

  it('rejects a context beyond max_position_embeddings naming the field', async () => {
    const r = await postJson('/v1/inference/kv-cache', { model: 'llama-3.1-8b', contextTokens: 999_999_999 });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).issues[0]?.path).toBe('contextTokens');
  });
});
