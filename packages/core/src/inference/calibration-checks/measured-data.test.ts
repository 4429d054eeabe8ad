import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFLICT_SPREAD, cleanRows, conflictReport, dumpEncodingReading, ID_TP_EP, loadCleanRows, twinKey } from '../../../calibration/inference/clean.js';
import { loadMeasuredRows } from '../../../calibration/inference/csv.js';
import { configKey, hashSide, loadSplit, SPLIT_FILE } from '../../../calibration/inference/split.js';

/**
 * Hygiene of the measured serving rows (calibration/inference/clean.ts) and the committed split
 * (data/split.json, written once by write-split.ts before any fit on the cleaned rows).
 */
/** SHA-256 of data/split.json as committed. A change to the split is a reviewed edit of this line. */
const SPLIT_SHA256 = 'f4a65c24eb11aa42a4d62490f6058b26e4f51c154b17ac2217d35d2d11d50c5c';

describe('measured rows: cleaning', () => {
  const { rows, report } = loadCleanRows();

  it('changes and drops the documented number of rows by each rule', () => {
    expect(report.rowsIn).toBe(2648);
    expect(report.byRule).toEqual({
      MODEL_FROM_ID: 316,
      LAYOUT_FROM_ID: 163,
      LAYOUT_DUMP_ENCODING: 90,
      ATTENTION_DP_FROM_MOE: 19,
      MOE_COLUMNS_DEFAULT: 178,
      LAYOUT_INCONSISTENT: 0,
      EXACT_TWIN: 473,
    });
    expect(report.rowsOut).toBe(2648 - 473);
  });

  it('every kept layout is consistent and no two kept rows are exact twins', () => {
    for (const r of rows) if (r.mode === 'agg') expect(r.tp * r.adp).toBe(r.moeTp * r.moeEp);
    expect(new Set(rows.map(twinKey)).size).toBe(rows.length);
    expect(cleanRows(rows).report.byRule.EXACT_TWIN).toBe(0);
  });

  it('reports, without dropping, kept rows of one configuration whose measurements disagree by more than CONFLICT_SPREAD', () => {
    const base = rows[0]!;
    const near = { ...base, tpotMs: base.tpotMs * (1 + (CONFLICT_SPREAD - 1) / 2) };
    const far = { ...base, tpotMs: base.tpotMs * CONFLICT_SPREAD * 1.01 };
    const other = { ...base, concurrency: base.concurrency + 1 };
    expect(conflictReport([base, near, other])).toEqual({ repeatedConfigurations: 1, conflictingConfigurations: 0, rowsInConflict: 0 });
    expect(conflictReport([base, near, far, other])).toEqual({ repeatedConfigurations: 1, conflictingConfigurations: 1, rowsInConflict: 3 });
    const c = report.conflicts;
    expect(c.conflictingConfigurations).toBeLessThanOrEqual(c.repeatedConfigurations);
    expect(c.rowsInConflict).toBeGreaterThanOrEqual(2 * c.conflictingConfigurations);
    expect(report.rowsOut).toBe(rows.length);
  });

  it('no kept aggregated row is modelled on more GPUs than its id names', () => {
    for (const r of rows) {
      const m = ID_TP_EP.exec(r.id);
      if (m && r.mode === 'agg') expect(r.tp * r.adp).toBe(Number(m[1]));
    }
  });

  it('the db-dump reading (no layout in the id) reproduces the id wherever the id states the layout', () => {
    let checked = 0;
    for (const r of loadMeasuredRows()) {
      const m = ID_TP_EP.exec(r.id);
      const read = r.mode === 'agg' ? dumpEncodingReading({ tp: r.tp, adp: r.adp, moeTp: r.moeTp, moeEp: r.moeEp }) : null;
      if (!m || !read) continue;
      checked++;
      expect([read.tp * read.adp, read.moeEp]).toEqual([Number(m[1]), Number(m[2])]);
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('measured rows: the committed split', () => {
  const { rows } = loadCleanRows();
  const split = loadSplit();

  it('is the committed file, not a silent regeneration', () => {
    expect(createHash('sha256').update(readFileSync(SPLIT_FILE)).digest('hex')).toBe(SPLIT_SHA256);
  });

  it('has an entry for every cleaned row and none for configurations that no longer exist', () => {
    const keys = new Set(rows.map(configKey));
    for (const k of keys) expect(split.configurations[k], k).toBeDefined();
    for (const k of Object.keys(split.configurations)) expect(keys.has(k), k).toBe(true);
  });

  it('was written by its stated rule', () => {
    for (const r of rows) expect(split.configurations[configKey(r)]).toBe(hashSide(r));
  });
});
