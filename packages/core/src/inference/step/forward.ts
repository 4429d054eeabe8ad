import { communicationSmShare } from '../../kernels/communication-sms.js';
import { FP8_WITH_SCALES_BYTES_PER_VALUE } from '../../kernels/fp8-scaling.js';
import { MLA_DECODE_ATTENTION_EFFICIENCY } from '../../kernels/kernel-ceilings.js';
import { convert, BYTES_PER_ELEMENT } from '../../units/units.js';
import { allReduceS, epAllToAllS, links } from './comm.js';
import { gemmEfficiency, routingMaxOverMean, stepOverheadMs } from './efficiency.js';
import { expertSlotsPerGpu, kvElementsPerTokenPerLayerPerGpu } from '../memory/memory.js';
import { peakTflops } from '../memory/precision.js';
import type { ServingSetup } from '../serving/setup.js';
import { layerKeys } from '../memory/shape.js';
import { weightBytesPerElement } from '../memory/precision.js';

/** One forward pass over every layer of the instance, seen from its busiest GPU. Times in seconds. */
export interface PassTime {
  readonly timeS: number;
  /** Sum over ops of max(memory, compute) — the roofline part. */
  readonly rooflineS: number;
  readonly memoryS: number;
  readonly computeS: number;
  readonly commS: number;
  readonly exposedCommS: number;
  readonly overheadS: number;
  readonly bytesRead: number;
  readonly flops: number;
}

export interface PassInput {
  /** Query tokens each attention-DP rank processes in this pass. */
  readonly tokensPerRank: number;
  /** Sequences per attention-DP rank whose KV is read (decode: the batch; prefill: requests in the chunk). */
  readonly sequencesPerRank: number;
  /** Keys each query attends to, mean (before sliding-window caps). */
  readonly meanKeys: number;
  /** Cached keys read per sequence (decode: its context; prefill: its cached prefix). */
  readonly kvKeysPerSequence: number;
  readonly phase: 'prefill' | 'decode';
  /** Extra layers run per pass (MTP draft modules), as a count of MoE/dense layers of the last kind. */
  readonly extraLayers?: number;
  /** Attention-DP ranks busy in this pass (default all; a lone prompt keeps one busy). */
  readonly activeRanks?: number;
}

/**
 * Per-op roofline: each weight GEMM costs max(weight bytes ÷ HBM, FLOPs ÷ (GEMM peak · η(M))) with
 * η rising with the GEMM's M (tokens in it); the attention core max(KV bytes ÷ HBM, FLOPs ÷
 * attention peak). Routed-expert GEMMs are sized on the busiest EP rank. Communication per layer is
 * serial, or with two-batch overlap exposed only beyond the layer's compute.
 */
