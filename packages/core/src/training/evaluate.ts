import { convert } from '../units/units.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';
import { dataParallelComm, layerComm, pipelineSendSeconds, type LayerComm } from './communication.js';
import { headCost, layerCost, mtpCost, type ComputeContext, type PassCost } from './compute.js';
import { memoize, stagesFor, type PlanContext } from './context.js';
import {
  inFlight, logitBytes, runtimeReserveBytes, stageActivationBytes, stageParams, staticMemory, sumMemory, type StaticParams,
} from './memory.js';
import type { StageContent } from './stages.js';
import type { Layout, LayoutEvaluation, MemoryBreakdown, TimeBreakdown } from './types.js';

interface Costs {
  readonly kinds: readonly PassCost[];
  readonly comms: readonly LayerComm[];
  readonly head: PassCost;
  readonly mtp: PassCost;
  readonly mtpComm: LayerComm | null;
  readonly ppSend: number;
}

function commsFor(ctx: PlanContext, layout: Layout): { dense: LayerComm; moe: LayerComm; ppSend: number } {
  const key = `m|${layout.tp}|${layout.cp}|${layout.ep}|${layout.microBatchSize}|${layout.tp * layout.cp * layout.dp >= ctx.cluster.gpusPerNode ? 1 : 0}`;
  return memoize(ctx, key, () => {
    const p = ctx.profile;
    const moe = layerComm(p, ctx.cluster, layout, ctx.precision, p.numExperts > 0);
    return { moe, dense: { tp: moe.tp, cp: moe.cp, epForward: 0, epBackward: 0 }, ppSend: pipelineSendSeconds(p, ctx.cluster, layout) };
  });
}

function costsFor(ctx: PlanContext, layout: Layout): Costs {
  const key = `c|${layout.tp}|${layout.cp}|${layout.ep}|${layout.microBatchSize}|${layout.recompute}|${layout.tp * layout.cp * layout.dp >= ctx.cluster.gpusPerNode ? 1 : 0}`;
  return memoize(ctx, key, () => {
    const cctx: ComputeContext = {
      hw: ctx.hw, eff: ctx.eff, precision: ctx.precision, tp: layout.tp, ep: layout.ep,
      tokens: (layout.microBatchSize * ctx.profile.sequenceLength) / layout.cp, recompute: layout.recompute,
    };
    const p = ctx.profile;
    const mk = p.kinds[p.mtpKind];
    const comm = commsFor(ctx, layout);
    return {
      kinds: p.kinds.map((k) => layerCost(p, k, cctx)),
      comms: p.kinds.map((k) => (k.kind === 'moe' ? comm.moe : comm.dense)),
      head: headCost(p, cctx),
      mtp: mtpCost(p, cctx),
      mtpComm: mk && p.mtpModules > 0 ? (mk.kind === 'moe' ? comm.moe : comm.dense) : null,
      ppSend: comm.ppSend,
    };
  });
}

interface StageTime {
  readonly forward: number;
  /** Backward + recomputation. */
  readonly backward: number;
  readonly weightGrad: number;
  readonly tp: number;
  readonly cp: number;
  readonly ep: number;
}

function stageTime(c: Costs, st: StageContent, mtpModules: number): StageTime {
  let f = 0, b = 0, w = 0, tp = 0, cp = 0, ep = 0;
  const counts = st.kindCounts;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n === 0) continue;
    const k = c.kinds[i]!;
    const m = c.comms[i]!;
    f += n * k.forward; b += n * (k.backward + k.recompute); w += n * k.weightGrad;
    tp += n * m.tp; cp += n * m.cp; ep += n * (m.epForward + m.epBackward);
  }
  if (st.hasHead) {
    f += c.head.forward + c.mtp.forward;
    b += c.head.backward + c.head.recompute + c.mtp.backward + c.mtp.recompute;
    w += c.head.weightGrad + c.mtp.weightGrad;
    if (c.mtpComm) { tp += mtpModules * c.mtpComm.tp; cp += mtpModules * c.mtpComm.cp; ep += mtpModules * (c.mtpComm.epForward + c.mtpComm.epBackward); }
  }
  return { forward: f, backward: b, weightGrad: w, tp, cp, ep };
}

/** Stages a rank holds: one, or two mirrored stages under DualPipe. */
function rankStages(layout: Layout, rank: number): number[] {
  if (layout.schedule === 'dualpipe') {
    const mirror = layout.pp - 1 - rank;
    return mirror === rank ? [rank] : [rank, mirror];
  }
  return [rank];
}

