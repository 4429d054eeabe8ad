import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './browser.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * Comparing scenarios, exporting a result, links that reproduce a plan (in a fresh browser, back
 * and forward) and a saved plan's own link after the stack restarts, in headless Chromium against
 * the real local stack. The stack keeps its D1 state in a folder of this file's own, so that a
 * second stack can start on it.
 */
let stack: RunningStack;
let browser: Browser;
const persistDir = mkdtempSync(path.join(tmpdir(), 'gcp-e2e-links-state-'));

beforeAll(async () => {
  stack = await startStack(100_000, { persistDir });
  console.log(`e2e: stack ready in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(persistDir, { recursive: true, force: true });
});

const dataValue = async (page: Page, selector: string) => Number(await page.locator(selector).getAttribute('data-value'));

/** Llama-3.1-8B on `gpuCount` GPUs of `gpu`, 100B tokens: a small searched training plan. */
async function planSmallRun(page: Page, gpu: string, gpuCount: string, options: { pauseAfterEdit?: boolean } = {}) {
  const section = page.locator('#training');
  await section.getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
  await section.getByLabel('GPU', { exact: true }).selectOption(gpu);
  await section.getByLabel('GPU count').fill(gpuCount);
  await section.getByLabel('Training tokens').fill('1e11');
  // a user who pauses before submitting: the URL has recorded the edited fields by then
  if (options.pauseAfterEdit) await page.waitForURL(new RegExp(`tr\\.gpuCount=${gpuCount}(&|$)`));
  const started = Date.now();
  await section.getByRole('button', { name: 'Plan training' }).click();
  await page.locator('#tr-stale-note').waitFor({ state: 'hidden' });
  await page.locator('#tr-result-title', { hasText: `on ${gpuCount} ${gpu.toUpperCase()}` }).waitFor();
  console.log(`e2e: training plan on ${gpuCount} ${gpu} drawn ${Date.now() - started} ms after submit`);
  return dataValue(page, '#tr-gpu-hours');
}

async function openPage(page: Page) {
  await page.goto(stack.baseUrl);
  await page.locator('#training select[name="model"] option[value="llama-3.1-8b"]').waitFor({ state: 'attached' });
}

describe('compare scenarios', () => {
  it('shows two training scenarios side by side (H800 vs H100): differences highlighted, charts aligned', async () => {
    const { page } = browser;
    await openPage(page);
    const h800 = await planSmallRun(page, 'h800', '64');
    await page.getByRole('button', { name: /^Add to comparison/ }).click();
    expect(await page.locator('#tr-tool-status').textContent()).toContain('scenario 1');
    const h100 = await planSmallRun(page, 'h100', '64');
    await page.getByRole('button', { name: /^Add to comparison/ }).click();
    expect(await page.locator('#tr-tool-status').textContent()).toContain('scenario 2 of 2');

    const table = page.locator('#compare-figures');
    const heads = await table.locator('thead th .scenario-name').allTextContents();
    expect(heads).toEqual(['1. Llama 3.1 8B on 64 H800', '2. Llama 3.1 8B on 64 H100']);
    const gpuHoursRow = table.locator('tbody tr', { has: page.locator('th', { hasText: /^GPU-hours$/ }) });
    const cells = gpuHoursRow.locator('td');
    expect(await cells.count()).toBe(2);
    // H800 and H100 have the same compute: only communication can differ; the table says whether it does
    if (h800 !== h100) {
      expect(await cells.nth(1).getAttribute('class')).toContain('diff');
      expect(await cells.nth(1).locator('.delta').textContent()).toMatch(/[+−][\d.]+ %/);
    }
    const inputs = page.locator('#compare-inputs tbody tr');
    expect(await inputs.count()).toBe(1);
    expect(await inputs.first().textContent()).toBe('gpuh800h100');
    expect(await inputs.first().locator('td').nth(1).getAttribute('class')).toBe('diff');
    // each chart of the two scenarios in one row
    const rows = page.locator('#compare-view .compare-charts');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    for (const row of await rows.all()) expect(await row.locator('svg').count()).toBe(2);

    // another planner's result is not mixed in
    await page.locator('#tco select[name="gpu"] option[value="h800"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Load DeepSeek-V3’s 2,048 H800' }).click();
    await page.locator('#tco-capex').waitFor();
    await page
      .locator('#tco-tools')
      .getByRole('button', { name: /^Add to comparison/ })
      .click();
    expect(await page.locator('#tco-tool-status').textContent()).toContain('clear it');
    await screenshot(page, 'compare-training', '#compare');
  });
});

describe('export', () => {
  it('downloads the API response as JSON and the figures and tables as CSV', async () => {
    const { page } = browser;
    const tools = page.locator('#tr-tools');
    const [json] = await Promise.all([page.waitForEvent('download'), tools.getByRole('button', { name: /as JSON$/ }).click()]);
    expect(json.suggestedFilename()).toBe('llama-3-1-8b-on-64-h100.json');
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      request: { gpu: string };
      response: { gpuHours: number; explanations: Record<string, { formula: string; result: number }> };
    };
    expect(exported.request.gpu).toBe('h100');
    expect(exported.response.gpuHours).toBe(await dataValue(page, '#tr-gpu-hours'));
    expect(exported.response.explanations.gpuHours?.result).toBe(exported.response.gpuHours);

    const [csv] = await Promise.all([page.waitForEvent('download'), tools.getByRole('button', { name: /as CSV$/ }).click()]);
    expect(csv.suggestedFilename()).toBe('llama-3-1-8b-on-64-h100.csv');
    const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('Figure,Value,Raw value');
    expect(lines.find((line) => line.startsWith('GPU-hours,'))).toBe(
      `GPU-hours,${await page.locator('#tr-gpu-hours').textContent()},${exported.response.gpuHours}`,
    );
    expect(lines.some((line) => line.startsWith('Layout,Step time,'))).toBe(true);

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('#tr-time-chart')
        .getByRole('button', { name: /as SVG$/ })
        .click(),
    ]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).toMatch(/fill="rgb\(/);
    // the stacked bar's legend is HTML on the page; the file carries it, one swatch and text per item
    const legendItems = await page.locator('#tr-time-chart ul.legend li').allTextContents();
    expect(legendItems.length).toBeGreaterThan(1);
    const escaped = (text: string) => text.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const item of legendItems) expect(svgText).toContain(`>${escaped(item)}</text>`);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('#tr-time-chart')
        .getByRole('button', { name: /as PNG$/ })
        .click(),
    ]);
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});

describe('print', () => {
  it('prints the plan of the section whose “Print” was pressed as a one-page report', async () => {
    const { page } = browser;
    // the browser's print dialog is not driven here: the button marks the section, the PDF is the print stylesheet's
    await page.evaluate(() => {
      (globalThis as unknown as { print: () => void }).print = () => undefined;
    });
    await page
      .locator('#tr-tools')
      .getByRole('button', { name: /^Print/ })
      .click();
    expect(await page.locator('body').getAttribute('data-print')).toBe('training');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('links that reproduce a plan', () => {
  it('opened in a fresh browser, a link refills the form and draws the same plan', async () => {
    const { page } = browser;
    const gpuHours = await dataValue(page, '#tr-gpu-hours');
    const link = page.url();
    expect(link).toContain('run=tr');
    expect(link).toContain('tr.gpuCount=64');
    const fresh = await openBrowser();
    try {
      await fresh.page.goto(link);
      await fresh.page.locator('#tr-gpu-hours').waitFor();
      const training = fresh.page.locator('#training');
      expect(await training.getByLabel('Model', { exact: true }).inputValue()).toBe('llama-3.1-8b');
      expect(await training.getByLabel('GPU', { exact: true }).inputValue()).toBe('h100');
      expect(await training.getByLabel('GPU count').inputValue()).toBe('64');
      expect(await training.getByLabel('Training tokens').inputValue()).toBe('1e11');
      expect(await dataValue(fresh.page, '#tr-gpu-hours')).toBe(gpuHours);
      expect(await fresh.page.locator('#tr-stale-note').isVisible()).toBe(false);
      await screenshot(fresh.page, 'link-reopened', '#training');
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('keeps what the user asked for while the page was still loading, instead of resetting it to the link', async () => {
    const fresh = await openBrowser();
    try {
      const gate = () => {
        let open = () => {};
        const opened = new Promise<void>((resolve) => {
          open = resolve;
        });
        return { open, opened };
      };
      // the training forms' GPU catalog is held back (the page's opening restore waits for it), and
      // so is the analysis the user asks for meanwhile: the restore runs while that answer is on its way
      const catalog = gate();
      const analysis = gate();
      const analysisAsked = gate();
      await fresh.page.route('**/v1/gpus', async (route) => {
        await catalog.opened;
        await route.continue();
      });
      await fresh.page.route('**/v1/models/deepseek-v3*', async (route) => {
        analysisAsked.open();
        await analysis.opened;
        await route.continue();
      });
      await fresh.page.goto(`${stack.baseUrl}/`);
      await fresh.page.getByLabel('Catalog model').selectOption('deepseek-v3');
      await analysisAsked.opened;
      catalog.open();
      await fresh.page.locator('body[data-restored]').waitFor({ state: 'attached' });
      analysis.open();
      await fresh.page.locator('#analysis-model-name', { hasText: 'DeepSeek-V3' }).waitFor();
      expect(await fresh.page.getByLabel('Catalog model').inputValue()).toBe('deepseek-v3');
      expect(new URL(fresh.page.url()).searchParams.get('run')).toBe('an');
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('back and forward step through the plans drawn', async () => {
    const { page } = browser;
    await openPage(page);
    await planSmallRun(page, 'h100', '64');
    const days64 = await dataValue(page, '#tr-days');
    // edited and left a moment before submitting: the 64-GPU plan's history entry must survive the edit
    await planSmallRun(page, 'h100', '128', { pauseAfterEdit: true });
    const days128 = await dataValue(page, '#tr-days');
    expect(days128).toBeLessThan(days64);
    await page.goBack();
    await page.locator('#tr-result-title', { hasText: 'on 64 H100' }).waitFor();
    expect(await page.locator('#training').getByLabel('GPU count').inputValue()).toBe('64');
    expect(await dataValue(page, '#tr-days')).toBe(days64);
    await page.goForward();
    await page.locator('#tr-result-title', { hasText: 'on 128 H100' }).waitFor();
    expect(await page.locator('#training').getByLabel('GPU count').inputValue()).toBe('128');
    expect(await dataValue(page, '#tr-days')).toBe(days128);
  });
});

describe('saved plans have their own link', () => {
  it('opens a saved plan by its link after the stack restarts', async () => {
    const { page } = browser;
    const gpuHours = await dataValue(page, '#tr-gpu-hours');
    await page.locator('#training').getByLabel('Plan name').fill('link after restart (e2e)');
    await page.locator('#training').getByRole('button', { name: 'Save plan' }).click();
    const link = page.locator('#training-plan-link a');
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/\?plan=[\w-]+$/);

    await stack.stop();
    stack = await startStack(100_000, { persistDir });
    console.log(`e2e: stack restarted in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
    const fresh = await openBrowser();
    try {
      const planned: string[] = [];
      fresh.page.on('request', (r) => {
        if (r.url().includes('/v1/training/plan')) planned.push(r.url());
      });
      await fresh.page.goto(`${stack.baseUrl}${href}`);
      await fresh.page.locator('#training-opened', { hasText: 'link after restart (e2e)' }).waitFor();
      expect(await dataValue(fresh.page, '#tr-gpu-hours')).toBe(gpuHours);
      expect(await fresh.page.locator('#training').getByLabel('GPU count').inputValue()).toBe('128');
      expect(fresh.page.url()).toBe(`${stack.baseUrl}${href}`);
      expect(planned).toEqual([]);
      await screenshot(fresh.page, 'saved-plan-link', '#training');
    } finally {
      await fresh.close();
    }
  });
});
