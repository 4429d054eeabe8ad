import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Reading the page's result figures in the e2e tests: their text, their raw value, their "How?" box. */

/** The trimmed text of the element `selector` finds. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).textContent()) ?? '').trim();
}

/** A figure's raw number (its data-value attribute, what the page formats). */
export async function dataValueOf(page: Page, selector: string): Promise<number> {
  return Number(await page.locator(selector).getAttribute('data-value'));
}

/** The figure's "How?" box opens on the API's formula and lists its values (`value` names one of them), then the figure. */
export async function expectExplained(page: Page, figure: string, formula: RegExp, value?: string): Promise<void> {
  const how = page.locator(`${figure}-how`);
  await how.locator('summary').click();
  expect(await how.locator('.formula').textContent()).toMatch(formula);
  const items = await how.locator('li').allTextContents();
  expect(items.length).toBeGreaterThan(1);
  if (value) expect(items.some((item) => item.startsWith(`${value} = `))).toBe(true);
}
