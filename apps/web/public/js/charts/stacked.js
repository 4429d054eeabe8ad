// One horizontal stacked bar (inline SVG) with a legend, and optionally a
// capacity marker (HBM per GPU) the bar is measured against. The legend is an HTML list under
// the bar, so it stays readable when the chart is scaled down to a phone's width.
import { svgElement } from '../svg.js';

export const SEGMENT_CLASSES = 8;

/**
 * @param {{label: string, value: number}[]} segments  drawn left to right; zero segments are skipped
 * @param {{title: string, format: (v: number) => string, capacity?: {label: string, value: number}, width?: number, totalLabel?: string}} options
 */
export function stackedBar(segments, { title, format, capacity, width = 720, totalLabel = 'Total' }) {
  const shown = segments.map((segment, index) => ({ ...segment, index })).filter((segment) => segment.value > 0);
  const total = shown.reduce((sum, segment) => sum + segment.value, 0);
  const left = 8;
  const right = 8;
  const barTop = 22;
  const barHeight = 30;
  const scaleMax = Math.max(total, capacity?.value ?? 0) || 1;
  const plot = width - left - right;
  const height = barTop + barHeight + 10;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'stacked' });
  svg.append(svgElement('title', {}, title));

  svg.append(svgElement('text', { x: left, y: 14, class: 'value' }, `${totalLabel}: ${format(total)}`));
  svg.append(svgElement('rect', { x: left, y: barTop, width: plot, height: barHeight, class: 'track', rx: 4 }));
  let x = left;
  for (const segment of shown) {
    const w = (plot * segment.value) / scaleMax;
    const rect = svgElement('rect', { x, y: barTop, width: Math.max(w, 0.5), height: barHeight, class: `seg seg-${segment.index % SEGMENT_CLASSES}` });
    rect.append(svgElement('title', {}, `${segment.label}: ${format(segment.value)}`));
    svg.append(rect);
    x += w;
  }
  if (capacity) {
    const cx = left + (plot * capacity.value) / scaleMax;
    const over = total > capacity.value;
    svg.append(
      svgElement('line', { x1: cx, x2: cx, y1: barTop - 6, y2: barTop + barHeight + 6, class: over ? 'capacity over' : 'capacity' }),
      svgElement(
        'text',
        { x: Math.min(cx, width - right), y: 14, 'text-anchor': 'end', class: over ? 'capacity-label over' : 'capacity-label' },
        `${capacity.label}: ${format(capacity.value)}${over ? ' — exceeded' : ''}`,
      ),
    );
  }
  const legend = document.createElement('ul');
  legend.className = 'legend';
  shown.forEach((segment) => {
    const share = total > 0 ? ` (${((100 * segment.value) / total).toFixed(segment.value / total < 0.01 ? 1 : 0)} %)` : '';
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch seg-${segment.index % SEGMENT_CLASSES}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, `${segment.label}: ${format(segment.value)}${share}`);
    legend.append(item);
  });
  const wrapper = document.createElement('div');
  wrapper.className = 'stacked-chart';
  wrapper.append(svg, legend);
  return wrapper;
}
