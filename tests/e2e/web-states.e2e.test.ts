import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, openBrowser, screenshot, seriousAxeViolations, type Browser } from './browser.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * The page's result states in headless Chromium against the real local stack: presets that plan,
 * the stale marker, infeasible plans, field errors by label, explanations, pasted config.json
 * files, the phone layout of every result view and the accessibility check. Screenshots of each
 * view land in tests/e2e/screenshots/ (git-ignored).
 */
let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  console.log(`e2e: stack ready in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function ready(section: string, model = 'deepseek-v3', page = browser.page) {
  await page.locator(`${section} select[name="model"] option[value="${model}"]`).waitFor({ state: 'attached' });
}

describe('honest result states', () => {
  it('a preset plans at once; an input change marks the result stale until it is planned again', async () => {
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await ready('#training');
    const section = page.locator('#training');
    const started = Date.now();
    await section.getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).click();
    await page.locator('#tr-gpu-hours').waitFor();
    console.log(`e2e: training preset drawn ${Date.now() - started} ms after the click`);
    const staleNote = page.locator('#tr-stale-note');
    expect(await staleNote.isVisible()).toBe(false);
    expect(await page.locator('#tr-result-title').textContent()).toBe('DeepSeek-V3 on 2,048 H800');

    await section.getByLabel('Price per GPU-hour (USD)').fill('2.5');
    await staleNote.waitFor({ state: 'visible' });
    expect(await staleNote.textContent()).toContain('Inputs changed');
    expect(await page.locator('#training-result').getAttribute('class')).toContain('is-stale');
    await screenshot(page, 'training-stale', '#training');

    await section.getByRole('button', { name: 'Plan training' }).click();
    await staleNote.waitFor({ state: 'hidden' });
    expect(await page.locator('#training-result').getAttribute('class')).not.toContain('is-stale');
  });

  it('shows the 80% error band beside GPU-hours and throughput, and says when it is extrapolated', async () => {
    const { page } = browser;
    const band = page.locator('#training-result [data-figure="tr-gpu-hours"] .figure-band');
    await band.waitFor();
    const [low, high] = ((await band.getAttribute('data-band')) ?? '').split(',').map(Number);
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(low!);
    expect(await band.textContent()).toContain('80% range');
    expect(await page.locator('#training-result [data-figure="tr-throughput"] .figure-band').count()).toBe(1);
    // no calibration row ran on an H20: the band is borrowed and the page says so
    const section = page.locator('#training');
    await section.locator('select[name="gpu"]').selectOption('h20');
    await section.getByRole('button', { name: 'Plan training' }).click();
    await page.locator('#training-result:not(.is-stale) [data-figure="tr-gpu-hours"] .figure-band').waitFor();
    await page.locator('#tr-result-title', { hasText: 'H20' }).waitFor();
    expect(await page.locator('#training-result [data-figure="tr-gpu-hours"] .figure-band').textContent()).toContain('extrapolated');
    await section.getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).click();
    await page.locator('#tr-result-title', { hasText: 'DeepSeek-V3 on 2,048 H800' }).waitFor();
  });

  it('explains a headline number on one click, with the values from the API', async () => {
    const { page } = browser;
    const how = page.locator('#tr-gpu-hours-how');
    expect(await how.getAttribute('open')).toBeNull();
    await how.locator('summary').click();
    const text = (await how.textContent()) ?? '';
    expect(text).toContain('GPU-hours = tokens ÷ (tokens/s per GPU × 3,600 s/h)');
    expect(text).toMatch(/tokens = 14\.8 T tokens/);
    expect(text).toMatch(/tokens\/s per GPU = [\d,.]+ tokens\/s/);
  });

  it('an infeasible plan leads with its reasons, shows no figure and offers no launch commands', async () => {
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await ready('#inference');
    const section = page.locator('#inference');
    await section.getByRole('button', { name: 'Load DeepSeek’s published service' }).click();
    await page.locator('#inf-launch pre').first().waitFor();
    await section.getByLabel('Min output tokens/s per user').fill('5000');
    await section.getByRole('button', { name: 'Plan deployment' }).click();
    await page.locator('#inf-infeasible-note').waitFor();
    const status = page.locator('#inference-status');
    expect(await status.getAttribute('class')).toContain('bad');
    expect(await status.textContent()).toMatch(/Not feasible:.*below the 5000 required/s);
    // the reasons come before anything else of the result (after its title and tools)
    const order = await page.locator('#inference-result > *').evaluateAll((nodes) => nodes.map((n) => n.className));
    expect(order[0]).toBe('result-head');
    expect(order[1]).toContain('status bad');
    expect(await page.locator('#inference-result dl.figures').count()).toBe(0);
    expect(await page.locator('#inference-result pre').count()).toBe(0);
    expect(await page.locator('#inf-launch').count()).toBe(0);
    expect(await page.locator('#inference-result').textContent()).not.toMatch(/sglang|vllm serve/);
    await screenshot(page, 'inference-infeasible', '#inference-result');
  });

  it('shows every field error at once, beside its field, by its label, with aria-invalid', async () => {
    const { page } = browser;
    const section = page.locator('#inference');
    await section.getByLabel('Min output tokens/s per user').fill('20');
    // two unreadable numbers: both caught on the page, no request
    await section.getByLabel('Cache-hit rate').fill('half');
    await section.getByLabel('Peak-to-average load').fill('lots');
    await section.getByRole('button', { name: 'Plan deployment' }).click();
    const box = page.locator('#inference-error');
    await box.waitFor({ state: 'visible' });
    expect(await box.textContent()).toContain('2 fields need a change');
    expect(await box.textContent()).toContain('Cache-hit rate (0–1) workload.cacheHitRate: Enter a number');
    expect(await box.textContent()).toContain('Peak-to-average load');
    for (const id of ['inf-hit', 'inf-peak']) {
      expect(await page.locator(`#${id}`).getAttribute('aria-invalid')).toBe('true');
      const note = page.locator(`#${id}-field-error`);
      expect(await note.textContent()).toContain('Enter a number');
      expect(await page.locator(`#${id}`).getAttribute('aria-describedby')).toContain(`${id}-field-error`);
    }

    // the API's 400: every out-of-range field at once, each by its label (no raw validator text, no path as the message)
    await section.getByLabel('Cache-hit rate').fill('1.5');
    await section.getByLabel('Peak-to-average load').fill('1.2');
    await section.getByLabel('Utilisation').fill('2');
    await section.getByRole('button', { name: 'Plan deployment' }).click();
    await page.locator('#inference-error', { hasText: 'HTTP 400' }).waitFor();
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('2 fields need a change (HTTP 400)');
    expect(text).toMatch(/Cache-hit rate \(0–1\) workload\.cacheHitRate: Must be ≤ 1/);
    expect(text).toMatch(/Utilisation[^:]* workload\.utilization: Must be/);
    expect(text).not.toMatch(/Invalid (type|key)|Expected/);
    expect(await page.locator('#inf-hit').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#inf-utilization').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#inf-peak').getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'inference-field-errors', '#inference-form');

    // fixed: the errors go away with the next answer
    await section.getByLabel('Cache-hit rate').fill('0.563');
    await section.getByLabel('Utilisation').fill('');
    await section.getByRole('button', { name: 'Plan deployment' }).click();
    await page.locator('#inf-average-nodes').waitFor();
    expect(await page.locator('#inference [aria-invalid="true"]').count()).toBe(0);
    expect(await box.isVisible()).toBe(false);
  });
});

