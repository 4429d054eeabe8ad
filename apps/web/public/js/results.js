// Small DOM builders shared by the planner result panels.
import { compact, number, usd } from './format.js';

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== undefined && child !== null));
  return element;
}

/**
 * A list (div.figures, role list) of headline numbers: label, value, then its notes.
 * Not a <dl>: a <dl>'s groups may hold only <dt> and <dd>. Missing values (the API leaves out what it cannot
 * compute) show as "—". `value` is the raw number, kept in data-value for tests and tools.
 * `explain`: the API's explanation of the number (formula and values), one click away;
 * `warn`: planner warnings about this number, shown beside it;
 * `band`: its 80% prediction interval from the response's `calibration` (bandOf), shown under the value.
 * @param {{id: string, label: string, value: number | undefined, format: (v: number) => string, note?: string,
 *          explain?: import('@gcp/contract').Explanation, warn?: string[], band?: {low: number, high: number, extrapolated: boolean}}[]} items
 */
export function figures(items) {
  const list = el('div', { class: 'figures', role: 'list' });
  for (const item of items) {
    const known = typeof item.value === 'number' && Number.isFinite(item.value);
    const value = el('span', { class: 'figure-value', id: item.id, 'data-value': known ? item.value : undefined, text: known ? item.format(item.value) : '—' });
    list.append(
      el(
        'div',
        { class: 'figure', role: 'listitem', 'data-figure': item.id },
        el('span', { class: 'figure-label', text: item.label }),
        value,
        item.note ? el('small', { class: 'hint', text: item.note }) : undefined,
        known && item.band
          ? el('small', {
              class: 'figure-band',
              'data-band': `${item.band.low},${item.band.high}`,
              text: `80% range ${item.format(item.band.low)} – ${item.format(item.band.high)}${item.band.extrapolated ? ' (extrapolated: no calibration row for this GPU, model kind or backend)' : ''}`,
            })
          : undefined,
        ...(item.warn ?? []).map((warning) => el('small', { class: 'figure-warning', role: 'note', text: `⚠ ${warning}` })),
        known && item.explain ? explanationDetails(item.explain, item.id, item.label) : undefined,
      ),
    );
  }
  return list;
}

/**
 * The 80% interval of `field` from a response's `calibration` (docs/error-bands.md), with its extrapolated flag.
 * @param {{calibration?: {intervals?: Record<string, {low: number, high: number}>, extrapolated?: boolean}} | undefined} response
 * @param {string} field
 */
export function bandOf(response, field) {
  const i = response?.calibration?.intervals?.[field];
  if (!i || !Number.isFinite(i.low) || !Number.isFinite(i.high)) return undefined;
  return { low: i.low, high: i.high, extrapolated: response?.calibration?.extrapolated === true };
}

const SMALL_UNITS = { fraction: (v) => `${number(v * 100, 2)} %`, B: (v) => `${number(v / 1e9, 2)} GB`, USD: usd };

/** A value of an explanation with its unit: 14.8e12 tokens → "14.8 T tokens", 0.39 fraction → "39 %". */
export function explanationValue(value, unit) {
  const special = SMALL_UNITS[unit];
  if (special) return special(value);
  if (unit.startsWith('USD')) return `${usd(value)}${unit.slice(3).replace(/^\//, ' per ')}`;
  const text = Math.abs(value) >= 1e5 ? compact(value) : number(value, Math.abs(value) < 10 ? 4 : 2);
  return unit ? `${text} ${unit}` : text;
}

/** "How is this computed?": the formula, then each value as it went in, then the result. */
export function explanationDetails(explanation, id, label) {
  return el(
    'details',
    { class: 'how', id: `${id}-how` },
    el('summary', { text: 'How?', 'aria-label': `How ${label} is computed` }),
    el('p', { class: 'formula', text: explanation.formula }),
    el(
      'ul',
      {},
      ...explanation.values.map((v) => el('li', {}, `${v.name} = `, el('strong', { text: explanationValue(v.value, v.unit) }))),
      el('li', { class: 'result' }, `${explanation.label} = `, el('strong', { text: explanationValue(explanation.result, explanation.unit) })),
    ),
  );
}

/** Which planner warnings qualify which figure: the warnings whose text matches `pattern`. */
export function warningsMatching(warnings, pattern) {
  return (warnings ?? []).filter((warning) => pattern.test(warning));
}

/**
 * Feasibility banner: ok / not ok with one line per reason.
 * @param {{ok: boolean, okText: string, badText?: string, reasons?: readonly string[], id: string}} banner
 */
export function statusBanner({ ok, okText, badText, reasons = [], id }) {
  const box = el('div', { class: ok ? 'status ok' : 'status bad', id, role: 'status' });
  box.append(el('p', { text: ok ? okText : badText }));
  if (reasons.length > 0) box.append(el('ul', {}, ...reasons.map((reason) => el('li', { text: reason }))));
  return box;
}

export function chartFigure(caption, svg, id) {
  return el('figure', { class: 'chart', id }, el('figcaption', { text: caption }), svg);
}

/**
 * @param {string[]} headers
 * @param {(string | Node)[][]} rows
 */
export function table(headers, rows, /** @type {{caption?: string, id?: string}} */ { caption, id } = {}) {
  const t = el('table', { class: 'data', id });
  if (caption) t.append(el('caption', { text: caption }));
  t.append(el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', text: h })))));
  t.append(el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))))));
  return scrollBox(t, caption ?? id);
}

/** A box a wide table scrolls in, reachable by keyboard (a scrollable region needs focus to scroll without a mouse). */
export function scrollBox(table, name) {
  return el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': name ? `Table: ${name}` : 'Table' }, table);
}

export function notes(title, lines) {
  if (!lines || lines.length === 0) return undefined;
  return el('details', { class: 'assumptions' }, el('summary', { text: title }), el('ul', {}, ...lines.map((line) => el('li', { text: line }))));
}

/** Warnings about the inputs (waste, idle capacity), shown above the headline figures; nothing when there are none. */
export function warningList(warnings, id) {
  if (!warnings || warnings.length === 0) return undefined;
  return el('ul', { class: 'warnings', id, role: 'note' }, ...warnings.map((warning) => el('li', { text: warning })));
}
