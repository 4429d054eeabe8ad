import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INFERENCE_EFFICIENCY } from '../inference/step/efficiency.js';
import { CORE_PACKAGE_VERSION, PLANNER_VERSION, shortFingerprint } from './planner-version.js';

describe('PLANNER_VERSION', () => {
  it('is the core package version plus a 16-hex-digit fingerprint of the calibration', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CORE_PACKAGE_VERSION).toBe(pkg.version);
    expect(PLANNER_VERSION).toMatch(new RegExp(`^${CORE_PACKAGE_VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`));
  });

  it('changes with any calibrated parameter', () => {
    const base = JSON.stringify({ INFERENCE_EFFICIENCY });
    const refit = JSON.stringify({ INFERENCE_EFFICIENCY: { ...INFERENCE_EFFICIENCY, attentionEfficiency: 0.451 } });
    expect(shortFingerprint(base)).not.toBe(shortFingerprint(refit));
    expect(shortFingerprint(base)).toBe(shortFingerprint(base));
  });
});