describe('pasted config.json in every planner', () => {
  it('trains and serves a pasted config, titled by its name, not its architecture class', async () => {
    const { page } = browser;
    const model = (await (await fetch(`${stack.baseUrl}/v1/models/llama-3.1-8b`)).json()) as { config: Record<string, unknown> };
    const config = JSON.stringify({ ...model.config, _name_or_path: 'acme/llama-8b-edited', num_hidden_layers: 24 }, null, 2);
    await page.goto(stack.baseUrl);
    await ready('#training');
    const training = page.locator('#training');
    await training.getByLabel('Model', { exact: true }).selectOption('pasted');
    await training.getByLabel('config.json of the model').fill(config);
    expect(await training.getByLabel('Model name').inputValue()).toBe('llama-8b-edited');
    await training.getByLabel('GPU', { exact: true }).selectOption('h100');
    await training.getByLabel('GPU count').fill('64');
    await training.getByLabel('Training tokens').fill('1e11');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/v1/training/plan') && r.method() === 'POST'),
      training.getByRole('button', { name: 'Plan training' }).click(),
    ]);
    const body = JSON.parse(request.postData() ?? '{}') as { model: { config: Record<string, unknown> } };
    expect(body.model.config.num_hidden_layers).toBe(24);
    await page.locator('#tr-gpu-hours').waitFor();
    expect(await page.locator('#tr-result-title').textContent()).toBe('llama-8b-edited on 64 H100');
    expect(await training.getByLabel('Plan name').inputValue()).toBe('llama-8b-edited on 64 H100');
    expect(await page.locator('#training-result').textContent()).not.toContain('LlamaForCausalLM');

    const inference = page.locator('#inference');
    await ready('#inference');
    await inference.getByLabel('Model', { exact: true }).selectOption('pasted');
    await inference.getByLabel('config.json of the model').fill(config);
    await inference.getByLabel('Model name').fill('my serving test');
    await inference.getByLabel('GPU', { exact: true }).selectOption('h100');
    await inference.getByRole('button', { name: 'Plan deployment' }).click();
    await page.locator('#inf-average-nodes').waitFor();
    expect(await page.locator('#inf-result-title').textContent()).toMatch(/^my serving test on H100/);
    await screenshot(page, 'pasted-model', '#training');
  });
});

