import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './browser.js';
import * as figures from './figures.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * The model analysis, the training planner and saved plans in headless Chromium against the real
 * local stack, and the stack's routing over HTTP. The inference planner's views are in
 * inference-planner.e2e.test.ts.
 */

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
let browser: Browser;
let page: Browser['page'];

beforeAll(async () => {
  stack = await startStack();
  console.log(`e2e: stack ready in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const textOf = (selector: string) => figures.textOf(page, selector);

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

const dataValueOf = (selector: string) => figures.dataValueOf(page, selector);

describe('training planner in Chromium', () => {
  it('plans DeepSeek-V3’s published run: GPU-hours in the millions, step-time breakdown', async () => {
    const section = page.locator('#training');
    await section.getByLabel('Model', { exact: true }).locator('option[value="deepseek-v3"]').waitFor({ state: 'attached' });
    await section.getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).click();
    expect(await section.getByLabel('Pipeline parallel (PP)').inputValue()).toBe('16');
    await section.getByRole('button', { name: 'Plan training' }).click();
    await page.locator('#tr-gpu-hours').waitFor();

    // DeepSeek reports 2.664M H800 GPU-hours for pre-training (V3 report Table 1).
    const gpuHours = await dataValueOf('#tr-gpu-hours');
    expect(gpuHours).toBeGreaterThan(2.0e6);
    expect(gpuHours).toBeLessThan(3.3e6);
    expect(await textOf('#tr-gpu-hours')).toMatch(/^\d(\.\d+)? M GPU-h$/);
    expect(await textOf('#tr-cost')).toMatch(/^\$[\d.]+ M$/);
    expect(await textOf('#tr-mfu')).toMatch(/%$/);
    expect(await page.locator('#training-status').textContent()).toContain('PP16');
    expect(await page.locator('#tr-time-chart svg rect.seg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#tr-memory-chart svg line.capacity').count()).toBe(1);
  });

  it('shows the API’s error envelope for a layout that does not multiply to the GPU count', async () => {
    const section = page.locator('#training');
    await section.getByLabel('Data parallel (DP)').fill('64');
    await section.getByRole('button', { name: 'Plan training' }).click();
    const error = page.locator('#training-error');
    await error.waitFor({ state: 'visible' });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('HTTP 400');
    expect(text).toContain('parallelism');
    expect(await page.locator('#training-result').isVisible()).toBe(false);
  });

  it('searches under the layout fields given when not all of TP, PP, DP and EP are (TP 1 kept from the preset)', async () => {
    const section = page.locator('#training');
    for (const label of ['Pipeline parallel (PP)', 'Data parallel (DP)', 'Expert parallel (EP)']) await section.getByLabel(label).fill('');
    expect(await section.getByLabel('Tensor parallel (TP)').inputValue()).toBe('1');
    await section.getByRole('button', { name: 'Plan training' }).click();
    await page.locator('#training-result').waitFor({ state: 'visible' });
    const status = (await page.locator('#training-status').textContent()) ?? '';
    expect(status).toContain('TP1');
    expect(status).toContain('DualPipe');
    expect(await page.locator('#training-error').isVisible()).toBe(false);
  });
});

describe('saved plans in Chromium', () => {
  it('saves DeepSeek-V3’s published run, lists it, and reopens it after a reload without re-planning', async () => {
    await page.goto(stack.baseUrl);
    const section = page.locator('#training');
    await section.getByLabel('Model', { exact: true }).locator('option[value="deepseek-v3"]').waitFor({ state: 'attached' });
    await section.getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).click();
    await section.getByRole('button', { name: 'Plan training' }).click();
    await page.locator('#tr-gpu-hours').waitFor();
    const gpuHours = await dataValueOf('#tr-gpu-hours');

    const name = section.getByLabel('Plan name');
    expect(await name.inputValue()).toBe('DeepSeek-V3 on 2,048 H800');
    // the API's error envelope, shown next to the control
    await name.fill('   ');
    await section.getByRole('button', { name: 'Save plan' }).click();
    const saveError = page.locator('#training-save-error');
    await saveError.waitFor({ state: 'visible' });
    expect(await saveError.textContent()).toMatch(/HTTP 400.*name/s);

    await name.fill('V3 pre-training (e2e)');
    await section.getByRole('button', { name: 'Save plan' }).click();
    const saved = page.locator('#training-save-status', { hasText: 'Saved as #' });
    await saved.waitFor();
    expect(await saveError.isVisible()).toBe(false);
    const row = page.locator('#saved-plans tbody tr', { hasText: 'V3 pre-training (e2e)' });
    await row.waitFor(); // the list refreshed after the save
    const id = await row.getAttribute('data-id');
    expect(await saved.textContent()).toBe(`Saved as #${id}`);
    expect(await row.locator('td').first().textContent()).toBe('Training');

    // a fresh visit (a reload would keep the plan: the page's state is in its URL)
    await page.goto(stack.baseUrl);
    await row.waitFor();
    expect(await section.getByLabel('GPU count').inputValue()).toBe('1024');
    expect(await page.locator('#training-result').isVisible()).toBe(false);
    const planned: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/v1/training/plan')) planned.push(request.url());
    };
    page.on('request', onRequest);
    await row.getByRole('button', { name: /^Open/ }).click();
    await page.locator('#training-opened', { hasText: 'V3 pre-training (e2e)' }).waitFor();
    page.off('request', onRequest);

    expect(await section.getByLabel('GPU count').inputValue()).toBe('2048');
    expect(await section.getByLabel('Training tokens').inputValue()).toBe('14.8e12');
    expect(await section.getByLabel('Global batch (tokens, optional)').inputValue()).toBe('15360 × 4096');
    expect(await section.getByLabel('Pipeline parallel (PP)').isVisible()).toBe(true);
    expect(await section.getByLabel('Pipeline parallel (PP)').inputValue()).toBe('16');
    expect(await section.getByLabel('Pipeline schedule').inputValue()).toBe('dualpipe');
    expect(await dataValueOf('#tr-gpu-hours')).toBe(gpuHours);
    expect(await page.locator('#training-status').textContent()).toContain('PP16');
    expect(await page.locator('#tr-time-chart svg rect.seg').count()).toBeGreaterThanOrEqual(2);
    expect(planned).toEqual([]);
    if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });
  });

  it('keeps one owner token in localStorage, reuses it for the next save, and renames and deletes with it', async () => {
    type WithStorage = { localStorage: { getItem(key: string): string | null } };
    const storedToken = () => page.evaluate((key) => (globalThis as unknown as WithStorage).localStorage.getItem(key), 'gcp.savedPlans.ownerToken');
    const token = await storedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the list is the token's: without it the API answers 401
    expect((await fetch(`${stack.baseUrl}/v1/plans`)).status).toBe(401);

    const section = page.locator('#training');
    // a reopened plan is shown as saved (no save control); recompute it to save again
    await section.getByRole('button', { name: 'Plan training' }).click();
    await section.getByLabel('Plan name').fill('second save (e2e)');
    await section.getByRole('button', { name: 'Save plan' }).click();
    const second = page.locator('#saved-plans tbody tr', { hasText: 'second save (e2e)' });
    await second.waitFor();
    expect(await storedToken()).toBe(token);
    expect(await page.locator('#saved-plans tbody tr').count()).toBe(2);

    page.once('dialog', (dialog) => void dialog.accept('renamed (e2e)'));
    await second.getByRole('button', { name: /^Rename/ }).click();
    const renamed = page.locator('#saved-plans tbody tr', { hasText: 'renamed (e2e)' });
    await renamed.waitFor();
    const id = await renamed.getAttribute('data-id');

    page.once('dialog', (dialog) => void dialog.accept());
    await renamed.getByRole('button', { name: /^Delete/ }).click();
    await renamed.waitFor({ state: 'detached' });
    expect(await page.locator('#saved-plans tbody tr').count()).toBe(1);
    expect((await fetch(`${stack.baseUrl}/v1/plans/${id}`)).status).toBe(404);
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
    const { id, ownerToken } = (await created.json()) as { id: string; ownerToken: string };
    const fetched = await (await fetch(`${stack.baseUrl}/v1/plans/${id}`)).text();
    expect((JSON.parse(fetched) as { name: string }).name).toBe('e2e');
    expect(fetched).not.toContain(ownerToken);
    const listed = await fetch(`${stack.baseUrl}/v1/plans`, { headers: { authorization: `Bearer ${ownerToken}` } });
    expect(((await listed.json()) as { plans: { id: string }[] }).plans.map((plan) => plan.id)).toEqual([id]);

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
