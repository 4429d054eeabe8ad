import type { GpuSpec } from '../gpus/types.js';
import type { ModelArchitecture } from '../models/types.js';
import type { Layout } from './layout.js';

/**
 * Layouts the planner tries when the request names none: tensor parallel over part of a node
 * (1, 2, 4 GPUs: replicas of small models), a whole node and 2, 4, 8 nodes, and for
 * MoE models attention-DP + expert-parallel over 1, 2, 4, 8 and 18 nodes (DeepSeek's Day-6 units
 * are 4 nodes for prefill and 18 for decode), padding the experts to a multiple of the EP size
 * with redundant replicas.
 */
export function candidateLayouts(arch: ModelArchitecture, gpu: GpuSpec, role: 'prefill' | 'decode'): Layout[] {
  const gpn = gpu.gpusPerNode.value;
  const out: Layout[] = [];
  const tensorParallel = [...[1, 2, 4].filter((g) => g < gpn && gpn % g === 0), ...[1, 2, 4, 8].map((n) => gpn * n)];
  for (const g of tensorParallel) {
    if (arch.moe && arch.moe.numRoutedExperts % g !== 0) continue;
    out.push({ attentionTp: g, attentionDp: 1, moeTp: arch.moe ? 1 : g, moeEp: arch.moe ? g : 1 });
  }
  if (arch.moe) {
    const nodes = role === 'prefill' ? [1, 2, 4] : [1, 2, 4, 8, 18];
    for (const n of nodes) {
      const g = gpn * n;
      if (g > arch.moe.numRoutedExperts * 2) continue;
      const redundantExperts = (Math.ceil(arch.moe.numRoutedExperts / g) * g) - arch.moe.numRoutedExperts;
      out.push({ attentionTp: 1, attentionDp: g, moeTp: 1, moeEp: g, redundantExperts });
    }
  }
  return out;
}
