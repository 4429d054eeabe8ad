// Inline-SVG charts, no library: the training and inference sections reuse these.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement(name, attributes = {}, text) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Horizontal bar chart.
 * @param {{label: string, value: number}[]} rows
 * @param {{title: string, format?: (value: number) => string, width?: number}} options
 */
export function barChart(rows, { title, format = String, width = 640 }) {
  const rowHeight = 22;
  const labelWidth = 150;
  const valueWidth = 80;
  const height = rows.length * rowHeight + 4;
  const max = Math.max(...rows.map((row) => row.value), 0) || 1;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  svg.append(svgElement('title', {}, title));
  rows.forEach((row, index) => {
    const y = index * rowHeight + 2;
    const barWidth = Math.max(0, ((width - labelWidth - valueWidth) * row.value) / max);
    svg.append(
      svgElement('text', { x: labelWidth - 8, y: y + 14, 'text-anchor': 'end', class: 'label' }, row.label),
      svgElement('rect', { x: labelWidth, y: y + 3, width: barWidth, height: rowHeight - 8, rx: 3, class: 'bar' }),
      svgElement('text', { x: labelWidth + barWidth + 6, y: y + 14, class: 'value' }, format(row.value)),
    );
  });
  return svg;
}
