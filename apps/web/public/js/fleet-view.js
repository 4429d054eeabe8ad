// The fleet parts of an inference plan: pools in whole instances, provisioned nodes hour by
// hour, the alternatives the search weighed, and aggregated vs disaggregated side by side.
// Responses saved before these fields existed render with "—" (or without the part).
import { hourlyColumns } from './charts/hourly.js';
import { milliseconds, number, percent, tokensPerSecond, usd } from './format.js';
import { servingLayoutLong, servingLayoutShort } from './layouts.js';
import { chartFigure, el, table } from './results.js';

const known = (value) => typeof value === 'number' && Number.isFinite(value);
const optional = (value, format) => (known(value) ? format(value) : '—');
/** Whole counts as such; older plans' fractional instance counts with two decimals. */
const count = (v) => number(v, Number.isInteger(v) ? 0 : 2);
const joinKnown = (parts) => parts.filter((s) => s !== '—').join(' · ') || '—';

function layoutCell(parallelism) {
  return parallelism ? el('span', { title: servingLayoutLong(parallelism), text: servingLayoutShort(parallelism) }) : '—';
}

/** "14.7 % of 48.2 %": the share of engine capacity the load uses over the day against the share sized for. */
function utilizationCell(pool, sized) {
  if (!known(pool.deliveredUtilization)) return optional(sized, (v) => `sized ${percent(v)}`);
  return `${percent(pool.deliveredUtilization)} of ${optional(sized, (v) => percent(v))}`;
}

function poolRow(name, pool, sized, throughput, latency) {
  return [
    name,
    layoutCell(pool.parallelism),
    optional(pool.nodesPerInstance, (v) => number(v, 0)),
    optional(pool.instances, count),
    optional(pool.averageInstances, (v) => number(v, 2)),
    `${optional(pool.averageNodes ?? pool.nodes, (v) => number(v, 2))} / ${optional(pool.peakNodes, (v) => number(v, 0))}`,
    utilizationCell(pool, pool.utilization ?? sized),
    optional(pool.dailyCostUsd, usd),
    throughput,
    latency,
  ];
}

const POOL_HEADERS = [
  'Pool',
  'Layout',
  'Nodes per instance',
  'Instances at peak',
  'Average instances',
  'Nodes (avg / peak)',
  'Utilisation (delivered of sized)',
  'Daily cost',
  'Tokens/s per node (day average)',
  'Latency',
];
const POOL_CAPTION =
  'Whole instances, provisioned hour by hour. Utilisation: the share of the provisioned engine capacity the load uses over the day, ' +
  'of the share instances are sized for. Prefill tokens/s count cache hits (DeepSeek’s convention). Hover a layout for its full shape.';

function disaggregatedTable(plan) {
  const p = plan.prefill ?? {};
  const d = plan.decode ?? {};
  return table(
    POOL_HEADERS,
    [
      poolRow(
        'Prefill',
        p,
        plan.utilization,
        optional(p.tokensPerSecondPerNode, (v) => `${tokensPerSecond(v)} in`),
        optional(p.ttftMs, (v) => `TTFT ${milliseconds(v)}`),
      ),
      poolRow(
        'Decode',
        d,
        plan.utilization,
        optional(d.tokensPerSecondPerNode, (v) => `${tokensPerSecond(v)} out`),
        joinKnown([
          optional(d.outputTokensPerSecondPerUser, (v) => `${tokensPerSecond(v)} per user`),
          optional(d.tpotMs, (v) => `TPOT ${milliseconds(v)}`),
          optional(d.batchPerInstance, (v) => `batch ${number(v, 0)}`),
        ]),
      ),
    ],
    { id: 'inf-pools', caption: POOL_CAPTION },
  );
}

function aggregatedTable(plan) {
  const a = plan.aggregated;
  const t = a.tokensPerSecondPerNode ?? {};
  return table(
    POOL_HEADERS,
    [
      poolRow(
        'Aggregated',
        a,
        plan.utilization,
        joinKnown([optional(t.input, (v) => `${tokensPerSecond(v)} in`), optional(t.output, (v) => `${tokensPerSecond(v)} out`)]),
        joinKnown([
          optional(a.outputTokensPerSecondPerUser, (v) => `${tokensPerSecond(v)} per user`),
          optional(a.ttftMs, (v) => `TTFT ${milliseconds(v)}`),
          optional(a.tpotMs, (v) => `TPOT ${milliseconds(v)}`),
          optional(a.batchPerInstance, (v) => `batch ${number(v, 0)}`),
        ]),
      ),
    ],
    { id: 'inf-aggregated', caption: POOL_CAPTION },
  );
}

const MODE_TEXT = { disaggregated: 'disaggregated prefill / decode pools', aggregated: 'aggregated (one pool serves prefill and decode)' };

