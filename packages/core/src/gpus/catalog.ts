// The figures and their sources live in data/*.ts, one file per GPU.
import type { GpuSpec } from './types.js';
import { a100 } from './data/a100.js';
import { a800 } from './data/a800.js';
import { b200 } from './data/b200.js';
import { h100 } from './data/h100.js';
import { h100Hbm2e500w } from './data/h100-96gb-500w.js';
import { h20 } from './data/h20.js';
import { h200 } from './data/h200.js';
import { h800 } from './data/h800.js';
import { mi300x } from './data/mi300x.js';

const GPUS: readonly GpuSpec[] = [h800, h100, h100Hbm2e500w, h200, h20, a100, a800, b200, mi300x];
const BY_ID = new Map(GPUS.map((g) => [g.id, g]));

export function listGpus(): readonly GpuSpec[] {
  return GPUS;
}

export function getGpu(id: string): GpuSpec | undefined {
  return BY_ID.get(id);
}
