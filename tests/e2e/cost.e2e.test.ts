import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './browser.js';
import * as figures from './figures.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * The cost-of-ownership, audit, RL post-training and training-programme views in headless
 * Chromium against the real local stack. Every request here is small (the DeepSeek-V3 programme
 * preset is left out: its 32K-context layout search is the slow one).
 */
let stack: RunningStack;
let browser: Browser;
let page: Page;

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

const shot = (name: string, selector: string) => screenshot(page, name, selector);
const textOf = (selector: string) => figures.textOf(page, selector);
const dataValueOf = (selector: string) => figures.dataValueOf(page, selector);
const expectExplained = (figure: string, formula: RegExp, value?: string) => figures.expectExplained(page, figure, formula, value);

/** Clicks, waits for the POST to `endpoint` and for `selector`; logs the request's round trip. */
async function submitAndWait(label: string, endpoint: string, click: () => Promise<void>, selector: string) {
  const started = Date.now();
  const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith(endpoint) && r.method() === 'POST'), click()]);
  const response = await request.response();
  const requestSeconds = (Date.now() - started) / 1000;
  await page.locator(selector).waitFor();
  console.log(`e2e: ${label}: ${endpoint} answered ${response?.status()} in ${requestSeconds.toFixed(2)} s`);
  expect(response?.status()).toBe(200);
  return JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
}

describe('cost of ownership in Chromium', () => {
  it('runs DeepSeek-V3’s 2,048 H800 preset: capex, own vs rent per GPU-hour, both charts, sensitivity and sources', async () => {
    await page.goto(stack.baseUrl);
    const section = page.locator('#tco');
    await section.getByLabel('GPU', { exact: true }).locator('option[value="h800"]').waitFor({ state: 'attached' });
    const body = await submitAndWait(
      'TCO preset',
      '/v1/cost/tco',
      () => section.getByRole('button', { name: 'Load DeepSeek-V3’s 2,048 H800' }).click(),
      '#tco-capex',
    );
    expect(body).toEqual({ gpu: 'h800', gpuCount: 2048, run: { gpuHours: 2.788e6 } });
    // the preset is a request; the field shows it as a saved plan's refill would (js/tco-fields.js)
    expect(await section.getByLabel('Run GPU-hours').inputValue()).toBe('2788000');

    const capex = await dataValueOf('#tco-capex');
    expect(capex).toBeGreaterThan(5e7);
    expect(capex).toBeLessThan(2e8);
    expect(await textOf('#tco-capex')).toMatch(/^\$[\d.]+ M$/);
    const own = await dataValueOf('#tco-own-rate');
    expect(own).toBeGreaterThan(0.5);
    expect(own).toBeLessThan(5);
    expect(await textOf('#tco-own-rate')).toMatch(/^\$\d\.\d\d$/);
    // the H800's default rental is DeepSeek's own $2 assumption (V3 report §1); 2.788M GPU-hours × $2 = $5.576M
    expect(await dataValueOf('#tco-rent-rate')).toBe(2);
    expect(await textOf('#tco-rent-rate')).toBe('$2.00');
    expect(Math.abs((await dataValueOf('#tco-run-rent')) - 5.576e6)).toBeLessThan(1);
    expect(await textOf('#tco-status')).toMatch(/per useful GPU-hour/);

    // owning's four parts vs the rental price, on one scale
    expect(await page.locator('#tco-cost-chart #tco-bar-own rect.seg').count()).toBe(4);
    expect(await page.locator('#tco-cost-chart #tco-bar-rent rect.seg').count()).toBe(1);
    expect(Number(await page.locator('#tco-bar-own').getAttribute('data-value'))).toBeCloseTo(own, 9);
    // cumulative own vs rent by month, break-even marked where the headline says
    expect(await page.locator('#tco-rent-vs-buy svg polyline').count()).toBe(2);
    const breakEven = await page.locator('#tco-break-even').getAttribute('data-value');
    if (breakEven !== null) expect(await page.locator('#tco-rent-vs-buy g.marker').getAttribute('data-x')).toBe(breakEven);

    expect(await page.locator('#tco-sensitivity tbody tr').count()).toBeGreaterThanOrEqual(4);
    const assumptions = page.locator('#tco-assumptions tbody tr');
    expect(await assumptions.count()).toBeGreaterThanOrEqual(10);
    for (const row of await assumptions.all()) expect(((await row.locator('td').last().textContent()) ?? '').length).toBeGreaterThan(10);
    expect(await page.locator('#tco-assumptions').textContent()).toContain('Uptime Institute');
    // each default the comparison used now shows in its empty field
    expect(await section.getByLabel('PUE').getAttribute('placeholder')).toBe('1.58');
    await shot('tco', '#tco');
  });

  it('a rental price typed in replaces the price file’s and is listed as given', async () => {
    const section = page.locator('#tco');
    await section.getByLabel('Rental price (USD per GPU-hour').fill('1.5');
    await submitAndWait(
      'TCO given rent',
      '/v1/cost/tco',
      () => section.getByRole('button', { name: 'Compare owning and renting' }).click(),
      '#tco-rent-rate[data-value="1.5"]',
    );
    // (other rows' sources mention rental prices too: pick the row by its heading cell)
    const row = page.locator('#tco-assumptions tbody tr').filter({ has: page.locator('th', { hasText: /^Rental price/ }) });
    expect(await row.locator('td').nth(1).textContent()).toBe('given');
  });
});

