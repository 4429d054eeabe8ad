// Line chart over a numeric x axis (e.g. cumulative cost of owning vs renting, month by month),
// one polyline per series, an optional vertical marker (break-even) and a legend.
import { svgElement } from '../svg.js';
import { axis } from './axis.js';

/**
 * @param {{key: string, label: string, points: {x: number, y: number}[]}[]} series
 * @param {{title: string, xLabel: string, yLabel: string, xFormat?: (v: number) => string, yFormat: (v: number) => string,
 *          pointFormat?: (series: string, x: number, y: number) => string, marker?: {x: number, label: string}, width?: number, height?: number}} options
 */
export function lineChart(series, { title, xLabel, yLabel, xFormat = String, yFormat, pointFormat, marker, width = 720, height = 300 }) {
  const margin = { top: 16, right: 20, bottom: 64, left: 76 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => s.points);
  const xAxis = axis(Math.max(...all.map((p) => p.x), 0), 6);
  const yAxis = axis(Math.max(...all.map((p) => p.y), 0) * 1.05);
  const sx = (v) => margin.left + (plotW * v) / xAxis.top;
  const sy = (v) => margin.top + plotH - (plotH * v) / yAxis.top;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'lines' });
  svg.append(svgElement('title', {}, title));

  for (const v of yAxis.values) {
    svg.append(
      svgElement('line', { x1: margin.left, x2: margin.left + plotW, y1: sy(v), y2: sy(v), class: 'grid' }),
      svgElement('text', { x: margin.left - 6, y: sy(v) + 4, 'text-anchor': 'end', class: 'tick' }, yFormat(v)),
    );
  }
  for (const v of xAxis.values) {
    svg.append(svgElement('text', { x: sx(v), y: margin.top + plotH + 16, 'text-anchor': 'middle', class: 'tick' }, xFormat(v)));
  }
  svg.append(
    svgElement('text', { x: margin.left + plotW / 2, y: margin.top + plotH + 34, 'text-anchor': 'middle', class: 'axis-label' }, xLabel),
    svgElement(
      'text',
      { x: 14, y: margin.top + plotH / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${margin.top + plotH / 2})`, class: 'axis-label' },
      yLabel,
    ),
  );
  if (marker) {
    const x = sx(marker.x);
    const anchorEnd = x > margin.left + plotW * 0.75;
    const group = svgElement('g', { class: 'marker', 'data-x': marker.x });
    group.append(
      svgElement('line', { x1: x, x2: x, y1: margin.top, y2: margin.top + plotH, class: 'marker-line' }),
      svgElement('text', { x: anchorEnd ? x - 6 : x + 6, y: margin.top + 12, 'text-anchor': anchorEnd ? 'end' : 'start', class: 'marker-label' }, marker.label),
    );
    svg.append(group);
  }
  series.forEach((s, i) => {
    const group = svgElement('g', { class: `series series-${i}`, 'data-key': s.key });
    group.append(svgElement('polyline', { points: s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' '), class: `line line-${i}` }));
    if (pointFormat) {
      // invisible hit targets with a tooltip, one per point (every point when few, else a sample)
      const every = Math.max(1, Math.ceil(s.points.length / 61));
      s.points.forEach((p, j) => {
        if (j % every !== 0 && j !== s.points.length - 1) return;
        const dot = svgElement('circle', { cx: sx(p.x), cy: sy(p.y), r: 4, class: 'hit' });
        dot.append(svgElement('title', {}, pointFormat(s.label, p.x, p.y)));
        group.append(dot);
      });
    }
    svg.append(group);
  });
  const ly = height - 8;
  let lx = margin.left;
  series.forEach((s, i) => {
    if (i > 0) lx += 24 + 7 * series[i - 1].label.length + 24; // swatch, the previous label (≈ 7 px a character), a gap
    svg.append(
      svgElement('line', { x1: lx, x2: lx + 18, y1: ly - 4, y2: ly - 4, class: `line line-${i}` }),
      svgElement('text', { x: lx + 24, y: ly, class: 'label' }, s.label),
    );
  });
  return svg;
}
