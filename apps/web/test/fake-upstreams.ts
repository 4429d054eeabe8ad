/**
 * Stand-ins for the planning and inference workers behind the web worker's
 * service bindings: each echoes what it received and serves a tiny OpenAPI
 * document, so the tests can see where a request was routed.
 */
function fakeWorkerScript(service: string, paths: string[]): string {
  const document = {
    openapi: '3.1.0',
    info: { title: service, version: '0' },
    paths: Object.fromEntries(paths.map((path) => [path, { get: { operationId: path, summary: path, responses: {} } }])),
    components: { schemas: { ErrorEnvelope: { type: 'object' }, [`${service}Only`]: { type: 'string' } } },
  };
  return `
    export default {
      async fetch(request) {
        const url = new URL(request.url);
        if (url.pathname === '/openapi.json') return Response.json(${JSON.stringify(document)});
        const body = request.method === 'POST' ? await request.text() : null;
        return Response.json({ service: ${JSON.stringify(service)}, method: request.method, path: url.pathname + url.search, body });
      },
    };`;
}

export const fakeUpstreamWorkers = [
  {
    name: 'gcp-planning-api',
    modules: true,
    compatibilityDate: '2026-05-01',
    script: fakeWorkerScript('planning', ['/v1/gpus', '/v1/models']),
  },
  {
    name: 'gcp-inference-api',
    modules: true,
    compatibilityDate: '2026-05-01',
    script: fakeWorkerScript('inference', ['/v1/inference/kv-cache']),
  },
];
