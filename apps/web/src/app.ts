import { ANY_ORIGIN, applySecurityHeaders, finiteJsonResponse, handleError, OPENAPI_PATH, SERVICE_HEADER, withServers } from '@gcp/http';
import { Hono } from 'hono';
import { mergedOpenApiDocument } from './routes/openapi/merged-document.js';
import { forward } from './routes/proxy/forward.js';

type WebEnv = { Bindings: Cloudflare.Env };

/**
 * The public origin: the planner page (static assets), `/v1/inference/*` to
 * the inference worker, every other `/v1/*` to the planning worker, and one
 * merged `/openapi.json`. The routes are listed here; their code and tests
 * live per feature in src/routes/ (openapi/, proxy/), the static-asset
 * fallback's tests in app.test.ts.
 */
export const app = new Hono<WebEnv>();

app.get(OPENAPI_PATH, async (c) => {
  const document = await mergedOpenApiDocument({ 'planning-api': c.env.PLANNING, 'inference-api': c.env.INFERENCE });
  // `servers`: this origin, the base URL a client generated from the document should call
  const response = finiteJsonResponse(withServers(document, new URL(c.req.url).origin, 'The planner API behind this origin'));
  response.headers.set(SERVICE_HEADER, 'web');
  response.headers.set('access-control-allow-origin', ANY_ORIGIN);
  applySecurityHeaders(response.headers);
  return response;
});

app.all('/v1/inference/*', (c) => forward(c.env.INFERENCE, 'inference-api', c.req.raw));
app.all('/v1/inference', (c) => forward(c.env.INFERENCE, 'inference-api', c.req.raw));
app.all('/v1/*', (c) => forward(c.env.PLANNING, 'planning-api', c.req.raw));

// Anything else is the page; the assets layer normally answers before the worker runs.
app.all('*', (c) => c.env.ASSETS.fetch(c.req.raw));

app.onError((error) => handleError(error));