/** Each result view: how to draw it, and the element that shows it is drawn. */
const VIEWS: { name: string; section: string; drawn: string; draw: (b: Browser) => Promise<void> }[] = [
  {
    name: 'analysis',
    section: '#analysis',
    drawn: '#total-params',
    draw: async ({ page }) => {
      await ready('#analysis', 'deepseek-v3', page);
      await page.getByLabel('Catalog model').selectOption('deepseek-v3');
    },
  },
  {
    name: 'training',
    section: '#training',
    drawn: '#tr-gpu-hours',
    draw: ({ page }) => page.getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).click(),
  },
  {
    name: 'programme',
    section: '#training',
    drawn: '#pg-gpu-hours',
    draw: async ({ page }) => {
      const training = page.locator('#training');
      await training.getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
      await training.getByLabel('GPU count').fill('64');
      await training.getByLabel('A programme of phases').check();
      await page.getByRole('button', { name: 'Plan programme' }).click();
    },
  },
  { name: 'rl', section: '#rl', drawn: '#rl-ratio', draw: ({ page }) => page.locator('#rl [data-preset]').click() },
  {
    name: 'inference',
    section: '#inference',
    drawn: '#inf-average-nodes',
    draw: ({ page }) => page.getByRole('button', { name: 'Load DeepSeek’s published service' }).click(),
  },
  { name: 'throughput', section: '#throughput', drawn: '#thr-tpot', draw: ({ page }) => page.getByRole('button', { name: 'Estimate throughput' }).click() },
  { name: 'tco', section: '#tco', drawn: '#tco-capex', draw: ({ page }) => page.getByRole('button', { name: 'Load DeepSeek-V3’s 2,048 H800' }).click() },
  { name: 'audit', section: '#audit', drawn: '#audit-verdict', draw: ({ page }) => page.getByRole('button', { name: 'Load DeepSeek-V3’s claim' }).click() },
  {
    name: 'compare',
    section: '#compare',
    drawn: '#compare-figures',
    draw: async ({ page }) => {
      await page
        .locator('#tco-tools')
        .getByRole('button', { name: /^Add to comparison/ })
        .click();
      await page.locator('#tco').getByLabel('GPU', { exact: true }).selectOption('h100');
      await page.getByRole('button', { name: 'Compare owning and renting' }).click();
      await page.locator('#tco-stale-note').waitFor({ state: 'hidden' });
      await page.locator('#tco-result-title', { hasText: 'H100' }).waitFor();
      await page
        .locator('#tco-tools')
        .getByRole('button', { name: /^Add to comparison/ })
        .click();
    },
  },
];

describe('phone layout and accessibility', () => {
  it('no horizontal overflow at 390 px on any result view', async () => {
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      await phone.page.goto(stack.baseUrl);
      await ready('#training', 'deepseek-v3', phone.page);
      expect(await horizontalOverflow(phone.page)).toBe(0);
      for (const view of VIEWS) {
        await view.draw(phone);
        await phone.page.locator(view.drawn).waitFor();
        // open every explanation and details box too: what they hold must fit as well
        await phone.page.locator(`${view.section} details:not([open])`).evaluateAll((nodes) => {
          for (const node of nodes) (node as unknown as { open: boolean }).open = true;
        });
        const overflow = await horizontalOverflow(phone.page);
        await screenshot(phone.page, `phone-${view.name}`, view.section);
        expect(overflow, `${view.name} overflows by ${overflow} px`).toBe(0);
      }
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('axe-core finds no serious or critical violation on the page with results drawn', async () => {
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await ready('#training');
    for (const view of VIEWS) {
      await view.draw(browser);
      await page.locator(view.drawn).waitFor();
    }
    await page.locator('#tco-capex-how summary').click();
    const violations = await seriousAxeViolations(page);
    expect(
      violations.map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      ),
    ).toEqual([]);
    await screenshot(page, 'page-with-results');
    expect(browser.pageErrors).toEqual([]);
  });
});
