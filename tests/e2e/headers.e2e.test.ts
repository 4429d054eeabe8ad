import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from './stack.js';

/** The page's headers (apps/web/public/_headers), as Workers static assets send them. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
/** Every API response's (packages/http cors/cors-policy.ts). */
const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const FOREIGN_ORIGIN = 'https://elsewhere.example';

let stack: RunningStack;
let context: BrowserContext;
let browserDir: string;

beforeAll(async () => {
  stack = await startStack();
  browserDir = mkdtempSync(path.join(tmpdir(), 'gcp-e2e-headers-'));
  context = await chromium.launchPersistentContext(path.join(browserDir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(browserDir, 'xdg-config'), XDG_CACHE_HOME: path.join(browserDir, 'xdg-cache') },
  });
});

afterAll(async () => {
  await context?.close();
  await stack?.stop();
  if (browserDir) rmSync(browserDir, { recursive: true, force: true });
});

function expectHeaders(response: Response, expected: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
}

describe('security headers under wrangler dev', () => {
  it('sends the CSP and friends on the page and its assets', async () => {
    for (const asset of ['/', '/js/app.js', '/style.css']) expectHeaders(await fetch(`${stack.baseUrl}${asset}`), PAGE_HEADERS, asset);
    expect(PAGE_HEADERS['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('sends the API headers and the CORS policy through the web worker', async () => {
    const gpus = await fetch(`${stack.baseUrl}/v1/gpus`, { headers: { origin: FOREIGN_ORIGIN } });
    expect(gpus.status).toBe(200);
    expectHeaders(gpus, { ...API_HEADERS, 'access-control-allow-origin': '*' }, 'GET /v1/gpus');
    expectHeaders(await fetch(`${stack.baseUrl}/v1/nothing`), API_HEADERS, '404');

    const preflight = await fetch(`${stack.baseUrl}/v1/training/plan`, {
      method: 'OPTIONS',
      headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, authorization');

    const write = await fetch(`${stack.baseUrl}/v1/plans`, {
      method: 'POST',
      headers: { origin: FOREIGN_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', kind: 'training', request: {} }),
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('renders the page with no CSP violation or console error', async () => {
    type WithViolations = { cspViolations?: string[]; addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void };
    // runs before the page's scripts (injected by the browser, not subject to the page's CSP)
    await context.addInitScript(() => {
      const scope = globalThis as unknown as WithViolations;
      scope.cspViolations = [];
      scope.addEventListener('securitypolicyviolation', (event) => scope.cspViolations?.push(event.violatedDirective));
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('console', (message) => {
      // the page has no favicon; Chromium's automatic /favicon.ico request is not the page's
      if (message.location().url.endsWith('/favicon.ico')) return;
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(stack.baseUrl);
    expect(response?.headers()['content-security-policy']).toBe(PAGE_HEADERS['content-security-policy']);
    await page.getByLabel('Catalog model').selectOption('deepseek-v3');
    await page.locator('#total-params', { hasText: '671 B' }).waitFor();
    await page.locator('#params-chart svg rect').first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as WithViolations).cspViolations)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('answers a repeated training plan from the cache through the web worker, and says so', async () => {
    // a token count unique to this run: the first request is computed whatever an earlier run stored
    const body = JSON.stringify({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 64,
      tokens: 1e12 + Math.floor(Math.random() * 1e9),
      sequenceLength: 8192,
      precision: 'bf16',
    });
    const post = () => fetch(`${stack.baseUrl}/v1/training/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-gcp-cache')).toBe('miss');
    expect(first.headers.get('server-timing')).toMatch(/^core;dur=\d+\.\d{2}, cache;desc="miss"$/);
    const firstBody = await first.text();
    const repeat = await post();
    expect(repeat.headers.get('x-gcp-cache')).toBe('hit');
    expect(repeat.headers.get('server-timing')).toMatch(/^cache;desc="hit";dur=\d+\.\d{2}, cache-tier;desc="isolate"$/);
    expect(await repeat.text()).toBe(firstBody);
  });
});
