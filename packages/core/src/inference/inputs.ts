import type { ModelInput } from '@gcp/contract';
import { PlannerInputError } from '../errors.js';
import { getGpu } from '../gpus/catalog.js';
import type { GpuSpec } from '../gpus/types.js';
import { getModel } from '../models/catalog.js';
import { normalizeConfig } from '../models/normalize-config.js';
import type { ModelArchitecture } from '../models/types.js';

/**
 * `model` of a request: a catalog id or `{ "config": { ...HF config.json } }`. A config that does
 * not describe a model throws PlannerInputError naming `model.config.<key>`.
 */
export function resolveModel(model: ModelInput, field = 'model'): ModelArchitecture {
  if (typeof model === 'string') {
    const m = getModel(model);
    if (!m) throw PlannerInputError.at(field, 'unknown model id', 'unknown');
    return m.architecture;
  }
  try {
    return normalizeConfig(model.config);
  } catch (e) {
    if (e instanceof PlannerInputError) throw e.under(field);
    throw e;
  }
}

export function resolveGpu(gpu: string, field = 'gpu'): GpuSpec {
  const g = getGpu(gpu);
  if (!g) throw PlannerInputError.at(field, 'unknown GPU id', 'unknown');
  return g;
}

/** A context must fit the model's positions (max_position_embeddings). */
export function contextWithinModel(arch: ModelArchitecture, tokens: number, field: string): void {
  if (tokens > arch.maxPositionEmbeddings) throw PlannerInputError.at(field, "exceeds the model's max_position_embeddings");
}
