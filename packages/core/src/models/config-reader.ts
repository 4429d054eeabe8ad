import { ConfigError, type ConfigIssue } from './config-error.js';

type Raw = Record<string, unknown>;

/** Reads typed fields out of a raw config object, collecting every problem before failing. */
export class ConfigReader {
  private readonly issues: ConfigIssue[] = [];
  constructor(private readonly raw: Raw, private readonly prefix = 'config') {}

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  /** A required positive integer. */
  int(key: string, opts: { min?: number; max?: number } = {}): number {
    const value = this.optInt(key, opts);
    if (value !== undefined) return value;
    // optInt already reported a present-but-wrong value; only an absent field is reported here
    return this.has(key) ? Number.NaN : this.missing(key, 'is required (a positive integer)');
  }

  /** An optional integer; null/absent gives undefined. */
  optInt(key: string, { min = 1, max = 1e9 }: { min?: number; max?: number } = {}): number | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.issues.push({ path: `${this.prefix}.${key}`, message: 'must be an integer' });
      return undefined;
    }
    if (v < min || v > max) {
      this.issues.push({ path: `${this.prefix}.${key}`, message: `must be between ${min} and ${max}` });
      return undefined;
    }
    return v;
  }

  optBool(key: string): boolean | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.issues.push({ path: `${this.prefix}.${key}`, message: 'must be a boolean' });
      return undefined;
    }
    return v;
  }

  optString(key: string): string | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      this.issues.push({ path: `${this.prefix}.${key}`, message: 'must be a string' });
      return undefined;
    }
    return v;
  }

  /** An optional array of integers (e.g. Qwen `mlp_only_layers`). */
  optIntArray(key: string): number[] | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 0)) {
      this.issues.push({ path: `${this.prefix}.${key}`, message: 'must be an array of non-negative integers' });
      return undefined;
    }
    return v as number[];
  }

  /** An optional array of strings (e.g. gpt-oss `layer_types`). */
  optStringArray(key: string): string[] | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      this.issues.push({ path: `${this.prefix}.${key}`, message: 'must be an array of strings' });
      return undefined;
    }
    return v as string[];
  }

  problem(key: string, message: string): void {
    this.issues.push({ path: `${this.prefix}.${key}`, message });
  }

  /** Throw if any field was wrong. */
  finish(): void {
    if (this.issues.length > 0) throw new ConfigError(this.issues);
  }

  private missing(key: string, message: string): number {
    this.issues.push({ path: `${this.prefix}.${key}`, message });
    return Number.NaN; // never escapes: finish() throws before the value is used
  }
}
