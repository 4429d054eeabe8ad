// Scatter of the decode Pareto frontier: x = output tokens/s per user,
// y = output tokens/s per GPU, one labelled point per layout × batch.
import { svgElement } from '../svg.js';
import { axis, tickText } from './axis.js';

/** Estimated width of one character of a 10 px point label, and the label's height (for keeping labels apart). */
const LABEL_CHAR_WIDTH = 5.8;
const LABEL_HEIGHT = 12;

/**
 * @param {{x: number, y: number, label: string, detail: string, highlight?: boolean}[]} points
 * @param {{title: string, xLabel: string, yLabel: string, xMarker?: {value: number, label: string},
 *          chosen?: {x: number, y: number, label: string, detail: string}, average?: {x: number, y: number, label: string, detail: string},
 *          width?: number, height?: number}} options
 *        chosen: the chosen layout at capacity (◆); average: its operating point at average load (▲); both named in the legend below the plot
 */
export function paretoChart(points, { title, xLabel, yLabel, xMarker, chosen, average, width = 720, height = 380 }) {
  const legendItems = [
    ['frontier', 'candidate layouts × batch (frontier)'],
    ...(chosen ? [['chosen', chosen.label]] : []),
    ...(average ? [['average', average.label]] : []),
  ];
  const legendRow = 18;
  const legendHeight = legendItems.length * legendRow + 6;
  height += legendHeight;
  const margin = { top: 16, right: 24, bottom: 46 + legendHeight, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const xAxis = axis(Math.max(...points.map((p) => p.x), xMarker?.value ?? 0, chosen?.x ?? 0) * 1.08);
  const yAxis = axis(Math.max(...points.map((p) => p.y), chosen?.y ?? 0) * 1.08);
  const sx = (v) => margin.left + (plotW * v) / xAxis.top;
  const sy = (v) => margin.top + plotH - (plotH * v) / yAxis.top;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'pareto' });
  svg.append(svgElement('title', {}, title));

  for (const v of yAxis.values) {
    svg.append(
      svgElement('line', { x1: margin.left, x2: margin.left + plotW, y1: sy(v), y2: sy(v), class: 'grid' }),
      svgElement('text', { x: margin.left - 6, y: sy(v) + 4, 'text-anchor': 'end', class: 'tick' }, tickText(v)),
    );
  }
  for (const v of xAxis.values) {
    svg.append(
      svgElement('line', { x1: sx(v), x2: sx(v), y1: margin.top, y2: margin.top + plotH, class: 'grid' }),
      svgElement('text', { x: sx(v), y: margin.top + plotH + 16, 'text-anchor': 'middle', class: 'tick' }, tickText(v)),
    );
  }
  svg.append(
    svgElement('text', { x: margin.left + plotW / 2, y: margin.top + plotH + 36, 'text-anchor': 'middle', class: 'axis-label' }, xLabel),
    svgElement(
      'text',
      { x: 14, y: margin.top + plotH / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${margin.top + plotH / 2})`, class: 'axis-label' },
      yLabel,
    ),
  );
  if (xMarker) {
    const x = sx(xMarker.value);
    svg.append(
      svgElement('line', { x1: x, x2: x, y1: margin.top, y2: margin.top + plotH, class: 'slo' }),
      svgElement('text', { x: x + 4, y: margin.top + 12, class: 'slo-label' }, xMarker.label),
    );
  }
  const sorted = [...points].sort((a, b) => a.x - b.x);
  svg.append(svgElement('polyline', { points: sorted.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' '), class: 'frontier' }));
  // Labels: the highlighted point first, then the others, each at the first of four spots beside
  // its point whose box overlaps no label, mark or plot edge (a point left unlabelled keeps its tooltip).
  const boxes = [
    ...[chosen, average].filter(Boolean).map((m) => ({ x: sx(m.x) - 8, y: sy(m.y) - 8, w: 16, h: 16 })),
    ...sorted.map((q) => ({ x: sx(q.x) - 4, y: sy(q.y) - 4, w: 8, h: 8 })),
  ];
  const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const inside = (r) => r.x >= margin.left && r.x + r.w <= margin.left + plotW && r.y >= margin.top && r.y + r.h <= margin.top + plotH;
  const labels = new Map();
  for (const p of [...sorted.filter((q) => q.highlight), ...sorted.filter((q) => !q.highlight)]) {
    const cx = sx(p.x);
    const cy = sy(p.y);
    const w = p.label.length * LABEL_CHAR_WIDTH + 2;
    const spots = [
      { x: cx + 7, y: cy - 17, anchor: 'start' },
      { x: cx + 7, y: cy + 5, anchor: 'start' },
      { x: cx - 7 - w, y: cy - 17, anchor: 'end' },
      { x: cx - 7 - w, y: cy + 5, anchor: 'end' },
    ];
    const spot = spots.find((r) => inside({ ...r, w, h: LABEL_HEIGHT }) && !boxes.some((b) => overlaps({ ...r, w, h: LABEL_HEIGHT }, b)));
    if (!spot) continue;
    boxes.push({ x: spot.x, y: spot.y, w, h: LABEL_HEIGHT });
    labels.set(p, spot);
  }
  for (const p of sorted) {
    const cx = sx(p.x);
    const cy = sy(p.y);
    const group = svgElement('g', { class: p.highlight ? 'point chosen' : 'point' });
    group.append(svgElement('title', {}, p.detail));
    group.append(svgElement('circle', { cx, cy, r: p.highlight ? 6 : 4 }));
    const spot = labels.get(p);
    if (spot) {
      const w = p.label.length * LABEL_CHAR_WIDTH + 2;
      const x = spot.anchor === 'end' ? spot.x + w : spot.x;
      group.append(svgElement('text', { x, y: spot.y + LABEL_HEIGHT - 2, 'text-anchor': spot.anchor, class: 'point-label' }, p.label));
    }
    svg.append(group);
  }
  if (average) {
    const cx = sx(average.x);
    const cy = sy(average.y);
    const group = svgElement('g', { class: 'point average' });
    group.append(svgElement('title', {}, average.detail), svgElement('path', { d: triangle(cx, cy, 7) }));
    svg.append(group);
  }
  if (chosen) {
    const cx = sx(chosen.x);
    const cy = sy(chosen.y);
    const group = svgElement('g', { class: 'point chosen' });
    group.append(
      svgElement('title', {}, chosen.detail),
      svgElement('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12, transform: `rotate(45 ${cx} ${cy})` }),
    );
    svg.append(group);
  }
  // the legend names each kind of mark, so no label is placed over the plot for them
  const legendTop = margin.top + plotH + 56;
  legendItems.forEach(([kind, text], i) => {
    const y = legendTop + i * legendRow;
    const x = margin.left;
    const mark =
      kind === 'frontier'
        ? svgElement('circle', { cx: x + 6, cy: y - 4, r: 4 })
        : kind === 'chosen'
          ? svgElement('rect', { x: x + 1, y: y - 9, width: 10, height: 10, transform: `rotate(45 ${x + 6} ${y - 4})` })
          : svgElement('path', { d: triangle(x + 6, y - 4, 6) });
    const group = svgElement('g', { class: `legend-item point ${kind}` });
    group.append(mark, svgElement('text', { x: x + 18, y, class: 'legend-label' }, text));
    svg.append(group);
  });
  return svg;
}

/** An upward triangle centred on (cx, cy). */
function triangle(cx, cy, r) {
  return `M ${cx} ${cy - r} L ${cx + r * 0.87} ${cy + r * 0.5} L ${cx - r * 0.87} ${cy + r * 0.5} Z`;
}
