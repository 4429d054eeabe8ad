import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const url = (path: string) => `https://planner.test${path}`;

describe('static assets', () => {
  it('serves the planner page and its modules', async () => {
    const page = await env.ASSETS.fetch(url('/'));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<section id="analysis"');
    expect(html).toContain('<section id="training"');
    expect(html).toContain('<section id="inference"');
    const script = await env.ASSETS.fetch(url('/js/analysis.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await env.ASSETS.fetch(url('/style.css'))).status).toBe(200);
  });

  it('falls back to the assets for non-API paths reaching the worker', async () => {
    const response = await SELF.fetch(url('/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GPU Capacity Planner');
  });
});
