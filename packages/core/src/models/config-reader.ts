import { parseConfigField, type ConfigJson, type ConfigJsonField, type ConfigJsonFieldOf, type ConfigJsonValue } from '@gcp/contract';
import { PlannerInputError, type PlannerIssue } from '../errors.js';

/**
 * Reads typed fields out of a pasted config.json, collecting every problem before failing. Each
 * field's type and bounds are the contract's (`CONFIG_JSON_FIELDS` in @gcp/contract); this reader
 * adds what depends on the model family: which fields are required, and the rules between fields
 * (reported with `problem`).
 */
export class ConfigReader {
  private readonly issues: PlannerIssue[] = [];
  constructor(
    private readonly raw: ConfigJson,
    private readonly prefix = 'config',
  ) {}

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  /** A required integer field. */
  int(key: ConfigJsonFieldOf<number>): number {
    const value = this.read(key);
    if (value !== undefined) return value;
    // read() already reported a present-but-wrong value; only an absent field is reported here
    return this.has(key) ? Number.NaN : this.missing(key, 'is required (a positive integer)');
  }

  /** An optional field; null/absent (or invalid, then reported) gives undefined. */
  read<K extends ConfigJsonField>(key: K): ConfigJsonValue<K> | undefined {
    if (!this.has(key)) return undefined;
    const result = parseConfigField(key, this.raw[key]);
    if (result.success) return result.output;
    this.issues.push({ path: `${this.prefix}.${key}`, message: result.message });
    return undefined;
  }

  problem(key: string, message: string): void {
    this.issues.push({ path: `${this.prefix}.${key}`, message });
  }

  /** Throw if any field was wrong. */
  finish(): void {
    if (this.issues.length > 0) throw new PlannerInputError('invalid', this.issues);
  }

  private missing(key: string, message: string): number {
    this.issues.push({ path: `${this.prefix}.${key}`, message });
    return Number.NaN; // never escapes: finish() throws before the value is used
  }
}
