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

/** A label for an element in failure messages: its id, else its tag and text. */
const describeElement = () =>
  `(() => { const e = document.activeElement; return e ? (e.id ? '#' + e.id : e.tagName.toLowerCase() + ':' + (e.textContent ?? '').trim().slice(0, 40)) : 'none'; })()`;

describe('keyboard only', () => {
  it('Tab reaches every visible control of the page once the catalogs are loaded', async () => {
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await page.locator('body[data-restored]').waitFor({ state: 'attached' });
    // every visible, enabled control, tagged so the Tab walk can tick it off
    const total = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      let n = 0;
      for (const element of document.querySelectorAll(selector)) {
        const html = element as HTMLElement;
        const hidden = html.closest('[hidden]') !== null || html.getClientRects().length === 0;
        const closed = html.tagName !== 'SUMMARY' && html.closest('details:not([open])') !== null;
        const disabled = (html as HTMLButtonElement).disabled === true;
        if (hidden || closed || disabled) continue;
        html.dataset.kbd = String(n++);
      }
      return n;
    });
    expect(total).toBeGreaterThan(60);
    const reached = new Set<string>();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // a radio group is one Tab stop (arrow keys move inside it): count its checked member for all
    const radioGroups = await page.evaluate(() => {
      const groups: Record<string, string[]> = {};
      for (const r of document.querySelectorAll<HTMLInputElement>('input[type="radio"][data-kbd]')) (groups[r.name] ??= []).push(r.dataset.kbd!);
      return groups;
    });
    for (let i = 0; i < total * 2 && reached.size < total; i++) {
      await page.keyboard.press('Tab');
      const mark = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kbd ?? null);
      if (mark === null) continue;
      reached.add(mark);
      for (const members of Object.values(radioGroups)) if (members.includes(mark)) for (const m of members) reached.add(m);
    }
    const missed = await page.evaluate(
      (seen) =>
        [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
          .filter((e) => !seen.includes(e.dataset.kbd!))
          .map((e) => e.id || `${e.tagName.toLowerCase()}:${(e.textContent ?? '').trim().slice(0, 40)}`),
      [...reached],
    );
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
    expect(await page.evaluate(describeElement())).toBe('#rl-steps');
  });
});
