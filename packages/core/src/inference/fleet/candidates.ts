import type { GpuSpec } from '../../gpus/types.js';
import type { ModelArchitecture } from '../../models/types.js';
import type { Layout } from '../serving/layout.js';
import { layoutProblem } from '../serving/layout-rules.js';

/**
 * Instance sizes in whole nodes the search always tries: 1, 2, 4 and 8 nodes, and for MoE decode
 * 18 (DeepSeek's Day-6 decode unit: 144 H800 hold 256 routed + 32 redundant experts at two per
 * GPU). Sub-node sizes are every power-of-two divisor of the node; the smallest instance that
 * holds the weights is added by the caller (`minGpus`) and nothing smaller is tried.
 */
export const CANDIDATE_NODE_COUNTS = [1, 2, 4, 8] as const;
export const MOE_DECODE_EXTRA_NODE_COUNTS = [18] as const;
/** Prefill instances stay at most this many nodes (DeepSeek's Day-6 prefill unit is 4). */
export const MAX_PREFILL_NODES = 4;

/** Expert slots padded up to a multiple of the EP size with redundant replicas (DeepSeek EPLB). */
function redundantFor(experts: number, ep: number): number {
  return Math.ceil(experts / ep) * ep - experts;
}

/**
 * Layout families of one instance of `g` GPUs, before the model/machine rules filter them:
 *  - tensor parallel everywhere (MoE: experts spread by EP over the same GPUs, or split by MoE TP
 *    when the expert count does not divide);
 *  - attention data parallel + expert parallel (DeepSeek's serving layout), experts padded with
 *    redundant replicas;
 *  - attention TP inside a node × DP across nodes, experts EP over the instance.
 */
function familiesOf(arch: ModelArchitecture, gpn: number, g: number): Layout[] {
  const out: Layout[] = [];
  const moe = arch.moe;
  if (!moe) {
    out.push({ attentionTp: g, attentionDp: 1, moeTp: g, moeEp: 1 });
    return out;
  }
  if (moe.numRoutedExperts % g === 0) out.push({ attentionTp: g, attentionDp: 1, moeTp: 1, moeEp: g });
  else out.push({ attentionTp: g, attentionDp: 1, moeTp: g, moeEp: 1 });
  if (g > 1 && g <= moe.numRoutedExperts * 2) {
    out.push({ attentionTp: 1, attentionDp: g, moeTp: 1, moeEp: g, redundantExperts: redundantFor(moe.numRoutedExperts, g) });
  }
  if (g > gpn && g <= moe.numRoutedExperts * 2) {
    out.push({ attentionTp: gpn, attentionDp: g / gpn, moeTp: 1, moeEp: g, redundantExperts: redundantFor(moe.numRoutedExperts, g) });
  }
  return out;
}

/**
 * Layouts the planner tries when the request names none: part of a node (replicas of small
 * models), 1, 2, 4 and 8 whole nodes, the smallest instance that holds the weights (`minGpus`,
 * from the caller's memory check; nothing smaller), and DeepSeek-style large MoE units; each in
 * the families above. Only layouts the model and machine allow are returned (layout-rules.ts).
 */
export function candidateLayouts(arch: ModelArchitecture, gpu: GpuSpec, role: 'prefill' | 'decode', minGpus = 1): Layout[] {
  return candidateSizes(arch, gpu, role, minGpus).flatMap((g) => layoutsOfSize(arch, gpu, g));
}

/** Instance sizes (GPUs) tried for a role, ascending, none below `minGpus`. */
export function candidateSizes(arch: ModelArchitecture, gpu: GpuSpec, role: 'prefill' | 'decode', minGpus = 1): number[] {
  const gpn = gpu.gpusPerNode.value;
  const sizes = new Set<number>([minGpus]);
  for (let g = 1; g < gpn; g *= 2) if (gpn % g === 0) sizes.add(g);
  const nodeCounts: number[] = [...CANDIDATE_NODE_COUNTS, ...(arch.moe && role === 'decode' ? MOE_DECODE_EXTRA_NODE_COUNTS : [])];
  for (const n of nodeCounts) {
    if (role === 'prefill' && n * gpn > Math.max(MAX_PREFILL_NODES * gpn, minGpus)) continue;
    sizes.add(n * gpn);
  }
  return [...sizes].filter((g) => g >= minGpus).sort((a, b) => a - b);
}

/** Every allowed layout of one instance size, in the families above. */
export function layoutsOfSize(arch: ModelArchitecture, gpu: GpuSpec, g: number): Layout[] {
  const seen = new Set<string>();
  return familiesOf(arch, gpu.gpusPerNode.value, g).filter((l) => {
    const key = `${l.attentionTp}/${l.attentionDp}/${l.moeTp}/${l.moeEp}/${l.redundantExperts ?? 0}`;
    if (seen.has(key) || layoutProblem(l, arch, gpu) !== null) return false;
    seen.add(key);
    return true;
  });
}
