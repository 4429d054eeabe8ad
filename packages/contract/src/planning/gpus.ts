import * as v from 'valibot';

/** One GPU as `describeGpu` flattens it (documented loosely: the catalog adds fields over time). */
export const gpuResponseSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  vendor: v.string(),
  architecture: v.string(),
});

export const gpuListResponseSchema = v.object({ gpus: v.array(gpuResponseSchema) });
