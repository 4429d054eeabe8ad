// Several horizontal stacked bars on one scale (e.g. owning's cost parts vs the rental price,
// or PPO's stages vs GRPO's), each segment coloured by its key so a part keeps its colour
// from bar to bar, with the total at the end of each bar and one legend for all of them.
import { svgElement } from '../svg.js';
import { SEGMENT_CLASSES } from './stacked.js';

/**
 * @param {{label: string, id?: string, segments: {key: string, label: string, value: number}[]}[]} rows  top to bottom
 * @param {{title: string, format: (v: number) => string, width?: number}} options
 */
export function stackedRows(rows, { title, format, width = 720 }) {
  const keys = [];
  const names = new Map();
  for (const row of rows) {
    for (const segment of row.segments) {
      if (segment.value > 0 && !names.has(segment.key)) {
        keys.push(segment.key);
        names.set(segment.key, segment.label);
      }
    }
  }
  const totals = rows.map((row) => row.segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0));
  const labelWidth = 110;
  const valueWidth = 96;
  const rowHeight = 40;
  const barHeight = 24;
  const top = 6;
  const plot = width - labelWidth - valueWidth - 8;
  const max = Math.max(...totals, 0) || 1;
  const columns = 2;
  const legendRow = 20;
  const legendTop = top + rows.length * rowHeight + 18;
  const height = legendTop + Math.ceil(keys.length / columns) * legendRow + 2;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'stacked-rows' });
  svg.append(svgElement('title', {}, title));

  rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    const group = svgElement('g', { class: 'bar-row', 'data-label': row.label, 'data-value': totals[r], ...(row.id ? { id: row.id } : {}) });
    group.append(
      svgElement('text', { x: labelWidth - 8, y: y + barHeight / 2 + 4, 'text-anchor': 'end', class: 'label' }, row.label),
      svgElement('rect', { x: labelWidth, y, width: plot, height: barHeight, rx: 4, class: 'track' }),
    );
    let x = labelWidth;
    for (const segment of row.segments) {
      if (!(segment.value > 0)) continue;
      const w = (plot * segment.value) / max;
      const rect = svgElement('rect', {
        x,
        y,
        width: Math.max(w, 0.5),
        height: barHeight,
        class: `seg seg-${keys.indexOf(segment.key) % SEGMENT_CLASSES}`,
        'data-key': segment.key,
      });
      rect.append(svgElement('title', {}, `${row.label} — ${segment.label}: ${format(segment.value)}`));
      group.append(rect);
      x += w;
    }
    group.append(svgElement('text', { x: x + 6, y: y + barHeight / 2 + 4, class: 'value' }, format(totals[r])));
    svg.append(group);
  });

  const columnWidth = (width - 16) / columns;
  keys.forEach((key, i) => {
    const lx = 8 + (i % columns) * columnWidth;
    const ly = legendTop + Math.floor(i / columns) * legendRow;
    svg.append(
      svgElement('rect', { x: lx, y: ly - 10, width: 12, height: 12, rx: 2, class: `seg seg-${i % SEGMENT_CLASSES}` }),
      svgElement('text', { x: lx + 18, y: ly, class: 'label' }, names.get(key)),
    );
  });
  return svg;
}
