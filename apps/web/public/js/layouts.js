// Short and long names for parallel layouts (inference and training).

/** {attentionTp, attentionDp, moeTp, moeEp, pp} → "DP32·EP32" / "TP8·EP8". */
export function servingLayoutShort(p) {
  const parts = [];
  if (p.attentionTp > 1) parts.push(`TP${p.attentionTp}`);
  if (p.attentionDp > 1) parts.push(`DP${p.attentionDp}`);
  if (p.moeEp > 1) parts.push(`EP${p.moeEp}`);
  if (p.moeTp > 1 && p.moeTp !== p.attentionTp) parts.push(`MoE-TP${p.moeTp}`);
  if ((p.pp ?? 1) > 1) parts.push(`PP${p.pp}`);
  return parts.join('·') || 'single GPU';
}

export function servingLayoutLong(p) {
  const gpus = p.gpuCount ?? p.attentionTp * p.attentionDp * (p.pp ?? 1);
  const redundant = p.redundantExperts ? `, ${p.redundantExperts} redundant experts` : '';
  const pp = (p.pp ?? 1) > 1 ? `, PP ${p.pp}` : '';
  return `attention TP ${p.attentionTp} × DP ${p.attentionDp}, MoE TP ${p.moeTp} × EP ${p.moeEp}${redundant}${pp} — ${gpus} GPUs per instance`;
}

/** Training layout: "TP1 · PP16 · DP128 · EP64 · ZeRO-1 · micro-batch 1 · DualPipe". */
export function trainingLayout(l) {
  const schedule =
    { '1f1b': '1F1B', interleaved: `interleaved${l.virtualStages > 1 ? ` ×${l.virtualStages}` : ''}`, dualpipe: 'DualPipe', zerobubble: 'zero-bubble' }[
      l.schedule
    ] ?? l.schedule;
  const parts = [`TP${l.tp}`, `PP${l.pp}`, `DP${l.dp}`, `EP${l.ep}`];
  if ((l.cp ?? 1) > 1) parts.push(`CP${l.cp}`);
  parts.push(`ZeRO-${l.zero}`, `micro-batch ${l.microBatchSize}`, schedule);
  if (l.recompute && l.recompute !== 'none') parts.push(`${l.recompute} recompute`);
  return parts.join(' · ');
}
