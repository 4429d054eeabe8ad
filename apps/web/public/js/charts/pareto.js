// Scatter of the decode Pareto frontier: x = output tokens/s per user,
// y = output tokens/s per GPU, one labelled point per layout × batch.
import { svgElement } from '../svg.js';
import { axis, tickText } from './axis.js';

/**
 * @param {{x: number, y: number, label: string, detail: string, highlight?: boolean}[]} points
 * @param {{title: string, xLabel: string, yLabel: string, xMarker?: {value: number, label: string}, chosen?: {x: number, y: number, label: string, detail: string}, width?: number, height?: number}} options
 */
export function paretoChart(points, { title, xLabel, yLabel, xMarker, chosen, width = 720, height = 380 }) {
  const margin = { top: 16, right: 24, bottom: 46, left: 64 };
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
    svgElement('text', { x: margin.left + plotW / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, xLabel),
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
  // Label the chosen point first, then others far enough from every label already placed.
  const placed = chosen ? [[sx(chosen.x), sy(chosen.y)]] : [];
  const labelled = new Set();
  for (const p of [...sorted.filter((q) => q.highlight), ...sorted.filter((q) => !q.highlight)]) {
    const cx = sx(p.x);
    const cy = sy(p.y);
    if (placed.every(([x, y]) => Math.abs(x - cx) > 70 || Math.abs(y - cy) > 18)) {
      placed.push([cx, cy]);
      labelled.add(p);
    }
  }
  sorted.forEach((p, i) => {
    const cx = sx(p.x);
    const cy = sy(p.y);
    const group = svgElement('g', { class: p.highlight ? 'point chosen' : 'point' });
    group.append(svgElement('title', {}, p.detail));
    group.append(svgElement('circle', { cx, cy, r: p.highlight ? 6 : 4 }));
    if (labelled.has(p)) {
      const anchorEnd = cx > margin.left + plotW * 0.7;
      const dy = i % 2 === 0 ? -9 : 15;
      group.append(svgElement('text', { x: cx + (anchorEnd ? -7 : 7), y: cy + dy, 'text-anchor': anchorEnd ? 'end' : 'start', class: 'point-label' }, p.label));
    }
    svg.append(group);
  });
  if (chosen) {
    const cx = sx(chosen.x);
    const cy = sy(chosen.y);
    const group = svgElement('g', { class: 'point chosen' });
    group.append(
      svgElement('title', {}, chosen.detail),
      svgElement('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12, transform: `rotate(45 ${cx} ${cy})` }),
      svgElement('text', { x: cx + 10, y: cy - 10, class: 'point-label chosen-label' }, chosen.label),
    );
    svg.append(group);
  }
  return svg;
}
