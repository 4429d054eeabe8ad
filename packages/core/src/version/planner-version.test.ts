import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_PACKAGE_VERSION, PLANNER_VERSION } from './planner-version.js';

describe('PLANNER_VERSION', () => {
  it('is the core package version plus the calibration tag', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CORE_PACKAGE_VERSION).toBe(pkg.version);
    expect(PLANNER_VERSION).toMatch(/^\d+\.\d+\.\d+\+[\w.-]+$/);
  });
});