export function microBatchesPerStep(ctx: PlanContext, layout: Layout): number {
  return ctx.globalBatchSequences / (layout.dp * layout.microBatchSize);
}

function paramsByRank(ctx: PlanContext, layout: Layout, stages: readonly StageContent[]): StaticParams[] {
  const key = `p|${layout.pp}|${layout.ep}|${layout.tp}|${layout.schedule === 'dualpipe' ? 'd' : 's'}`;
  return memoize(ctx, key, () => {
    const out: StaticParams[] = [];
    for (let rank = 0; rank < layout.pp; rank++) {
      let dense = 0, denseFp8 = 0, expert = 0, largest = 0;
      for (const s of rankStages(layout, rank)) {
        const p = stageParams(ctx.profile, stages[s]!, layout.ep, layout.tp);
        dense += p.dense; denseFp8 += p.denseFp8; expert += p.expert; largest = Math.max(largest, p.largestLayer);
      }
      out.push({ dense, denseFp8, expert, largestLayer: largest });
    }
    return out;
  });
}

function activationsByRank(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): number[] {
  const key = `a|${layout.pp}|${layout.tp}|${layout.cp}|${layout.microBatchSize}|${layout.recompute}|${layout.schedule}|${layout.virtualStages}|${m}`;
  return memoize(ctx, key, () => {
    const out: number[] = [];
    for (let rank = 0; rank < layout.pp; rank++) {
      const ids = rankStages(layout, rank);
      let perMb = 0;
      for (const s of ids) perMb += stageActivationBytes(ctx.profile, stages[s]!, layout, ctx.precision);
      if (layout.schedule === 'dualpipe') perMb /= ids.length;
      out.push(perMb * inFlight(layout, rank, m));
    }
    return out;
  });
}

function headRank(layout: Layout): number {
  return layout.schedule === 'dualpipe' ? 0 : layout.pp - 1;
}

export interface MemoryCheck {
  readonly worst: MemoryBreakdown;
  readonly worstRank: number;
  readonly fits: boolean;
}

export function checkMemory(ctx: PlanContext, layout: Layout, stages: readonly StageContent[], m: number): MemoryCheck {
  const params = paramsByRank(ctx, layout, stages);
  const acts = activationsByRank(ctx, layout, stages, m);
  const reserve = runtimeReserveBytes();
  const logits = logitBytes(ctx.profile, layout);
  const hr = headRank(layout);
  // inline the per-rank total (hot loop of the search); build the breakdown for the worst rank only
  const dp = layout.dp * layout.cp;
  const edp = Math.max(1, (layout.tp * layout.cp * layout.dp) / layout.ep);
  const z = layout.zero;
  const wDp = z >= 3 ? dp : 1, wEdp = z >= 3 ? edp : 1, gDp = z >= 2 ? dp : 1, gEdp = z >= 2 ? edp : 1, oDp = z >= 1 ? dp : 1, oEdp = z >= 1 ? edp : 1;
  const fp8 = ctx.precision === 'fp8' ? 1 : 0;
  const optBytes = 4 + 2 * (ctx.optimizer === 'bf16' ? 2 : 4);
  let worstTotal = -1, worstRank = 0;
  for (let r = 0; r < layout.pp; r++) {
    const p = params[r]!;
    const gather = z >= 3 ? 2 * p.largestLayer : 0;
    const total = 2 * (p.dense / wDp + p.expert / wEdp + gather) + fp8 * (p.denseFp8 / wDp + p.expert / wEdp + gather)
      + 4 * (p.dense / gDp + p.expert / gEdp) + optBytes * (p.dense / oDp + p.expert / oEdp)
      + acts[r]! + reserve + (r === hr ? logits : 0);
    if (total > worstTotal) { worstTotal = total; worstRank = r; }
  }
  const st = staticMemory(params[worstRank]!, layout, ctx.precision, ctx.optimizer);
  const worst = sumMemory(st, acts[worstRank]!, reserve + (worstRank === hr ? logits : 0));
  return { worst, worstRank, fits: worst.total <= ctx.hw.hbmCapacityBytes };
}

function gb(bytes: number): string {
  return `${convert(bytes, 'B', 'GB').toFixed(1)} GB`;
}

export function memoryReason(ctx: PlanContext, check: MemoryCheck): string {
  const w = check.worst;
  return `does not fit in HBM: pipeline rank ${check.worstRank} needs ${gb(w.total)} per GPU, the GPU has ${gb(ctx.hw.hbmCapacityBytes)} `
    + `(weights ${gb(w.weights + w.fp8WeightCopies)}, gradients ${gb(w.gradients)}, optimizer states ${gb(w.optimizerStates)}, activations ${gb(w.activations)}, transient ${gb(w.transient)})`;
}

