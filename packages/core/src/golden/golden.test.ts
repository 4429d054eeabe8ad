import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateThroughput, kvCacheReport, planTraining } from '../index.js';
import { GOLDEN_KV_CACHE, GOLDEN_THROUGHPUT, GOLDEN_TRAINING } from './requests.js';
import type { GoldenOutputs } from './compute-golden.js';

/**
 * Golden outputs: every request of requests.ts is recomputed and compared with golden.json
 * (written by `npx tsx src/golden/write-golden.ts`). Refactors must leave them unchanged; an
 * intended change of a number is a regenerated golden.json in the same commit.
 *
 * Only the keys present in the stored golden object are compared, recursively: a field that is
 * added to an output later (e.g. `warnings` on training plans) does not break this test, while a
 * stored field that disappears or changes does. Arrays must keep their length. Numbers agree to a
 * relative 1e-12 (floating-point reassociation), everything else exactly.
 */

const RELATIVE_TOLERANCE = 1e-12;

const GOLDEN = JSON.parse(readFileSync(new URL('./golden.json', import.meta.url), 'utf8')) as GoldenOutputs;

/** Paths (a.b[2].c) where `actual` differs from `expected`, over the keys `expected` has. */
function differences(expected: unknown, actual: unknown, path = ''): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
    if (expected === actual) return [];
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * scale ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => differences(e, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([k, e]) =>
      k in a ? differences(e, a[k], path ? `${path}.${k}` : k) : [`${path ? `${path}.` : ''}${k}: missing`],
    );
  }
  return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** What the API would send: JSON drops undefined fields. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('golden outputs (golden.json)', () => {
  it('holds one stored output per request and no other', () => {
    expect(Object.keys(GOLDEN.training).sort()).toEqual(Object.keys(GOLDEN_TRAINING).sort());
    expect(Object.keys(GOLDEN.throughput).sort()).toEqual(Object.keys(GOLDEN_THROUGHPUT).sort());
    expect(Object.keys(GOLDEN.kvCache).sort()).toEqual(Object.keys(GOLDEN_KV_CACHE).sort());
  });

  it('compares only stored keys, numbers to a relative 1e-12', () => {
    expect(differences({ a: 1, b: [1, 'x'] }, { a: 1 + 1e-13, b: [1, 'x'], added: true })).toEqual([]);
    expect(differences({ a: 1 }, { a: 1 + 1e-9 })).toHaveLength(1);
    expect(differences({ a: { b: 1 } }, { a: {} })).toEqual(['a.b: missing']);
    expect(differences([1, 2], [1])).toHaveLength(1);
  });

  describe.each(Object.keys(GOLDEN_TRAINING))('planTraining %s', (name) => {
    it('matches the stored plan', () => {
      expect(differences(GOLDEN.training[name], asJson(planTraining(GOLDEN_TRAINING[name]!)))).toEqual([]);
    });
  });

  describe.each(Object.keys(GOLDEN_THROUGHPUT))('estimateThroughput %s', (name) => {
    it('matches the stored estimate', () => {
      expect(differences(GOLDEN.throughput[name], asJson(estimateThroughput(GOLDEN_THROUGHPUT[name]!)))).toEqual([]);
    });
  });

  describe.each(Object.keys(GOLDEN_KV_CACHE))('kvCacheReport %s', (name) => {
    it('matches the stored report', () => {
      expect(differences(GOLDEN.kvCache[name], asJson(kvCacheReport(GOLDEN_KV_CACHE[name]!)))).toEqual([]);
    });
  });
});
