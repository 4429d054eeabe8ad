/**
 * The response cache's first tier: answers kept in the isolate's own memory, in front of the
 * Workers Cache API. A warm isolate answers a repeated request with no cache I/O and no hash;
 * the Cache API still shares answers between isolates and colos. Least recently used answers
 * leave first once the tier holds `maxBytes` (answer text and key, two bytes per UTF-16 code
 * unit) or `maxEntries` answers. An isolate lives only as long as its Worker version, and every
 * key names the planner version, so no answer outlives the model that produced it.
 */

/** V8 strings of non-Latin-1 text take two bytes per UTF-16 code unit (Latin-1 ones one): the larger, as a bound. */
const BYTES_PER_UTF16_CODE_UNIT = 2;
/** Bytes the tier may hold by default: 8 MiB of an isolate's 128 MB (Workers memory limit). */
export const DEFAULT_ISOLATE_CACHE_BYTES = 8 * 1024 * 1024;
/** Answers the tier may hold by default (a training plan is ~8 KB of text; 8 MiB holds ~500 of them). */
export const DEFAULT_ISOLATE_CACHE_ENTRIES = 1024;

const sizeOf = (key: string, text: string) => (key.length + text.length) * BYTES_PER_UTF16_CODE_UNIT;

export class IsolateAnswerCache {
  /** Insertion order is recency order: a read moves its entry to the end, eviction takes from the front. */
  private readonly answers = new Map<string, string>();
  private bytes = 0;

  constructor(
    readonly maxBytes: number = DEFAULT_ISOLATE_CACHE_BYTES,
    readonly maxEntries: number = DEFAULT_ISOLATE_CACHE_ENTRIES,
  ) {}

  /** The answer stored under `key`, now the most recently used; undefined when absent. */
  get(key: string): string | undefined {
    const text = this.answers.get(key);
    if (text === undefined) return undefined;
    this.answers.delete(key);
    this.answers.set(key, text);
    return text;
  }

  /** Stores `text` under `key`, evicting the least recently used; an answer larger than the whole tier is not kept. */
  set(key: string, text: string): void {
    const size = sizeOf(key, text);
    this.delete(key);
    if (size > this.maxBytes || this.maxEntries < 1) return;
    while (this.answers.size >= this.maxEntries || this.bytes + size > this.maxBytes) {
      const oldest = this.answers.keys().next().value as string;
      this.delete(oldest);
    }
    this.answers.set(key, text);
    this.bytes += size;
  }

  /** Answers held now. */
  get size(): number {
    return this.answers.size;
  }

  /** Bytes held now (the bound `maxBytes` applies to). */
  get heldBytes(): number {
    return this.bytes;
  }

  private delete(key: string): void {
    const text = this.answers.get(key);
    if (text === undefined) return;
    this.answers.delete(key);
    this.bytes -= sizeOf(key, text);
  }
}
