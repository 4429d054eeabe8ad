import { getGpu } from '../gpus/catalog.js';
import type { GpuSpec } from '../gpus/types.js';
import { getModel } from '../models/catalog.js';
import { normalizeConfig } from '../models/normalize-config.js';
import type { ModelArchitecture } from '../models/types.js';
import { InferenceInputError } from './errors.js';

/** `model` of a request: a catalog id or `{ "config": { ...HF config.json } }`. */
export function resolveModel(model: unknown, field = 'model'): ModelArchitecture {
  if (typeof model === 'string') {
    const m = getModel(model);
    if (!m) throw new InferenceInputError(field, 'unknown model id');
    return m.architecture;
  }
  if (model && typeof model === 'object' && 'config' in model) {
    return normalizeConfig((model as { config: unknown }).config); // throws ConfigError naming the config key
  }
  throw new InferenceInputError(field, 'must be a catalog model id or {"config": {...}}');
}

export function resolveGpu(gpu: unknown, field = 'gpu'): GpuSpec {
  const g = typeof gpu === 'string' ? getGpu(gpu) : undefined;
  if (!g) throw new InferenceInputError(field, 'unknown GPU id');
  return g;
}

export function positiveNumber(v: unknown, field: string, opts: { integer?: boolean; max?: number } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (opts.integer && !Number.isInteger(v))) {
    throw new InferenceInputError(field, `must be a positive ${opts.integer ? 'integer' : 'number'}`);
  }
  if (opts.max !== undefined && v > opts.max) throw new InferenceInputError(field, `must be at most ${opts.max}`);
  return v;
}

export function fraction(v: unknown, field: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw new InferenceInputError(field, 'must be a number in [0, 1]');
  return v;
}

/** A context must fit the model's positions (max_position_embeddings). */
export function contextWithinModel(arch: ModelArchitecture, tokens: number, field: string): void {
  if (tokens > arch.maxPositionEmbeddings) throw new InferenceInputError(field, "exceeds the model's max_position_embeddings");
}

/** Drop keys whose value is not a finite number (undefined, NaN, ±Infinity) so JSON never carries them. */
export function finiteOnly<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? finiteOnly(v as Record<string, unknown>) : v;
  }
  return out as T;
}