/**
 * A lower bound on the step time of a layout (any ZeRO stage, any recomputation): its
 * compute without recomputation spread perfectly over the pipeline stages, plus the
 * SM share taken by overlapped communication. Used to prune the search.
 */
/** Per-step-independent sums for the lower bound: everything of one micro-batch over all layers. */
export interface BoundTerms {
  /** Forward + backward compute of every layer, head and MTP (no recomputation). */
  readonly compute: number;
  /** TP and CP collectives (never hidden). */
  readonly serial: number;
  /** Expert all-to-all. */
  readonly ep: number;
  readonly ppSend: number;
}

export function boundTerms(ctx: PlanContext, layout: Layout): BoundTerms {
  const key = `b|${layout.tp}|${layout.cp}|${layout.ep}|${layout.microBatchSize}|${layout.tp * layout.cp * layout.dp >= ctx.cluster.gpusPerNode ? 1 : 0}`;
  return memoize(ctx, key, () => {
    const c = costsFor(ctx, layout.recompute === 'none' ? layout : { ...layout, recompute: 'none' });
    const p = ctx.profile;
    const kindTotals = new Array<number>(p.kinds.length).fill(0);
    for (const k of p.layerKinds) kindTotals[k]! += 1;
    let compute = c.head.forward + c.head.backward + c.mtp.forward + c.mtp.backward;
    let serial = 0, ep = 0;
    for (let i = 0; i < kindTotals.length; i++) {
      const n = kindTotals[i]!;
      const k = c.kinds[i]!, m = c.comms[i]!;
      compute += n * (k.forward + k.backward);
      serial += n * (m.tp + m.cp);
      ep += n * (m.epForward + m.epBackward);
    }
    if (c.mtpComm) {
      serial += p.mtpModules * (c.mtpComm.tp + c.mtpComm.cp);
      ep += p.mtpModules * (c.mtpComm.epForward + c.mtpComm.epBackward);
    }
    return { compute, serial, ep, ppSend: c.ppSend };
  });
}

/**
 * A lower bound on the step time of a layout (any ZeRO stage, any recomputation): the
 * slowest stage is at least the average one, recomputation and DP traffic only add.
 * Used to prune the search (branch and bound).
 */
export function lowerBoundSeconds(ctx: PlanContext, layout: Layout, t: BoundTerms): number {
  const pp = layout.pp;
  const m = microBatchesPerStep(ctx, layout);
  if (layout.schedule === 'dualpipe') {
    const tax = layout.ep > 1 ? 1 / (1 - ctx.eff.overlappedCommSmFraction) : 1;
    return m * (Math.max((t.compute * tax) / pp, t.ep / pp + t.ppSend) + t.serial / pp);
  }
  const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
  return (m + (pp - 1) / v) * ((t.compute + t.serial + t.ep) / pp + t.ppSend * v);
}