describe('audit a claim in Chromium', () => {
  it('DeepSeek-V3’s claim is plausible at ≈ 39 % MFU, with the planner’s prediction and what the cost leaves out', async () => {
    const section = page.locator('#audit');
    await section.getByLabel('Model', { exact: true }).locator('option[value="deepseek-v3"]').waitFor({ state: 'attached' });
    const body = await submitAndWait(
      'audit preset',
      '/v1/audit',
      () => section.getByRole('button', { name: 'Load DeepSeek-V3’s claim' }).click(),
      '#audit-verdict',
    );
    expect(body).toEqual({
      model: 'deepseek-v3',
      tokens: 14.8e12,
      gpu: 'h800',
      gpuCount: 2048,
      precision: 'fp8',
      sequenceLength: 4096,
      globalBatchTokens: 62_914_560,
      gpuHours: 2.664e6,
      costUsd: 5.328e6,
    });

    const verdict = page.locator('#audit-verdict');
    expect(await verdict.getAttribute('data-verdict')).toBe('plausible');
    expect(await verdict.getAttribute('class')).toContain('verdict-plausible');
    expect(await textOf('#audit-verdict-text')).toBe('plausible');
    // ISCA'25 reports 38.94 % for V3's pre-training
    expect(Math.abs((await dataValueOf('#audit-mfu')) - 0.3894)).toBeLessThan(0.02);
    expect(await textOf('#audit-mfu')).toMatch(/^3\d\.\d %$/);
    const ratio = await dataValueOf('#audit-speed-ratio');
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
    expect(await dataValueOf('#audit-predicted-tps')).toBeGreaterThan(0);
    expect(await page.locator('#audit-comparison tbody tr').count()).toBe(2);
    const leftOut = (await page.locator('#audit-left-out tbody').textContent()) ?? '';
    expect(leftOut).toMatch(/capex.*electricity.*ablations.*staff/s);
    expect(await page.locator('#audit-left-out tbody tr').count()).toBe(4);
    await expectExplained('#audit-mfu', /MFU = model FLOPs per token × tokens\/s per GPU ÷ dense BF16 peak/);
    await expectExplained('#audit-usd-per-hour', /claimed cost ÷ GPU-hours/);
    await shot('audit', '#audit');
  });

  it('the same claim in 100K GPU-hours is physically impossible', async () => {
    const section = page.locator('#audit');
    await section.getByLabel('Claimed GPU-hours').fill('100K');
    await section.getByLabel('Claimed cost').fill('');
    await submitAndWait(
      'audit 100K GPU-hours',
      '/v1/audit',
      () => section.getByRole('button', { name: 'Audit the claim' }).click(),
      '#audit-verdict[data-verdict="physically impossible"]',
    );
    expect(await page.locator('#audit-verdict').getAttribute('class')).toContain('verdict-impossible');
    expect(await textOf('#audit-reasons')).toMatch(/no GPU computes faster than its peak/);
    expect(await dataValueOf('#audit-peak-share')).toBeGreaterThan(1);
    await shot('audit-impossible', '#audit-result');
  });

  it('asks for GPU-hours or days, not both, without calling the API', async () => {
    const section = page.locator('#audit');
    await section.getByLabel('Claimed wall-clock days').fill('57');
    let called = false;
    const onRequest = (r: { url(): string }) => {
      if (r.url().endsWith('/v1/audit')) called = true;
    };
    page.on('request', onRequest);
    await section.getByRole('button', { name: 'Audit the claim' }).click();
    await page.locator('#audit-error').waitFor({ state: 'visible' });
    page.off('request', onRequest);
    expect(await textOf('#audit-error')).toMatch(/gpuHours.*GPU-hours or the wall-clock days/s);
    expect(called).toBe(false);
  });
});

