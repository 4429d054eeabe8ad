// Export of a result: the API response as JSON, its tables as CSV, each chart as SVG or PNG, and
// a print view of one section (style.css @media print: the result as a one-page report).

/** Offers `blob` as a download named `filename`. */
export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "DeepSeek-V3 on 2,048 H800" → "deepseek-v3-on-2048-h800". */
export function slug(text) {
  return (
    String(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'plan'
  );
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(text) {
  const value = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of strings → CSV text (CRLF line ends, as RFC 4180 and spreadsheets expect). */
export function toCsv(rows) {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Every table and headline list of a result as CSV: the headline figures first (label, value as
 * shown, raw value), then each table under its caption or heading, separated by a blank line.
 */
export function resultCsv(container) {
  const rows = [];
  const figures = [...container.querySelectorAll('.figures > .figure')];
  if (figures.length > 0) {
    rows.push(['Figure', 'Value', 'Raw value']);
    for (const figure of figures) {
      const value = figure.querySelector('.figure-value');
      rows.push([figure.querySelector('.figure-label')?.textContent ?? '', value?.textContent ?? '', value?.getAttribute('data-value') ?? '']);
    }
  }
  for (const table of container.querySelectorAll('table')) {
    if (rows.length > 0) rows.push([]);
    const heading = table.closest('div')?.previousElementSibling;
    const title = table.querySelector('caption')?.textContent ?? (heading?.tagName === 'H4' ? heading.textContent : table.id);
    if (title) rows.push([title]);
    for (const tr of table.querySelectorAll('tr')) rows.push([...tr.children].map((cell) => inputText(cell)));
  }
  return toCsv(rows);
}

/** A cell's text; a cell holding form fields (the phase editor) gives their values. */
function inputText(cell) {
  const fields = [...cell.querySelectorAll('input, select')];
  return fields.length > 0 ? fields.map((f) => f.value).join(' ') : (cell.textContent ?? '');
}

const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'font-family'];

/** Rows of a chart's HTML legend drawn into its exported SVG: one row per item, a swatch then the item's text. */
const LEGEND_ROW_PX = 18;
const LEGEND_SWATCH_PX = 12;
const LEGEND_TEXT_GAP_PX = 6;
const LEGEND_TOP_GAP_PX = 8;
const LEGEND_LEFT_PX = 8;
const LEGEND_FONT = '12px system-ui, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A standalone copy of an on-page chart: the page's CSS styles written onto each element, sized by
 * its viewBox. A chart whose legend is an HTML list (`legend`, the stacked bars: readable at phone
 * width) gets that legend drawn under the plot, each swatch in its on-page colour, so the file
 * explains its colours on its own.
 * @param {SVGSVGElement} svg @param {Element | null} [legend]
 * @returns {{text: string, width: number, height: number}}
 */
export function standaloneSvg(svg, legend = null) {
  const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [copy, ...copy.querySelectorAll('*')];
  source.forEach((element, i) => {
    const style = getComputedStyle(element);
    const out = target[i];
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value && value !== 'none' && !out.hasAttribute(property)) out.setAttribute(property, value);
    }
  });
  const box = svg.viewBox?.baseVal;
  const width = box?.width || svg.clientWidth || 720;
  let height = box?.height || svg.clientHeight || 400;
  const items = legend ? [...legend.querySelectorAll('li')] : [];
  if (items.length > 0) {
    const top = height + LEGEND_TOP_GAP_PX;
    items.forEach((item, i) => {
      const y = top + i * LEGEND_ROW_PX;
      const swatch = item.querySelector('.swatch');
      const rect = document.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('x', String(LEGEND_LEFT_PX));
      rect.setAttribute('y', String(y));
      rect.setAttribute('width', String(LEGEND_SWATCH_PX));
      rect.setAttribute('height', String(LEGEND_SWATCH_PX));
      rect.setAttribute('fill', swatch ? getComputedStyle(swatch).backgroundColor : 'currentColor');
      const label = document.createElementNS(SVG_NS, 'text');
      label.setAttribute('x', String(LEGEND_LEFT_PX + LEGEND_SWATCH_PX + LEGEND_TEXT_GAP_PX));
      label.setAttribute('y', String(y + LEGEND_SWATCH_PX - 1));
      label.setAttribute('style', `font: ${LEGEND_FONT}`);
      label.setAttribute('fill', getComputedStyle(item).color);
      label.textContent = (item.textContent ?? '').trim();
      copy.append(rect, label);
    });
    height = top + items.length * LEGEND_ROW_PX;
    copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('class');
  copy.removeAttribute('style');
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** The chart as a PNG (2× its viewBox), drawn through an <img> of its SVG on a white canvas. */
export function svgToPng(svgText, width, height) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('PNG export failed'));
    image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svgText)))}`;
  });
}

/** SVG and PNG buttons under each chart of `container` (figure.chart with an <svg>). */
export function addChartExports(container, baseName) {
  for (const figure of container.querySelectorAll('figure.chart')) {
    const svg = figure.querySelector('svg');
    if (!svg || figure.querySelector('.chart-export')) continue;
    const name = `${baseName}-${slug(figure.id || figure.querySelector('figcaption')?.textContent || 'chart')}`;
    const caption = figure.querySelector('figcaption')?.textContent?.split(' — ')[0] ?? 'chart';
    const button = (label, run) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary small';
      b.textContent = label;
      b.setAttribute('aria-label', `Download “${caption}” as ${label}`);
      b.addEventListener('click', run);
      return b;
    };
    const bar = document.createElement('div');
    bar.className = 'chart-export';
    const exported = () => standaloneSvg(svg, figure.querySelector('ul.legend'));
    bar.append(
      button('SVG', () => download(`${name}.svg`, new Blob([exported().text], { type: 'image/svg+xml' }))),
      button('PNG', async () => {
        const { text, width, height } = exported();
        download(`${name}.png`, await svgToPng(text, width, height));
      }),
    );
    figure.append(bar);
  }
}

/** Prints `section` alone (the others hidden by the print stylesheet) as a one-page report. */
export function printSection(section) {
  document.body.dataset.print = section.id;
  section.dataset.printing = '';
  const done = () => {
    delete document.body.dataset.print;
    delete section.dataset.printing;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
