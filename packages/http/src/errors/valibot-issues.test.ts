import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { stripReceived, toErrorIssues } from './valibot-issues.js';

describe('valibot issues', () => {
  it('strips the received value from default messages', () => {
    expect(stripReceived('Invalid type: Expected number but received "abc"')).toBe('Invalid type: Expected number');
    expect(stripReceived('Invalid key: Received "x"')).toBe('Invalid key');
    expect(stripReceived('Custom message')).toBe('Custom message');
  });

  it('never includes the input value', () => {
    const schema = v.strictObject({
      kind: v.picklist(['training', 'inference']),
      nested: v.object({ count: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
      list: v.array(v.string()),
    });
    const result = v.safeParse(schema, { kind: 'SECRET1', nested: { count: -0.5 }, list: ['a', 99], extraKey: 'SECRET2' });
    expect(result.success).toBe(false);
    const issues = toErrorIssues(result.issues ?? []);
    expect(issues.map((issue) => issue.path)).toEqual(['kind', 'nested.count', 'nested.count', 'list.1', 'extraKey']);
    expect(issues[4]?.message).toBe('unknown field `extraKey`');
    const text = JSON.stringify(issues.map((issue) => issue.message));
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('-0.5');
    expect(text).not.toContain('99');
  });
});