describe('RL post-training in Chromium', () => {
  it('the 8B GRPO example: PPO costs more than GRPO, and the difference is the critic’s stages', async () => {
    const section = page.locator('#rl');
    await section.getByLabel('Policy model').locator('option[value="llama-3.1-8b"]').waitFor({ state: 'attached' });
    const body = await submitAndWait(
      'RL preset',
      '/v1/training/rl',
      () => section.getByRole('button', { name: 'Load an 8B GRPO example' }).click(),
      '#rl-ratio',
    );
    expect(body).toMatchObject({ model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, groupSize: 16, rewardModel: null });

    const ratio = await dataValueOf('#rl-ratio');
    expect(ratio).toBeGreaterThan(1);
    expect(await textOf('#rl-ratio')).toMatch(/^\d\.\d\d×$/);
    const grpoCost = await dataValueOf('#rl-grpo-cost');
    const ppoCost = await dataValueOf('#rl-ppo-cost');
    expect(ppoCost).toBeGreaterThan(grpoCost);
    expect(ppoCost / grpoCost).toBeCloseTo(ratio, 6);
    expect(await dataValueOf('#rl-ppo-gpu-hours')).toBeGreaterThan(await dataValueOf('#rl-grpo-gpu-hours'));

    const keys = async (bar: string) => page.locator(`#rl-stage-chart ${bar} rect.seg`).evaluateAll((rects) => rects.map((r) => r.getAttribute('data-key')));
    const grpo = await keys('#rl-bar-grpo');
    const ppo = await keys('#rl-bar-ppo');
    expect(grpo.some((k) => k?.includes('critic'))).toBe(false);
    expect(ppo).toEqual(expect.arrayContaining(['critic forward', 'critic update']));
    expect(ppo.length).toBeGreaterThan(grpo.length);
    const criticRow = page.locator('#rl-stages tbody tr', { hasText: 'Critic update' });
    expect(await criticRow.locator('td').first().textContent()).toBe('—');
    expect(await criticRow.locator('td').nth(1).textContent()).toMatch(/GPU-h/);
    await expectExplained('#rl-ppo-gpu-hours', /Σ stage GPU-hours/, 'critic update');
    await expectExplained('#rl-ratio', /PPO GPU-hours ÷ GRPO GPU-hours/);
    await shot('rl', '#rl');

    // a 32K generation cap: each step waits for its longest rollout, so generation costs more
    const grpoHours = await dataValueOf('#rl-grpo-gpu-hours');
    await section.getByLabel('Longest response tokens').fill('32768');
    await submitAndWait(
      'RL with a cap',
      '/v1/training/rl',
      () => section.getByRole('button', { name: 'Compare GRPO and PPO' }).click(),
      '#rl-generation:has-text("longest rollout")',
    );
    expect(await textOf('#rl-generation')).toMatch(/the longest rollout alone takes [\d,.]+ s, and the step waits for it/);
    expect(await dataValueOf('#rl-grpo-gpu-hours')).toBeGreaterThan(grpoHours);
  });
});

