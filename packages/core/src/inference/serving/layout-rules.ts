import { MAX_SERVING_INSTANCE_GPUS } from '@gcp/contract';
import { PlannerInputError } from '../../errors.js';
import type { GpuSpec } from '../../gpus/types.js';
import type { ModelArchitecture } from '../../models/types.js';
import type { Layout } from './layout.js';

/** A rule of the model or the machine that a layout breaks: the field to name and the rule. */
export interface LayoutProblem {
  readonly field: string;
  readonly rule: string;
}

const divides = (d: number, n: number) => n % d === 0;

/**
 * The rules an inference layout must satisfy to exist on this model and machine (the structural
 * equation attentionTp × attentionDp = moeTp × moeEp is resolveLayout's):
 *  - attention TP divides the attention heads; for GQA/MQA it divides the KV heads or is a
 *    multiple of them (then each KV head is replicated on attentionTp ÷ kvHeads ranks; MLA's
 *    latent is replicated on every rank);
 *  - attention TP divides the dense FFN width and the shared experts' width (those layers are
 *    split by attention TP);
 *  - MoE TP divides the routed experts' width; the expert slots (routed + redundant) spread
 *    evenly over the EP ranks; no more redundant replicas than routed experts;
 *  - the instance is part of a node (a divisor of its GPUs) or whole nodes, a TP group larger
 *    than a node spans whole nodes, and the instance is at most MAX_SERVING_INSTANCE_GPUS.
 * Returns the first rule broken, or null. Messages state the model's or machine's figures,
 * never the submitted values.
 */
export function layoutProblem(layout: Layout, arch: ModelArchitecture, gpu: GpuSpec, field = 'parallelism'): LayoutProblem | null {
  const att = arch.attention;
  const tp = layout.attentionTp;
  const gpn = gpu.gpusPerNode.value;
  const gpus = layout.attentionTp * layout.attentionDp * (layout.pp ?? 1);
  if (gpus > MAX_SERVING_INSTANCE_GPUS)
    return { field, rule: `an instance may span at most ${MAX_SERVING_INSTANCE_GPUS} GPUs (attentionTp × attentionDp × pp)` };
  if (!divides(tp, att.numHeads)) return { field: `${field}.attentionTp`, rule: `must divide the model's ${att.numHeads} attention heads` };
  if (!att.mla && !divides(tp, att.numKvHeads) && !divides(att.numKvHeads, tp)) {
    return { field: `${field}.attentionTp`, rule: `must divide the model's ${att.numKvHeads} KV heads or be a multiple of them (KV heads replicated)` };
  }
  const hasDense = arch.layers.some((l) => l.ffn === 'dense');
  if (hasDense && !divides(tp, arch.denseIntermediateSize))
    return { field: `${field}.attentionTp`, rule: `must divide the dense FFN width (${arch.denseIntermediateSize})` };
  const moe = arch.moe;
  if (moe) {
    if (moe.numSharedExperts > 0 && !divides(tp, moe.sharedExpertIntermediateSize)) {
      return { field: `${field}.attentionTp`, rule: `must divide the shared experts' width (${moe.sharedExpertIntermediateSize})` };
    }
    if (!divides(layout.moeTp, moe.expertIntermediateSize))
      return { field: `${field}.moeTp`, rule: `must divide the routed experts' width (${moe.expertIntermediateSize})` };
    const redundant = layout.redundantExperts ?? 0;
    if (redundant > moe.numRoutedExperts)
      return { field: `${field}.redundantExperts`, rule: `must not exceed the model's ${moe.numRoutedExperts} routed experts` };
    if (!divides(layout.moeEp, moe.numRoutedExperts + redundant)) {
      return {
        field: `${field}.moeEp`,
        rule: `must divide the expert slots (the model's ${moe.numRoutedExperts} routed experts + redundantExperts) so every EP rank holds as many`,
      };
    }
  } else if (layout.moeEp > 1 || (layout.redundantExperts ?? 0) > 0) {
    return { field: `${field}.moeEp`, rule: 'a dense model has no experts to split' };
  }
  if (gpus < gpn ? !divides(gpus, gpn) : !divides(gpn, gpus)) {
    return { field, rule: `an instance is part of one ${gpn}-GPU node (a divisor of ${gpn}) or whole nodes (a multiple of ${gpn})` };
  }
  if (tp > gpn && !divides(gpn, tp))
    return { field: `${field}.attentionTp`, rule: `a tensor-parallel group larger than a node must span whole ${gpn}-GPU nodes` };
  return null;
}

/** Throws the layout's first broken rule as a 4xx-bound input error naming the field. */
export function assertLayoutAllowed(layout: Layout, arch: ModelArchitecture, gpu: GpuSpec, field: string): void {
  const p = layoutProblem(layout, arch, gpu, field);
  if (p) throw PlannerInputError.at(p.field, p.rule);
}
