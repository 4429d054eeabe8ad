import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from './stack.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface RouteLike {
  method: string;
  path: string;
}

/** The routes each worker registers in its src/app.ts (imported by path so tsc does not type the worker code). */
async function registeredRoutes(app: 'planning-api' | 'inference-api'): Promise<RouteLike[]> {
  const modulePath = fileURLToPath(new URL(`../../apps/${app}/src/app.ts`, import.meta.url));
  const module = (await import(/* @vite-ignore */ modulePath)) as { routes: RouteLike[] };
  return module.routes;
}

let stack: RunningStack;
let context: BrowserContext;
let page: Page;
let browserDir: string;

beforeAll(async () => {
  stack = await startStack();
  console.log(`e2e: stack ready in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
  browserDir = mkdtempSync(path.join(tmpdir(), 'gcp-e2e-chromium-'));
  context = await chromium.launchPersistentContext(path.join(browserDir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(browserDir, 'xdg-config'), XDG_CACHE_HOME: path.join(browserDir, 'xdg-cache') },
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await stack?.stop();
  if (browserDir) rmSync(browserDir, { recursive: true, force: true });
});

async function textOf(selector: string): Promise<string> {
  return ((await page.locator(selector).textContent()) ?? '').trim();
}

describe('planner page in Chromium', () => {
  it('analyses DeepSeek-V3 picked from the catalog: 671 B total', async () => {
    await page.goto(stack.baseUrl);
    await page.getByLabel('Catalog model').selectOption('deepseek-v3');
    await page.locator('#analysis-result').waitFor({ state: 'visible' });
    await page.locator('#analysis-model-name', { hasText: 'DeepSeek-V3' }).waitFor();
    expect(await textOf('#total-params')).toBe('671 B');
    expect(await textOf('#attention-kind')).toContain('MLA');
    expect(await textOf('#kv-bf16')).toMatch(/bytes/);
    expect(await textOf('#training-gflop')).toMatch(/GFLOP/);
    expect(await page.locator('#params-chart svg rect').count()).toBeGreaterThan(2);
    expect(await page.getByLabel('config.json', { exact: true }).isVisible()).toBe(false);
  });

  it('analyses the same config pasted into the editor', async () => {
    await page.getByRole('button', { name: 'Edit this model’s config.json' }).click();
    const editor = page.getByLabel('config.json', { exact: true });
    expect(await editor.isVisible()).toBe(true);
    expect(await editor.inputValue()).toContain('"kv_lora_rank"');
    await page.locator('#total-params').evaluate((element) => (element.textContent = ''));
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#total-params', { hasText: '671 B' }).waitFor();
  });

  it('shows API errors readably for a pasted config missing fields', async () => {
    await page.getByLabel('Paste a config.json').check();
    expect(await page.getByLabel('Catalog model').isVisible()).toBe(false);
    await page.getByLabel('config.json', { exact: true }).fill('{"model_type": "llama"}');
    await page.getByRole('button', { name: 'Analyse' }).click();
    const error = page.getByRole('alert');
    await error.waitFor({ state: 'visible' });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('HTTP 400');
    expect(text).toContain('config.hidden_size');
  });
});

describe('the stack over HTTP', () => {
  it('serves one merged OpenAPI document with every route of every worker', async () => {
    const response = await fetch(`${stack.baseUrl}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/gpus', '/v1/models', '/v1/models/analyze', '/v1/plans']));
    const routes = [...(await registeredRoutes('planning-api')), ...(await registeredRoutes('inference-api'))];
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('proxies /v1/* to planning-api (with D1) and /v1/inference/* to inference-api', async () => {
    const gpus = await fetch(`${stack.baseUrl}/v1/gpus/h100`);
    expect(gpus.status).toBe(200);
    expect(gpus.headers.get('x-gcp-service')).toBe('planning-api');

    const created = await fetch(`${stack.baseUrl}/v1/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'e2e', kind: 'inference', request: { modelId: 'deepseek-v3' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(((await (await fetch(`${stack.baseUrl}/v1/plans/${id}`)).json()) as { name: string }).name).toBe('e2e');

    const inference = await fetch(`${stack.baseUrl}/v1/inference/kv-cache`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(inference.headers.get('x-gcp-service')).toBe('inference-api');
    expect([400, 404, 422]).toContain(inference.status);
    expect(await inference.json()).toHaveProperty('error.code');
  });
});