describe('training programme in Chromium', () => {
  it('edits phases and plans a two-phase Llama-3.1-8B programme: both phases and the totals', async () => {
    const section = page.locator('#training');
    await section.getByLabel('Model', { exact: true }).locator('option[value="llama-3.1-8b"]').waitFor({ state: 'attached' });
    await section.getByLabel('A programme of phases').check();
    expect(await section.getByLabel('Training tokens').isVisible()).toBe(false);
    expect(await section.getByRole('button', { name: 'Plan training' }).isVisible()).toBe(false);
    const rows = page.locator('#pg-phases tbody tr');
    expect(await rows.count()).toBe(2);
    await section.getByRole('button', { name: 'Add phase' }).click();
    expect(await rows.count()).toBe(3);
    expect(await section.getByLabel('Phase 3 name', { exact: true }).inputValue()).toBe('phase 3');
    await section.getByRole('button', { name: 'Remove phase 3' }).click();
    expect(await rows.count()).toBe(2);

    await section.getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
    await section.getByLabel('GPU', { exact: true }).selectOption('h100');
    await section.getByLabel('GPU count').fill('64');
    await section.getByLabel('Training precision').selectOption('bf16');
    await section.getByLabel('Phase 1 name', { exact: true }).fill('pre-training');
    await section.getByLabel('Phase 1 length', { exact: true }).fill('1T');
    await section.getByLabel('Phase 1 length in', { exact: true }).selectOption('tokens');
    await section.getByLabel('Phase 1 sequence length', { exact: true }).fill('8192');
    await section.getByLabel('Phase 1 batch (sequences)', { exact: true }).fill('2048');
    await section.getByLabel('Phase 2 name', { exact: true }).fill('long context');
    await section.getByLabel('Phase 2 length', { exact: true }).fill('100');
    await section.getByLabel('Phase 2 length in', { exact: true }).selectOption('steps');
    await section.getByLabel('Phase 2 sequence length', { exact: true }).fill('32768');
    await section.getByLabel('Phase 2 batch (sequences)', { exact: true }).fill('256');

    const body = await submitAndWait(
      'programme (8B, 2 phases)',
      '/v1/training/program',
      () => section.getByRole('button', { name: 'Plan programme' }).click(),
      '#pg-gpu-hours',
    );
    expect(body).toMatchObject({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 64,
      precision: 'bf16',
      phases: [
        { name: 'pre-training', tokens: 1e12, sequenceLength: 8192, batchSequences: 2048 },
        { name: 'long context', steps: 100, sequenceLength: 32768, batchSequences: 256 },
      ],
    });
    const result = page.locator('#pg-phases-result tbody tr');
    expect(await result.count()).toBe(3);
    expect(await result.nth(0).locator('th').textContent()).toBe('pre-training');
    expect(await result.nth(1).locator('th').textContent()).toBe('long context');
    expect(await result.nth(2).locator('th').textContent()).toBe('Total');
    expect(await result.nth(1).locator('td').nth(2).textContent()).toBe('32,768');
    const total = await dataValueOf('#pg-gpu-hours');
    expect(total).toBeGreaterThan(1e4);
    expect(total).toBeLessThan(1e5);
    expect(await textOf('#pg-gpu-hours')).toMatch(/GPU-h$/);
    expect(await dataValueOf('#pg-cost')).toBeCloseTo(total * 2, 3);
    expect(await dataValueOf('#pg-energy')).toBeGreaterThan(0);
    expect(await dataValueOf('#pg-days')).toBeGreaterThan(0);
    expect(await page.locator('#pg-chart svg rect.seg > title').count()).toBe(2); // one bar segment per phase (legend swatches have no title)
    await expectExplained('#pg-gpu-hours', /Σ phase GPU-hours/, 'long context');
    await expectExplained('#pg-energy', /PUE/);

    await shot('programme', '#training');

    // back to one run: its fields again, the programme out of the way
    await section.getByLabel('One run').check();
    expect(await section.getByLabel('Training tokens').isVisible()).toBe(true);
    expect(await page.locator('#programme-result').isVisible()).toBe(false);
  });

  // The published DeepSeek-V3 programme (its 32K-context layout search takes about a second of CPU).
  it('runs DeepSeek-V3’s programme preset: three phases, with a loading state', async () => {
    const section = page.locator('#training');
    await section.getByLabel('A programme of phases').check();
    const started = Date.now();
    await section.getByRole('button', { name: 'Load DeepSeek-V3’s programme' }).click();
    const sawLoading = await page
      .locator('#training .loading')
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    await page.locator('#programme-result #pg-phases-result tbody tr', { hasText: 'context extension 128K' }).waitFor();
    await page.locator('#training .loading').waitFor({ state: 'hidden' });
    console.log(
      `e2e: V3 programme preset answered in ${((Date.now() - started) / 1000).toFixed(2)} s (loading state seen: ${sawLoading}): ${await textOf('#pg-gpu-hours')}, ${await textOf('#pg-days')}, ${await textOf('#pg-cost')}`,
    );
    expect(await page.locator('#pg-phases-result tbody tr').count()).toBe(4);
    await shot('programme-v3', '#training');
    await section.getByLabel('One run').check();
  });

  it('raised no script errors on the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
