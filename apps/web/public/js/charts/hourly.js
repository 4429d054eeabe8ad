// 24 vertical columns, one per hour of the day, optionally stacked (e.g. prefill + decode nodes),
// with the total above each column and a legend when there is more than one series.
import { svgElement } from '../svg.js';
import { axis, tickText } from './axis.js';
import { SEGMENT_CLASSES } from './stacked.js';

/**
 * @param {{label: string, values: number[]}[]} series  stacked bottom to top; every series has one value per hour
 * @param {{title: string, yLabel: string, format: (v: number) => string, width?: number, height?: number}} options
 */
export function hourlyColumns(series, { title, yLabel, format, width = 720, height = 240 }) {
  const hours = Math.max(0, ...series.map((s) => s.values.length));
  const totals = Array.from({ length: hours }, (_, h) => series.reduce((sum, s) => sum + (s.values[h] ?? 0), 0));
  const legend = series.length > 1;
  const margin = { top: 18, right: 12, bottom: legend ? 60 : 38, left: 52 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const yAxis = axis(Math.max(...totals, 0) * 1.12);
  const sy = (v) => margin.top + plotH - (plotH * v) / yAxis.top;
  const slot = plotW / Math.max(hours, 1);
  const barW = Math.max(2, slot * 0.72);
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'hourly' });
  svg.append(svgElement('title', {}, title));

  for (const v of yAxis.values) {
    svg.append(
      svgElement('line', { x1: margin.left, x2: margin.left + plotW, y1: sy(v), y2: sy(v), class: 'grid' }),
      svgElement('text', { x: margin.left - 6, y: sy(v) + 4, 'text-anchor': 'end', class: 'tick' }, tickText(v)),
    );
  }
  svg.append(svgElement('text', { x: margin.left + plotW / 2, y: margin.top + plotH + 31, 'text-anchor': 'middle', class: 'axis-label' }, 'Hour of the day'));
  svg.append(
    svgElement(
      'text',
      { x: 14, y: margin.top + plotH / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${margin.top + plotH / 2})`, class: 'axis-label' },
      yLabel,
    ),
  );
  for (let h = 0; h < hours; h += 1) {
    const x = margin.left + h * slot + (slot - barW) / 2;
    const column = svgElement('g', { class: 'hour', 'data-hour': h, 'data-value': totals[h] });
    const parts = series.filter((s) => (s.values[h] ?? 0) > 0).map((s) => `${s.label} ${format(s.values[h])}`);
    column.append(svgElement('title', {}, `${String(h).padStart(2, '0')}:00 — ${format(totals[h])}${series.length > 1 ? ` (${parts.join(', ')})` : ''}`));
    let base = 0;
    series.forEach((s, i) => {
      const value = s.values[h] ?? 0;
      if (value <= 0) return;
      column.append(svgElement('rect', { x, y: sy(base + value), width: barW, height: sy(base) - sy(base + value), class: `seg seg-${i % SEGMENT_CLASSES}` }));
      base += value;
    });
    if (slot >= 18) column.append(svgElement('text', { x: x + barW / 2, y: sy(totals[h]) - 3, 'text-anchor': 'middle', class: 'tick' }, tickText(totals[h])));
    if (h % 3 === 0)
      column.append(
        svgElement('text', { x: x + barW / 2, y: margin.top + plotH + 14, 'text-anchor': 'middle', class: 'tick' }, `${String(h).padStart(2, '0')}h`),
      );
    svg.append(column);
  }
  if (legend) {
    const ly = height - 6;
    series.forEach((s, i) => {
      const lx = margin.left + i * 160;
      svg.append(
        svgElement('rect', { x: lx, y: ly - 10, width: 12, height: 12, rx: 2, class: `seg seg-${i % SEGMENT_CLASSES}` }),
        svgElement('text', { x: lx + 18, y: ly, class: 'label' }, s.label),
      );
    });
  }
  return svg;
}
