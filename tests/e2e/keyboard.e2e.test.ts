import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './browser.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * The page with the keyboard alone, in headless Chromium against the real local stack: every
 * visible control is reached by Tab (in the page's order, none skipped), and the planners are
 * operated without a pointer — a preset by Enter, a "How?" box and a folded section by Space or
 * Enter, a form submitted by Enter in a field.
 */
let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

// In-page scripts are strings: this package type-checks without the DOM library (see browser.ts).

/** Tags every visible, enabled control (data-kbd = its index) and returns how many there are. */
const TAG_CONTROLS = `(() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  let n = 0;
  for (const element of document.querySelectorAll(selector)) {
    const hidden = element.closest('[hidden]') !== null || element.getClientRects().length === 0;
    const closed = element.tagName !== 'SUMMARY' && element.closest('details:not([open])') !== null;
    if (hidden || closed || element.disabled === true) continue;
    element.dataset.kbd = String(n++);
  }
  document.activeElement?.blur?.();
  return n;
})()`;

/** The tagged radio buttons by group name: a radio group is one Tab stop (arrow keys move inside it). */
const RADIO_GROUPS = `(() => {
  const groups = {};
  for (const r of document.querySelectorAll('input[type="radio"][data-kbd]')) (groups[r.name] ??= []).push(r.dataset.kbd);
  return groups;
})()`;

/** The focused element's tag (data-kbd), null when it is untagged. */
const FOCUSED_TAG = '(() => document.activeElement?.dataset?.kbd ?? null)()';

/** The tagged controls not in `seen`, by id (or tag and text). */
const unreached = (seen: string[]) => `(() => {
  const seen = new Set(${JSON.stringify(seen)});
  return [...document.querySelectorAll('[data-kbd]')]
    .filter((e) => !seen.has(e.dataset.kbd))
    .map((e) => e.id || e.tagName.toLowerCase() + ':' + (e.textContent ?? '').trim().slice(0, 40));
})()`;

/** The focused element's id. */
const FOCUSED_ID = '(() => document.activeElement?.id ?? null)()';

describe('keyboard only', () => {
  it('Tab reaches every visible control of the page once the catalogs are loaded', async () => {
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await page.locator('body[data-restored]').waitFor({ state: 'attached' });
    // every visible, enabled control, tagged so the Tab walk can tick it off
    const total = (await page.evaluate(TAG_CONTROLS)) as number;
    expect(total).toBeGreaterThan(60);
    const radioGroups = (await page.evaluate(RADIO_GROUPS)) as Record<string, string[]>;
    const reached = new Set<string>();
    for (let i = 0; i < total * 2 && reached.size < total; i++) {
      await page.keyboard.press('Tab');
      const mark = (await page.evaluate(FOCUSED_TAG)) as string | null;
      if (mark === null) continue;
      reached.add(mark);
      for (const members of Object.values(radioGroups)) if (members.includes(mark)) for (const m of members) reached.add(m);
    }
    const missed = (await page.evaluate(unreached([...reached]))) as string[];
    expect(missed).toEqual([]);
  });

  it('runs a preset with Enter, opens its “How?” box and a folded section with the keyboard, and plans from a field with Enter', async () => {
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await page.locator('#training select[name="model"] option[value="deepseek-v3"]').waitFor({ state: 'attached' });

    await page.locator('#training').getByRole('button', { name: 'Load DeepSeek-V3’s published run' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#tr-gpu-hours').waitFor();

    const how = page.locator('#tr-gpu-hours-how');
    await how.locator('summary').focus();
    await page.keyboard.press('Enter');
    await how.locator('.formula').waitFor({ state: 'visible' });
    expect(await how.getAttribute('open')).not.toBeNull();

    const options = page.locator('#rl-options');
    expect(await options.getAttribute('open')).toBeNull();
    await options.locator('summary').focus();
    await page.keyboard.press('Space');
    await page.locator('#rl-share').waitFor({ state: 'visible' });

    // Enter in a field submits its form (implicit submission), as a keyboard user plans
    await page.locator('#rl-form').getByLabel('RL steps').focus();
    await page.keyboard.press('Enter');
    await page.locator('#rl-result').waitFor({ state: 'visible' });
    expect(await page.evaluate(FOCUSED_ID)).toBe('rl-steps');
  });
});