/** Full evaluation of one valid layout (structure already validated). */
export function evaluateLayout(ctx: PlanContext, layout: Layout, memory?: MemoryCheck): LayoutEvaluation {
  const stages = stagesFor(ctx, layout.pp)!;
  const m = microBatchesPerStep(ctx, layout);
  const mem = memory ?? checkMemory(ctx, layout, stages, m);
  const c = costsFor(ctx, layout);
  const times = stages.map((s) => stageTime(c, s, ctx.profile.mtpModules));
  const pp = layout.pp;
  const overlapEp = layout.schedule === 'dualpipe' && layout.ep > 1;
  const tax = overlapEp ? 1 / (1 - ctx.eff.overlappedCommSmFraction) : 1;

  let pipelineTime = 0, bubble = 0, compute = 0, slowRank = 0;
  let expTp = 0, expCp = 0, expEp = 0, expPp = 0, overlapped = 0;
  let fwdWindow = 0, bwdWindow = 0, perMbCompute = 0;
  if (layout.schedule === 'dualpipe') {
    let best = -1;
    let pick = { C: 0, F: 0, B: 0, W: 0, tp: 0, cp: 0, ep: 0, P: 0 };
    for (let r = 0; r < pp; r++) {
      const ids = rankStages(layout, r);
      const n = 2; // one micro-batch in each direction per pair of slots
      let F = 0, B = 0, W = 0, tp = 0, cp = 0, ep = 0;
      for (const s of ids.length === 1 ? [ids[0]!, ids[0]!] : ids) {
        const t = times[s]!;
        F += t.forward / n; B += t.backward / n; W += t.weightGrad / n; tp += t.tp / n; cp += t.cp / n; ep += t.ep / n;
      }
      F *= tax; B *= tax; W *= tax;
      const C = F + B;
      const P = Math.max(C, ep + c.ppSend) + tp + cp;
      if (P > best) { best = P; slowRank = r; pick = { C, F, B, W, tp, cp, ep, P }; }
    }
    bubble = Math.max(0, (pp / 2 - 1) * (pick.P + pick.B - 3 * pick.W));
    pipelineTime = m * pick.P + bubble;
    compute = m * pick.C;
    const overComm = pick.ep + c.ppSend;
    const excess = Math.max(0, overComm - pick.C);
    const share = overComm > 0 ? pick.ep / overComm : 0;
    expEp = m * excess * share; expPp = m * excess * (1 - share);
    expTp = m * pick.tp; expCp = m * pick.cp;
    overlapped = m * Math.min(overComm, pick.C);
    fwdWindow = pick.F; bwdWindow = pick.B; perMbCompute = pick.C;
  } else {
    const v = layout.schedule === 'interleaved' ? layout.virtualStages : 1;
    const sends = c.ppSend * v;
    let tmax = -1;
    let pick: StageTime = times[0]!;
    times.forEach((t, s) => {
      const total = t.forward + t.backward + t.tp + t.cp + t.ep + sends;
      if (total > tmax) { tmax = total; pick = t; slowRank = s; }
    });
    const slots = m + (pp - 1) / v;
    pipelineTime = slots * tmax;
    bubble = (slots - m) * tmax;
    compute = m * (pick.forward + pick.backward);
    expTp = m * pick.tp; expCp = m * pick.cp; expEp = m * pick.ep; expPp = m * sends;
    fwdWindow = pick.forward; bwdWindow = pick.backward; perMbCompute = pick.forward + pick.backward;
  }

  // data parallel: gradient reduction hides behind the last micro-batch's backward, the
  // parameter all-gather behind the first forward; ZeRO-3 gathers in every micro-batch
  const params = paramsByRank(ctx, layout, stages)[slowRank]!;
  const dpc = layout.dp * layout.cp > 1 || layout.ep > 1 ? dataParallelComm(ctx.cluster, layout, params.dense, params.expert) : { gradients: 0, parameters: 0 };
  let expDp = 0;
  if (layout.zero === 3) expDp = m * Math.max(0, 2 * dpc.parameters + dpc.gradients - perMbCompute);
  else expDp = Math.max(0, dpc.gradients - bwdWindow) + Math.max(0, dpc.parameters - fwdWindow);

  const edp = Math.max(1, (layout.tp * layout.cp * layout.dp) / layout.ep);
  const shard = layout.zero >= 1 ? params.dense / (layout.dp * layout.cp) + params.expert / edp : params.dense + params.expert;
  const moment = ctx.optimizer === 'bf16' ? BYTES_PER_ELEMENT.bf16 : BYTES_PER_ELEMENT.fp32;
  const optBytes = shard * (3 * BYTES_PER_ELEMENT.fp32 + BYTES_PER_ELEMENT.bf16 + 4 * moment);
  const optimizerStep = optBytes / (ctx.hw.hbmBytesPerSecond * ctx.eff.hbm);

  const stepTimeSeconds = pipelineTime + expDp + optimizerStep;
  const tokensPerStep = ctx.globalBatchSequences * ctx.profile.sequenceLength;
  const tokensPerSecondPerGpu = tokensPerStep / stepTimeSeconds / ctx.gpuCount;
  const mfu = (tokensPerSecondPerGpu * ctx.profile.mfuFlopsPerToken) / ctx.hw.bf16FlopsPerSecond;

  const timeBreakdown: TimeBreakdown = {
    compute,
    exposedCommunication: { tensorParallel: expTp, contextParallel: expCp, expertAllToAll: expEp, pipelineSend: expPp, dataParallel: expDp },
    pipelineBubble: bubble,
    optimizerStep,
    overlappedCommunication: overlapped,
  };
  const reasons = mem.fits ? [] : [memoryReason(ctx, mem)];
  return {
    layout, fits: mem.fits, reasons, stepTimeSeconds, tokensPerSecondPerGpu, mfu,
    memoryPerGpuBytes: mem.worst, timeBreakdown, bottleneck: bottleneckOf(timeBreakdown),
    layersPerStage: stages.map((s) => s.layers), microBatchesPerStep: m,
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
