import { describe, expect, it } from 'vitest';
import { IsolateAnswerCache } from './isolate-answers.js';

/** Two bytes per UTF-16 code unit of key and text (the tier's own accounting). */
const bytesOf = (key: string, text: string) => 2 * (key.length + text.length);

describe('IsolateAnswerCache', () => {
  it('returns what was stored and undefined for what was not', () => {
    const cache = new IsolateAnswerCache();
    cache.set('a', '{"x":1}');
    expect(cache.get('a')).toBe('{"x":1}');
    expect(cache.get('b')).toBeUndefined();
  });

  it('evicts the least recently used answer once the entry bound is reached; a read counts as use', () => {
    const cache = new IsolateAnswerCache(1e6, 2);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.get('a');
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
    expect(cache.size).toBe(2);
  });

  it('holds at most maxBytes, counts a replaced answer once, and keeps no answer larger than the tier', () => {
    const text = 'x'.repeat(100);
    const cache = new IsolateAnswerCache(3 * bytesOf('k0', text), 100);
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, text);
    expect(cache.size).toBe(3);
    expect(cache.heldBytes).toBe(3 * bytesOf('k0', text));
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k4')).toBe(text);
    cache.set('k4', 'short');
    expect(cache.heldBytes).toBe(2 * bytesOf('k0', text) + bytesOf('k4', 'short'));
    cache.set('huge', 'y'.repeat(1000));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});
