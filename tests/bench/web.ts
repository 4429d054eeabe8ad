/**
 * `npm run bench:web`: the planner page's two budgets on the real local stack, in headless Chromium.
 *  1. Initial load: gzip bytes of the JS and CSS the page loads before any interaction (budget 100 KB).
 *  2. Submit to result: from the click on a planner's submit button to its result drawn on the page
 *     (budget 1 s), for each planner, on requests the API has not answered before (no cached answer).
 * Prints both and exits 1 when a budget is missed.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openBrowser } from '../e2e/browser.js';
import { startStack } from '../e2e/stack.js';

const PAGE_BUDGET_BYTES = 100 * 1000;
const RESULT_BUDGET_MS = 1000;
const RUNS = 5;

interface Case {
  name: string;
  section: string;
  /** Fills the form for run `i` (each run a request not seen before). */
  fill: (page: Page, i: number) => Promise<void>;
  submit: string;
  drawn: string;
}

const fillField = (page: Page, section: string, label: string, value: string) => page.locator(section).getByLabel(label, { exact: true }).fill(value);

const CASES: Case[] = [
  {
    name: 'training (DeepSeek-V3, 2,048 H800, published layout)',
    section: '#training',
    fill: async (page, i) => {
      await page.locator('#training').getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).click();
      await page.locator('#tr-gpu-hours').waitFor();
      await fillField(page, '#training', 'Training tokens', `${14.8 + i / 10}e12`);
    },
    submit: 'Plan training',
    drawn: '#tr-gpu-hours',
  },
  {
    name: 'training (Llama 3.1 8B, 64 H100, layout searched)',
    section: '#training',
    fill: async (page, i) => {
      await page.locator('#training').getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
      await page.locator('#training').getByLabel('GPU', { exact: true }).selectOption('h100');
      await fillField(page, '#training', 'GPU count', '64');
      await fillField(page, '#training', 'Training tokens', `${1 + i}e11`);
      for (const label of ['Tensor parallel (TP)', 'Pipeline parallel (PP)', 'Data parallel (DP)', 'Expert parallel (EP)', 'Micro-batch size (sequences)'])
        await fillField(page, '#training', label, '');
      await page.locator('#training').getByLabel('ZeRO stage').selectOption('');
      await page.locator('#training').getByLabel('Pipeline schedule').selectOption('');
    },
    submit: 'Plan training',
    drawn: '#tr-gpu-hours',
  },
  {
    name: 'inference (DeepSeek’s Day-6 service, pinned pools)',
    section: '#inference',
    fill: async (page, i) => {
      await page.locator('#inference').getByRole('button', { name: 'Load DeepSeek’s published service' }).click();
      await page.locator('#inf-average-nodes').waitFor();
      await fillField(page, '#inference', 'Input tokens per day', `${608 + i}e9`);
    },
    submit: 'Plan deployment',
    drawn: '#inf-average-nodes',
  },
  {
    name: 'inference (DeepSeek-V3 on H800, every layout and both modes searched)',
    section: '#inference',
    fill: async (page, i) => {
      await page.locator('#inference').getByLabel('Serving mode').selectOption('auto');
      for (const pool of ['Prefill', 'Decode'])
        for (const part of ['attention TP', 'attention DP', 'MoE TP', 'MoE EP', 'redundant experts'])
          await fillField(page, '#inference', `${pool} ${part}`, '');
      await fillField(page, '#inference', 'Input tokens per day', `${40 + i}e9`);
    },
    submit: 'Plan deployment',
    drawn: '#inf-average-nodes',
  },
  {
    name: 'cost of ownership (2,048 H800)',
    section: '#tco',
    fill: (page, i) => fillField(page, '#tco', 'GPU count', String(2048 + i * 8)),
    submit: 'Compare owning and renting',
    drawn: '#tco-capex',
  },
  {
    name: 'RL post-training (8B GRPO vs PPO)',
    section: '#rl',
    fill: (page, i) => fillField(page, '#rl', 'RL steps', String(200 + i)),
    submit: 'Compare GRPO and PPO',
    drawn: '#rl-ratio',
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function initialLoadBytes(page: Page, baseUrl: string): Promise<{ files: number; raw: number; gzip: number }> {
  const bodies: Buffer[] = [];
  const collect = async (response: { url(): string; body(): Promise<Buffer> }) => {
    if (/\.(js|css)(\?|$)/.test(response.url())) bodies.push(await response.body());
  };
  page.on('response', collect);
  await page.goto(baseUrl, { waitUntil: 'networkidle' });
  page.off('response', collect);
  return { files: bodies.length, raw: bodies.reduce((a, b) => a + b.length, 0), gzip: bodies.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0) };
}

const stack = await startStack();
const browser = await openBrowser();
let failed = 0;
try {
  const { page } = browser;
  const load = await initialLoadBytes(page, stack.baseUrl);
  const loadOk = load.gzip <= PAGE_BUDGET_BYTES;
  if (!loadOk) failed++;
  console.log(
    `bench:web: initial load ${load.files} JS/CSS files, ${(load.raw / 1000).toFixed(1)} KB raw, ${(load.gzip / 1000).toFixed(1)} KB gzip (budget ${PAGE_BUDGET_BYTES / 1000} KB) ${loadOk ? 'ok' : 'OVER'}`,
  );
  await page.locator('#training select[name="model"] option[value="llama-3.1-8b"]').waitFor({ state: 'attached' });
  for (const c of CASES) {
    const times: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      await c.fill(page, i);
      const drawn = page.locator(c.drawn);
      const started = performance.now();
      const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/v1/'));
      await page.locator(c.section).getByRole('button', { name: c.submit, exact: true }).click();
      await response;
      await page.locator(`${c.section} .busy`).waitFor({ state: 'detached' });
      await drawn.waitFor();
      times.push(performance.now() - started);
    }
    const worst = Math.max(...times);
    const ok = worst <= RESULT_BUDGET_MS;
    if (!ok) failed++;
    console.log(
      `bench:web: submit → result drawn, ${c.name}: median ${median(times).toFixed(0)} ms, max ${worst.toFixed(0)} ms over ${RUNS} new requests (budget ${RESULT_BUDGET_MS} ms) ${ok ? 'ok' : 'OVER'}`,
    );
  }
} finally {
  await browser.close();
  await stack.stop();
}
console.log(`bench:web: ${failed === 0 ? 'every budget met' : `${failed} over budget`}`);
process.exit(failed === 0 ? 0 : 1);