/** The chosen fleet's pools, then — when both modes were weighed — the other mode's. */
export function poolTables(plan) {
  const chosen = plan.mode === 'aggregated' && plan.aggregated ? 'aggregated' : 'disaggregated';
  const other = chosen === 'aggregated' ? 'disaggregated' : 'aggregated';
  const tableOf = (mode) => (mode === 'aggregated' ? aggregatedTable(plan) : disaggregatedTable(plan));
  const out = [el('h4', { id: 'inf-chosen-heading', text: `Chosen fleet: ${MODE_TEXT[chosen]}` }), tableOf(chosen)];
  const otherWeighed = other === 'aggregated' ? Boolean(plan.aggregated) : Boolean(plan.comparison);
  if (otherWeighed) {
    const summary = plan.comparison?.[other];
    const why = summary && !summary.feasible ? ` — not feasible: ${(summary.reasons ?? []).join('; ') || 'no layout meets the SLO'}` : '';
    out.push(el('h4', { text: `Not chosen: ${MODE_TEXT[other]}${why}` }), tableOf(other));
  }
  return out;
}

/** Provisioned nodes in each hour for the chosen fleet (prefill and decode stacked when they add up). */
export function hourlyFigure(plan) {
  const nodes = plan.hourlyNodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return undefined;
  const poolNodes = (pool) =>
    Array.isArray(pool?.hourlyInstances) && known(pool.nodesPerInstance) ? pool.hourlyInstances.map((n) => n * pool.nodesPerInstance) : undefined;
  const prefill = poolNodes(plan.prefill);
  const decode = poolNodes(plan.decode);
  const stacked = plan.mode !== 'aggregated' && prefill && decode && nodes.every((n, h) => Math.abs(prefill[h] + decode[h] - n) < 1e-9);
  const series = stacked
    ? [
        { label: 'Prefill nodes', values: prefill },
        { label: 'Decode nodes', values: decode },
      ]
    : [{ label: plan.mode === 'aggregated' ? 'Aggregated nodes' : 'Nodes', values: nodes }];
  const nodesText = (v) => `${number(v, 0)} node${v === 1 ? '' : 's'}`;
  const caption =
    `Provisioned nodes through the day — ${plan.mode ?? 'disaggregated'} fleet in whole instances` +
    ` (peak ${optional(plan.peakNodes, (v) => number(v, 0))}, average ${optional(plan.averageNodes, (v) => number(v, 2))})`;
  return chartFigure(caption, hourlyColumns(series, { title: 'Provisioned nodes per hour', yLabel: 'Nodes', format: nodesText }), 'inf-hourly-nodes');
}

const ROLES = ['prefill', 'decode', 'aggregated'];

/** Plans the search weighed and did not choose: mode, layouts, cost, nodes and why each lost. */
export function alternativesTable(plan) {
  const alternatives = plan.alternatives;
  if (!Array.isArray(alternatives)) return undefined; // a plan saved before alternatives existed
  const heading = el('h4', { text: 'Alternatives' });
  if (alternatives.length === 0) {
    return el(
      'div',
      {},
      heading,
      el('p', { class: 'note', id: 'inf-alternatives', text: 'No alternatives: the layouts were pinned, or nothing else was weighed.' }),
    );
  }
  const rows = alternatives.map((alt) => {
    const roles = ROLES.filter((role) => alt.parallelism?.[role]);
    const multi = roles.length > 1;
    const layouts = el(
      'span',
      {},
      ...roles.flatMap((role, i) => [i > 0 ? ' · ' : undefined, multi ? `${role} ` : undefined, layoutCell(alt.parallelism[role])]).filter(Boolean),
    );
    return [
      `${alt.mode}${alt.feasible === false ? ' (not feasible)' : ''}`,
      roles.length > 0 ? layouts : '—',
      roles.map((role) => `${multi ? `${role} ` : ''}${optional(alt.nodesPerInstance?.[role], (v) => number(v, 0))}`).join(' · ') || '—',
      optional(alt.dailyCostUsd, usd),
      optional(alt.averageNodes, (v) => number(v, 2)),
      optional(alt.peakNodes, (v) => number(v, 0)),
      el('span', { class: 'wrap', text: alt.whyNot ?? '—' }),
    ];
  });
  return el(
    'div',
    {},
    heading,
    table(['Mode', 'Layout', 'Nodes per instance', 'Daily cost', 'Average nodes', 'Peak nodes', 'Why not'], rows, {
      id: 'inf-alternatives',
      caption: 'The next-best fleets the search weighed (up to five), in whole instances at the same utilisation, SLO and price.',
    }),
  );
}

/** Aggregated vs disaggregated, when the plan compared them (mode "auto" or "aggregated"). */
export function comparisonTable(plan) {
  const cmp = plan.comparison;
  if (!cmp) return undefined;
  const row = (name, m) =>
    m
      ? [
          name + (cmp.chosen === name ? ' (chosen)' : ''),
          m.feasible ? 'yes' : `no — ${(m.reasons ?? []).join('; ')}`,
          optional(m.averageNodes, (v) => number(v, 1)),
          optional(m.peakNodes, (v) => number(v, 0)),
          optional(m.dailyCostUsd, usd),
          optional(m.costPerMillionTokensUsd?.inputCacheMiss, usd),
          optional(m.costPerMillionTokensUsd?.output, usd),
        ]
      : undefined;
  return table(
    ['Mode', 'Feasible', 'Average nodes', 'Peak nodes', 'Daily cost', '$/M input (miss)', '$/M output'],
    [row('disaggregated', cmp.disaggregated), row('aggregated', cmp.aggregated)].filter(Boolean),
    { id: 'inf-comparison', caption: 'Aggregated vs disaggregated serving for the same workload, SLO and price, each in whole instances.' },
  );
}
