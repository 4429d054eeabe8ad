// The figures and their sources live in data/*.ts, one file per link technology.
import type { InterconnectSpec } from './types.js';
import { nvlink3 } from './data/nvlink3.js';
import { nvlink3A800 } from './data/nvlink3-a800.js';
import { nvlink4 } from './data/nvlink4.js';
import { nvlink4H800 } from './data/nvlink4-h800.js';
import { nvlink5 } from './data/nvlink5.js';
import { infinityFabricMi300x } from './data/infinity-fabric-mi300x.js';
import { infinibandNdr400 } from './data/infiniband-ndr400.js';
import { infinibandHdr200 } from './data/infiniband-hdr200.js';
import { roce400 } from './data/roce-400.js';
import { omnipath100 } from './data/omnipath-100.js';

const INTERCONNECTS: readonly InterconnectSpec[] = [
  nvlink3,
  nvlink3A800,
  nvlink4,
  nvlink4H800,
  nvlink5,
  infinityFabricMi300x,
  infinibandNdr400,
  infinibandHdr200,
  roce400,
  omnipath100,
];

const BY_ID = new Map(INTERCONNECTS.map((i) => [i.id, i]));

export function listInterconnects(): readonly InterconnectSpec[] {
  return INTERCONNECTS;
}

export function getInterconnect(id: string): InterconnectSpec | undefined {
  return BY_ID.get(id);
}

/** Like getInterconnect, for ids that come from the catalogs themselves (a missing one is a programming error). */
export function requireInterconnect(id: string): InterconnectSpec {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown interconnect id in catalog: ${id}`);
  return found;
}

/** Effective one-direction bandwidth a collective sees on this link, GB/s. */
export function effectiveGBpsPerDirection(link: InterconnectSpec): number {
  return link.perDirectionGBps.value * link.achievableFraction.value;
}
