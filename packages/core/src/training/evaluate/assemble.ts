/**
 * One layout's full evaluation: memory check, timing, throughput, MFU, the time breakdown and
 * its bottleneck, and the reasons a layout does not fit.
 */
import { convert } from '../../units/units.js';
import { stagesFor, type PlanContext } from '../context.js';
import { microBatchesPerStep } from '../layout-math.js';
import type { Layout, LayoutEvaluation, TimeBreakdown } from '../types.js';
import { checkMemory, type MemoryCheck } from './rank-memory.js';
import { timeLayout, type StepTiming } from './schedule-timing.js';

/** Full evaluation of one valid layout (structure already validated); `memory` and `timing` when already computed. */
export function evaluateLayout(ctx: PlanContext, layout: Layout, memory?: MemoryCheck, timing?: StepTiming): LayoutEvaluation {
  const stages = stagesFor(ctx, layout.pp)!;
  const m = microBatchesPerStep(ctx.globalBatchSequences, layout);
  const mem = memory ?? checkMemory(ctx, layout, stages, m);
  const t = timing ?? timeLayout(ctx, layout, stages, m);
  const stepTimeSeconds = t.stepTimeSeconds;
  const tokensPerStep = ctx.globalBatchSequences * ctx.profile.sequenceLength;
  const tokensPerSecondPerGpu = tokensPerStep / stepTimeSeconds / ctx.gpuCount;
  const mfu = (tokensPerSecondPerGpu * ctx.profile.mfuFlopsPerToken) / ctx.hw.bf16FlopsPerSecond;

  const timeBreakdown: TimeBreakdown = {
    compute: t.computeS,
    exposedCommunication: {
      tensorParallel: t.exposedTpS,
      contextParallel: t.exposedCpS,
      expertAllToAll: t.exposedEpS,
      pipelineSend: t.exposedPpS,
      dataParallel: t.exposedDpS,
    },
    pipelineBubble: t.bubbleS,
    optimizerStep: t.optimizerStepS,
    overlappedCommunication: t.overlappedCommS,
    overlappedTensorParallel: t.overlappedTpS,
  };
  const reasons = mem.fits ? [] : [memoryReason(ctx, mem)];
  return {
    layout,
    fits: mem.fits,
    reasons,
    stepTimeSeconds,
    tokensPerSecondPerGpu,
    mfu,
    memoryPerGpuBytes: mem.worst,
    timeBreakdown,
    bottleneck: bottleneckOf(timeBreakdown),
    layersPerStage: stages.map((s) => s.layers),
    microBatchesPerStep: m,
  };
}

function bottleneckOf(t: TimeBreakdown): string {
  const parts: Array<[string, number]> = [
    ['compute', t.compute],
    ['pipeline bubble', t.pipelineBubble],
    ['tensor-parallel communication', t.exposedCommunication.tensorParallel],
    ['context-parallel communication', t.exposedCommunication.contextParallel],
    ['expert all-to-all', t.exposedCommunication.expertAllToAll],
    ['pipeline sends', t.exposedCommunication.pipelineSend],
    ['data-parallel communication', t.exposedCommunication.dataParallel],
    ['optimizer step', t.optimizerStep],
  ];
  parts.sort((a, b) => b[1] - a[1]);
  return parts[0]![0];
}

function gb(bytes: number): string {
  return `${convert(bytes, 'B', 'GB').toFixed(1)} GB`;
}

export function memoryReason(ctx: PlanContext, check: MemoryCheck): string {
  const w = check.worst;
  return (
    `does not fit in HBM: pipeline rank ${check.worstRank} needs ${gb(w.total)} per GPU, the GPU has ${gb(ctx.hw.hbmCapacityBytes)} ` +
    `(weights ${gb(w.weights + w.fp8WeightCopies)}, gradients ${gb(w.gradients)}, optimizer states ${gb(w.optimizerStates)}, activations ${gb(w.activations)}, transient ${gb(w.transient)})`
  );
}
