// The decode Pareto frontier of an inference plan: every candidate layout × batch (throughput per
// GPU against speed per user), the chosen decode layout at its engine capacity, and the operating
// point at the day's average load (the pool runs below capacity: whole instances at a utilisation,
// through the day), each named in the legend.
import { paretoChart } from './charts/pareto.js';
import { number, percent, tokensPerSecond } from './format.js';
import { servingLayoutLong, servingLayoutShort } from './layouts.js';
import { chartFigure, el } from './results.js';

/** GPUs of a serving layout. */
const gpusOf = (p) => p?.gpuCount ?? (p ? p.attentionTp * p.attentionDp * (p.pp ?? 1) : undefined);

/**
 * The decode pool in Pareto coordinates: at engine capacity (its SLO batch) and at the day's
 * average load (output tokens per provisioned GPU), when the response has what it takes.
 */
export function decodePoints(decode, mode) {
  const p = decode.parallelism;
  const gpus = gpusOf(p);
  const perUser = decode.outputTokensPerSecondPerUser;
  const capacityPerNode = decode.capacityTokensPerSecondPerNode ?? decode.tokensPerSecondPerNode;
  if (!gpus || !decode.nodesPerInstance || !Number.isFinite(perUser) || !Number.isFinite(capacityPerNode)) return {};
  const perGpu = (perNode) => (perNode * decode.nodesPerInstance) / gpus;
  // with an aggregated fleet chosen, the decode pool is the disaggregated alternative's
  const pool = mode === 'aggregated' ? 'decode pool (not chosen)' : 'chosen decode layout';
  const layout = `${servingLayoutShort(p)} b${number(decode.batchPerInstance ?? 0, 0)}`;
  const capacity = {
    x: perUser,
    y: perGpu(capacityPerNode),
    label: `${pool} at capacity: ${layout}`,
    detail: `${pool} ${layout} at engine capacity: ${tokensPerSecond(perUser)} per user, ${tokensPerSecond(perGpu(capacityPerNode))} per GPU`,
  };
  if (!Number.isFinite(decode.tokensPerSecondPerNode) || decode.tokensPerSecondPerNode <= 0) return { capacity };
  const share = decode.tokensPerSecondPerNode / capacityPerNode;
  const average = {
    x: perUser,
    y: perGpu(decode.tokensPerSecondPerNode),
    label: `operating point at average load (${percent(share, 0)} of capacity)`,
    detail: `Decode pool at the day's average load: ${tokensPerSecond(perGpu(decode.tokensPerSecondPerNode))} per provisioned GPU, ${percent(share)} of engine capacity (whole instances at the utilisation, through the day)`,
  };
  return { capacity, average };
}

/** The figure: frontier, capacity point, average-load point, SLO line; a note when there is nothing to draw. */
export function paretoFigure(plan, request) {
  const points = (plan.pareto ?? []).filter((p) => Number.isFinite(p.outputTokensPerSecondPerUser) && Number.isFinite(p.outputTokensPerSecondPerGpu));
  if (points.length === 0) {
    return el('p', { class: 'note', id: 'inf-pareto', text: 'No decode Pareto points: no candidate layout fits or meets the speed floor.' });
  }
  const chosen = plan.decode ?? {};
  const sameLayout = (a, b) => a && b && ['attentionTp', 'attentionDp', 'moeTp', 'moeEp'].every((k) => a[k] === b[k]);
  const slo = request.slo?.minOutputTokensPerSecondPerUser;
  const { capacity, average } = plan.feasible ? decodePoints(chosen, plan.mode) : {};
  return chartFigure(
    'Decode Pareto frontier — throughput per GPU vs speed per user (labels: layout, b = sequences in flight per instance)',
    paretoChart(
      points.map((p) => ({
        x: p.outputTokensPerSecondPerUser,
        y: p.outputTokensPerSecondPerGpu,
        label: `${servingLayoutShort(p.parallelism ?? {})} b${p.batch}`,
        detail: `${servingLayoutLong(p.parallelism ?? {})}; batch ${p.batch}: ${tokensPerSecond(p.outputTokensPerSecondPerUser)} per user, ${tokensPerSecond(p.outputTokensPerSecondPerGpu)} per GPU`,
        highlight: sameLayout(p.parallelism, chosen.parallelism) && p.batch === chosen.batchPerInstance,
      })),
      {
        title: 'Decode Pareto frontier',
        xLabel: 'Output tokens/s per user',
        yLabel: 'Output tokens/s per GPU',
        ...(capacity ? { chosen: capacity } : {}),
        ...(average ? { average } : {}),
        ...(slo ? { xMarker: { value: slo, label: `SLO ≥ ${number(slo, 1)} tok/s` } } : {}),
      },
    ),
    'inf-pareto',
  );
}
