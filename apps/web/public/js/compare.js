// "Compare scenarios": two to four results of one planner side by side — headline figures with
// the differences to the first scenario highlighted, the inputs that differ, and each chart of
// the scenarios aligned in one row. Scenarios are taken from the result as drawn (its figures and
// charts), so every planner can be compared the same way.
import { find } from './dom.js';
import { el, scrollBox } from './results.js';

export const MAX_SCENARIOS = 4;
/** Fired on `document` when the comparison changes; detail: the scenario count. */
export const COMPARE_EVENT = 'gcp:compare';

/** @type {{kind: string, plannerLabel: string, title: string, request: object, feasible: boolean, status: string, figures: {id: string, label: string, text: string, value: number | null}[], charts: {id: string, caption: string, svg: SVGElement}[]}[]} */
const scenarios = [];

/** {a: {b: 1}, c: [1, 2]} → {"a.b": "1", "c": "1, 2"} (strings as a person reads them). */
export function flatten(value, prefix = '', out = {}) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'config' && inner && typeof inner === 'object') out[prefix ? `${prefix}.config` : 'config'] = '(pasted config.json)';
      else flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
  } else out[prefix] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

/** "+12.3 %" / "−4 %" / "same": scenario value against the first scenario's. */
export function deltaText(value, base) {
  if (value === null || base === null || !Number.isFinite(value) || !Number.isFinite(base)) return '';
  if (value === base) return 'same';
  if (base === 0) return 'new';
  const pct = ((value - base) / Math.abs(base)) * 100;
  const digits = Math.abs(pct) >= 10 ? 0 : 1;
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(digits)} %`;
}

/** A chart copy without element ids (the page's own chart keeps them). */
function withoutIds(svg) {
  for (const element of [svg, ...svg.querySelectorAll('[id]')]) element.removeAttribute('id');
  return svg;
}

/** The scenario a drawn result holds: its figures (label, text, raw value), charts and status line. */
function captureScenario(result) {
  const figures = [...result.querySelectorAll('.figures > .figure')].map((div) => {
    const value = div.querySelector('.figure-value');
    const raw = value?.getAttribute('data-value');
    return {
      id: value?.id ?? '',
      label: div.querySelector('.figure-label')?.textContent ?? '',
      text: value?.textContent ?? '—',
      value: raw === null || raw === undefined ? null : Number(raw),
    };
  });
  const charts = [...result.querySelectorAll('figure.chart')]
    .filter((figure) => figure.querySelector('svg'))
    .map((figure) => ({
      id: figure.id,
      caption: figure.querySelector('figcaption')?.textContent ?? '',
      svg: withoutIds(figure.querySelector('svg').cloneNode(true)),
    }));
  const status = result.querySelector('.status, .verdict');
  return { figures, charts, status: status?.querySelector('p')?.textContent ?? '', feasible: !status?.classList.contains('bad') };
}

/**
 * Adds the drawn result of planner `kind` to the comparison. Scenarios of another planner are not
 * mixed in: the answer says so and the comparison stays as it was.
 * @returns {{ok: boolean, message: string}}
 */
export function addScenario({ kind, plannerLabel, title, request, result }) {
  if (scenarios.length > 0 && scenarios[0].kind !== kind) {
    return { ok: false, message: `The comparison holds ${scenarios[0].plannerLabel} results: clear it to compare ${plannerLabel} results.` };
  }
  if (scenarios.length >= MAX_SCENARIOS) return { ok: false, message: `At most ${MAX_SCENARIOS} scenarios: remove one first.` };
  const same = scenarios.findIndex((s) => JSON.stringify(s.request) === JSON.stringify(request));
  if (same >= 0) return { ok: false, message: `This scenario is already scenario ${same + 1} of the comparison.` };
  scenarios.push({ kind, plannerLabel, title, request, ...captureScenario(result) });
  document.dispatchEvent(new CustomEvent(COMPARE_EVENT, { detail: scenarios.length }));
  const count = scenarios.length;
  return { ok: true, message: count === 1 ? 'Added as scenario 1 — add another to compare.' : `Added as scenario ${count} of ${count}.` };
}

export const scenarioCount = () => scenarios.length;

function headerRow(first, onRemove) {
  return el(
    'tr',
    {},
    el('th', { scope: 'col', text: first }),
    ...scenarios.map((s, i) => {
      const remove = el('button', { type: 'button', class: 'secondary small', text: 'Remove', 'aria-label': `Remove scenario ${i + 1} (${s.title})` });
      remove.addEventListener('click', () => onRemove(i));
      return el('th', { scope: 'col' }, el('span', { class: 'scenario-name', text: `${i + 1}. ${s.title}` }), ' ', remove);
    }),
  );
}

function figuresTable(onRemove) {
  const labels = [];
  for (const s of scenarios) for (const f of s.figures) if (!labels.some((l) => l.label === f.label)) labels.push(f);
  const rows = labels.map(({ label }) => {
    const cells = scenarios.map((s) => s.figures.find((f) => f.label === label));
    const base = cells[0];
    return el(
      'tr',
      {},
      el('th', { scope: 'row', text: label }),
      ...cells.map((cell, i) => {
        if (!cell) return el('td', { text: '—' });
        const differs =
          i > 0 &&
          base &&
          (cell.value !== null && base.value !== null ? Math.abs(cell.value - base.value) > 1e-9 * Math.abs(base.value) : cell.text !== base.text);
        const delta = i > 0 && base ? deltaText(cell.value, base.value) : '';
        return el(
          'td',
          { class: differs ? 'diff' : undefined },
          cell.text,
          delta && delta !== 'same' ? el('small', { class: 'delta', text: ` ${delta}` }) : undefined,
        );
      }),
    );
  });
  const status = el(
    'tr',
    {},
    el('th', { scope: 'row', text: 'Result' }),
    ...scenarios.map((s) => el('td', { class: s.feasible ? undefined : 'diff bad', text: s.status || (s.feasible ? 'feasible' : 'not feasible') })),
  );
  return scrollBox(
    el(
      'table',
      { class: 'data compare', id: 'compare-figures' },
      el('caption', { text: 'Headline figures; highlighted: different from scenario 1 (with the change in %).' }),
      el('thead', {}, headerRow('Figure', onRemove)),
      el('tbody', {}, status, ...rows),
    ),
    'headline figures of the scenarios',
  );
}

function inputsTable() {
  const flat = scenarios.map((s) => flatten(s.request));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))];
  const differing = keys.filter((key) => new Set(flat.map((f) => f[key] ?? '—')).size > 1);
  if (differing.length === 0) return el('p', { class: 'note', id: 'compare-inputs', text: 'The scenarios have the same inputs.' });
  return scrollBox(
    el(
      'table',
      { class: 'data compare', id: 'compare-inputs' },
      el('caption', { text: `Inputs that differ (${differing.length} of ${keys.length}); the others are the same in every scenario.` }),
      el(
        'thead',
        {},
        el('tr', {}, el('th', { scope: 'col', text: 'Input' }), ...scenarios.map((s, i) => el('th', { scope: 'col', text: `${i + 1}. ${s.title}` }))),
      ),
      el(
        'tbody',
        {},
        ...differing.map((key) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row', text: key }),
            ...flat.map((f, i) => el('td', { class: i > 0 && f[key] !== flat[0][key] ? 'diff' : undefined, text: f[key] ?? '—' })),
          ),
        ),
      ),
    ),
    'inputs that differ',
  );
}

/** Each chart the scenarios drew, the scenarios' versions side by side in one row. */
function alignedCharts() {
  const ids = [...new Set(scenarios.flatMap((s) => s.charts.map((c) => c.id)))];
  return ids.map((id) => {
    const caption = scenarios.map((s) => s.charts.find((c) => c.id === id)).find(Boolean)?.caption ?? id;
    return el(
      'figure',
      { class: 'compare-charts', 'data-chart': id },
      el('figcaption', { text: caption.split(' — ')[0] }),
      el(
        'div',
        { class: 'compare-row', 'data-columns': scenarios.length },
        ...scenarios.map((s, i) => {
          const chart = s.charts.find((c) => c.id === id);
          return el(
            'div',
            { class: 'compare-cell chart' },
            el('p', { class: 'scenario-name', text: `${i + 1}. ${s.title}` }),
            chart ? chart.svg.cloneNode(true) : el('p', { class: 'note', text: 'Not drawn' }),
          );
        }),
      ),
    );
  });
}

/** Draws the comparison into `root` (#compare) and keeps it drawn as scenarios come and go. */
export function initCompare(root = document.getElementById('compare')) {
  const view = root.querySelector('#compare-view');
  const clear = find(root, '#compare-clear', HTMLButtonElement);
  const remove = (i) => {
    scenarios.splice(i, 1);
    document.dispatchEvent(new CustomEvent(COMPARE_EVENT, { detail: scenarios.length }));
  };
  function draw() {
    clear.disabled = scenarios.length === 0;
    if (scenarios.length === 0) {
      view.replaceChildren(
        el('p', {
          class: 'note',
          text: 'No scenarios yet: under any result, press “Add to comparison”; then change an input, plan again and add that too (up to four).',
        }),
      );
      return;
    }
    view.replaceChildren(
      el('p', {
        class: 'note',
        text: `${scenarios[0].plannerLabel}: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}${scenarios.length === 1 ? ' — add one more to compare' : ''}.`,
      }),
      figuresTable(remove),
      inputsTable(),
      ...alignedCharts(),
    );
  }
  clear.addEventListener('click', () => {
    scenarios.splice(0);
    document.dispatchEvent(new CustomEvent(COMPARE_EVENT, { detail: 0 }));
  });
  document.addEventListener(COMPARE_EVENT, draw);
  draw();
}
