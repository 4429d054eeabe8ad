// No figures here: resolves request ids against the catalogs, whose data files name each source.
import { PlannerInputError } from './errors.js';
import { getGpu } from './gpus/catalog.js';
import type { GpuSpec } from './gpus/types.js';
import { getModel } from './models/catalog.js';
import { normalizeConfig } from './models/normalize-config.js';
import type { ModelArchitecture } from './models/types.js';
import type { ConfigJson } from '@gcp/contract';

/** `model` of a request: a catalog id or a pasted config.json. */
export type ModelInput = string | { readonly config: Record<string, unknown> };

/** The architecture (and its id) of a request's model; unknown ids and unreadable configs are PlannerInputErrors at `path`. */
export function resolveModelInput(model: ModelInput, path = 'model'): { arch: ModelArchitecture; id: string } {
  if (typeof model === 'string') {
    const m = getModel(model);
    if (!m) throw PlannerInputError.at(path, 'is not a model id in the catalog (GET /v1/models lists them)', 'unknown');
    return { arch: m.architecture, id: m.id };
  }
  try {
    const arch = normalizeConfig(model.config as ConfigJson);
    return { arch, id: arch.name };
  } catch (e) {
    if (e instanceof PlannerInputError) throw e.under(path);
    throw e;
  }
}

/** The catalog GPU of a request's id; an unknown id is a PlannerInputError at `path`. */
export function resolveGpuId(id: string, path = 'gpu'): GpuSpec {
  const g = getGpu(id);
  if (!g) throw PlannerInputError.at(path, 'is not a GPU id in the catalog (GET /v1/gpus lists them)', 'unknown');
  return g;
}
