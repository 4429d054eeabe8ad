import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './document.js';
import { isOpenApiDocument, mergeOpenApiDocuments } from './merge-documents.js';
import { defineRoute } from '../routes/define-route.js';

const route = (method: 'get' | 'post', path: string) => defineRoute({ method, path, summary: path, handler: () => ({}) });

describe('mergeOpenApiDocuments', () => {
  it('unites paths, methods and component schemas', () => {
    const planning = buildOpenApiDocument({ title: 'planning', version: '1' }, [route('get', '/v1/gpus'), route('get', '/v1/plans')]);
    const inference = buildOpenApiDocument({ title: 'inference', version: '1' }, [route('post', '/v1/inference/kv-cache'), route('post', '/v1/plans')]);
    const merged = mergeOpenApiDocuments({ title: 'all', version: '1' }, [planning, inference]);
    expect(merged.openapi).toBe('3.1.0');
    expect(merged.info.title).toBe('all');
    expect(Object.keys(merged.paths)).toEqual(['/v1/gpus', '/v1/inference/kv-cache', '/v1/plans']);
    expect(Object.keys(merged.paths['/v1/plans'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(merged.components.schemas)).toEqual(['ErrorEnvelope']);
  });

  it('keeps the bearer scheme of a document that declares one', () => {
    const plans = buildOpenApiDocument({ title: 'planning', version: '1' }, [
      defineRoute({ method: 'get', path: '/v1/plans', summary: 'list', auth: 'bearer', handler: () => ({}) }),
    ]);
    const plain = buildOpenApiDocument({ title: 'inference', version: '1' }, [route('get', '/v1/x')]);
    expect(plain.components.securitySchemes).toBeUndefined();
    const merged = mergeOpenApiDocuments({ title: 'all', version: '1' }, [plain, plans]);
    expect(merged.components.securitySchemes).toEqual({ ownerToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    expect(merged.paths['/v1/plans']?.get?.security).toEqual([{ ownerToken: [] }]);
  });

  it('recognises documents loosely', () => {
    expect(isOpenApiDocument({ openapi: '3.1.0', paths: {} })).toBe(true);
    expect(isOpenApiDocument({ error: {} })).toBe(false);
    expect(isOpenApiDocument(null)).toBe(false);
  });
});