export function forwardPass(s: ServingSetup, p: PassInput): PassTime {
  const { shape, layout, gpu, eff } = s;
  const l = links(gpu);
  const hbmBps = convert(gpu.hbmBandwidthTBps.value, 'TB', 'B') * eff.hbmBandwidthFraction;
  const gemmPeakFlopsPerS = convert(peakTflops(gpu, s.compute), 'TFLOP', 'FLOP');
  // MLA decode runs FlashMLA (its published efficiency); every other attention kernel the fitted one
  const attnEfficiency = p.phase === 'decode' && shape.arch.attention.mla ? MLA_DECODE_ATTENTION_EFFICIENCY : eff.attentionEfficiency;
  const attnFlopsPerS = convert(gpu.denseTflops.bf16.value, 'TFLOP', 'FLOP') * attnEfficiency;
  const wb = weightBytesPerElement(s.weights);
  const bf16 = BYTES_PER_ELEMENT.bf16;
  const tp = layout.attentionTp;
  const T = p.tokensPerRank;
  const stageTokens = T * Math.min(p.activeRanks ?? layout.attentionDp, layout.attentionDp);
  const slots = expertSlotsPerGpu(shape, layout);
  const replicas = shape.numExperts + layout.redundantExperts;
  // routed tokens on the busiest EP rank: popularity skew (input) × routing statistics over the EP ranks
  const meanExpertTokens = replicas > 0 ? stageTokens * shape.topK * (slots / replicas) * s.expertSkew : 0;
  const expertTokens = meanExpertTokens * routingMaxOverMean(meanExpertTokens, layout.moeEp);
  const touchP = replicas > 0 ? 1 - (1 - Math.min(1, shape.topK / replicas)) ** (stageTokens * s.expertSkew) : 0;
  const touched = slots * touchP;
  const tokensPerExpert = touched > 0 ? expertTokens / touched : 0;
  const kvElems = kvElementsPerTokenPerLayerPerGpu(shape, tp);
  const attnCoef = p.phase === 'decode' ? shape.decodeAttnFlopsPerKey : shape.prefillAttnFlopsPerKey;
  // FP8 dispatch carries one FP32 scale per 128 values (V3 report §3.3); combine stays BF16
  const dispatchB = s.compute === 'fp8' || s.compute === 'fp4' ? FP8_WITH_SCALES_BYTES_PER_VALUE : bf16;
  const tokensPerGpu = stageTokens / layout.gpusPerStage;

  // Two-batch overlap: one micro-batch's all-to-all runs under the other's compute, so a layer
  // costs max(compute, comm); only comm beyond the compute is exposed. Prefill-sized batches use
  // SM-driven all-to-all kernels that take `communicationSms` of the GPU's SMs from the overlapped
  // compute (decode's low-latency kernels take none). Without overlap, comm is serial.
  const smTax = p.phase === 'prefill' ? communicationSmShare(gpu, eff.communicationSms) : 0;
  const exposedComm = (compute: number, c: number): number => {
    if (c <= 0) return 0;
    if (!s.twoBatchOverlap) return c;
    const slowed = compute / (1 - smTax);
    return Math.max(slowed, c) - compute;
  };
  let mem = 0,
    comp = 0,
    roof = 0,
    comm = 0,
    exposed = 0,
    bytes = 0,
    flops = 0;
  // a weight GEMM of M = `rows` tokens: max(weight bytes ÷ HBM, FLOPs ÷ (peak · η(M)))
  const gemm = (wBytes: number, f: number, rows: number): number => {
    const m = wBytes / hbmBps,
      c = f > 0 ? f / (gemmPeakFlopsPerS * gemmEfficiency(eff, rows)) : 0;
    mem += m;
    comp += c;
    bytes += wBytes;
    flops += f;
    return Math.max(m, c);
  };
  const layerCost = (ffn: 'dense' | 'moe', keys: number, kvKeys: number): { compute: number; comm: number } => {
    let t = 0;
    // attention projections (TP-split, replicated per DP rank)
    t += gemm((shape.attnParams / tp) * wb, ((2 * shape.attnParams) / tp) * T, T);
    // attention core
    const kvBytes = p.sequencesPerRank * kvKeys * kvElems * s.kvBytesPerElement;
    const aFlops = (attnCoef / tp) * keys * T;
    const am = kvBytes / hbmBps,
      ac = aFlops / attnFlopsPerS;
    mem += am;
    comp += ac;
    bytes += kvBytes;
    flops += aFlops;
    t += Math.max(am, ac);
    let c = 0;
    if (tp > 1) c += allReduceS(l, T * shape.hidden * bf16, tp);
    if (ffn === 'dense') {
      t += gemm((shape.denseFfnParams / tp) * wb, ((2 * shape.denseFfnParams) / tp) * T, T);
      if (tp > 1) c += allReduceS(l, T * shape.hidden * bf16, tp);
    } else {
      t += gemm((shape.sharedExpertParams / tp) * wb, ((2 * shape.sharedExpertParams) / tp) * T, T);
      t += gemm(((touched * shape.perRoutedExpert) / layout.moeTp) * wb, (2 * expertTokens * shape.perRoutedExpert) / layout.moeTp, tokensPerExpert);
      if (layout.moeEp > 1) {
        c += epAllToAllS(l, {
          tokens: tokensPerGpu,
          topK: shape.topK,
          numExperts: shape.numExperts,
          epRanks: layout.moeEp,
          hidden: shape.hidden,
          dispatchBytesPerElement: dispatchB,
          combineBytesPerElement: bf16,
          routeGroups: shape.routeGroups,
          routeGroupLimit: shape.routeGroupLimit,
        });
      }
      if (layout.moeTp > 1) {
        // MoE-TP: tokens of the stage meet on every TP slice and are reduced back
        const group = layout.attentionDp > 1 ? layout.gpusPerStage : tp;
        c += allReduceS(l, (group === tp ? T : stageTokens) * shape.hidden * bf16, group);
      }
    }
    return { compute: t, comm: c };
  };

  // run one layer of a kind and scale its accumulated figures by how many such layers there are
  const addLayers = (count: number, ffn: 'dense' | 'moe', keys: number, kvKeys: number): void => {
    const before = { mem, comp, bytes, flops };
    const { compute, comm: c } = layerCost(ffn, keys, kvKeys);
    mem = before.mem + count * (mem - before.mem);
    comp = before.comp + count * (comp - before.comp);
    bytes = before.bytes + count * (bytes - before.bytes);
    flops = before.flops + count * (flops - before.flops);
    roof += count * compute;
    comm += count * c;
    exposed += count * exposedComm(compute, c);
  };
  for (const g of shape.groups) {
    addLayers(g.count, g.ffn, layerKeys(shape, g, p.meanKeys), layerKeys(shape, g, p.kvKeysPerSequence));
  }
  const extra = p.extraLayers ?? 0;
  const last = shape.groups[shape.groups.length - 1];
  if (extra > 0 && last) addLayers(extra, last.ffn, layerKeys(shape, last, p.meanKeys), layerKeys(shape, last, p.kvKeysPerSequence));
  // LM head: decode computes logits for every token; prefill only for each sequence's last token
  const headTokens = p.phase === 'decode' ? T : p.sequencesPerRank;
  roof += gemm((shape.headParams / tp) * bf16, ((2 * shape.headParams) / tp) * headTokens, headTokens);
  // per-layer gaps: CUDA-graph decode vs eager prefill (whose MoE layers run more small kernels)
  let gapUs = (p.phase === 'prefill' ? eff.prefillLayerOverheadUs : eff.layerOverheadUs) * (shape.numLayers + extra);
  if (p.phase === 'prefill') for (const g of shape.groups) if (g.ffn === 'moe') gapUs += eff.prefillMoeLayerOverheadUs * g.count;
  const overheadS = convert(stepOverheadMs(eff, s.backend), 'ms', 's') + convert(gapUs, 'us', 's');
  return {
    timeS: roof + exposed + overheadS,
    rooflineS: roof,
    memoryS: mem,
    computeS: comp,
    commS: comm,
    exposedCommS: exposed,
    overheadS,
    bytesRead: bytes,
    flops,
  };
}
