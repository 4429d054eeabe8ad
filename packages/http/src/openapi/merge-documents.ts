import type { OpenApiDocument, OpenApiInfo, OpenApiOperation } from './document.js';

/**
 * One document from several workers' documents: paths and component schemas
 * are united (the first document wins when two define the same operation or
 * component name), tags are united by name.
 */
export function mergeOpenApiDocuments(info: OpenApiInfo, documents: readonly OpenApiDocument[]): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const schemas: Record<string, unknown> = {};
  const securitySchemes: Record<string, unknown> = {};
  const tagNames = new Set<string>();
  for (const document of documents) {
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      const merged = (paths[path] ??= {});
      for (const [method, operation] of Object.entries(operations)) merged[method] ??= operation;
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) schemas[name] ??= schema;
    for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {})) securitySchemes[name] ??= scheme;
    for (const tag of document.tags ?? []) tagNames.add(tag.name);
  }
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info,
    paths: sortedPaths,
    components: { schemas, ...(Object.keys(securitySchemes).length > 0 ? { securitySchemes } : {}) },
    ...(tagNames.size > 0 ? { tags: [...tagNames].map((name) => ({ name })) } : {}),
  };
}

/** Loose shape check used before merging a document fetched from another worker. */
export function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { openapi?: unknown; paths?: unknown };
  return typeof candidate.openapi === 'string' && typeof candidate.paths === 'object' && candidate.paths !== null;
}
