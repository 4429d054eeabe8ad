// The tools above a drawn result: export (the API response as JSON, the tables as CSV, each chart
// as SVG / PNG), a print view, a copyable link to the plan, "Add to comparison" and, for training
// and inference plans, "Save plan".
import { addScenario } from './compare.js';
import { addChartExports, download, printSection, resultCsv, slug } from './export.js';
import { el } from './results.js';
import { savePlanControl } from './saved-plans.js';

/**
 * @param {{key: string, section: HTMLElement, result: HTMLElement, request: object, response: object, title: string,
 *          plannerLabel: string, saving?: {kind: 'training' | 'inference'}}} options
 */
export function resultTools({ key, section, result, request, response, title, plannerLabel, saving }) {
  const base = slug(title);
  const status = el('p', { class: 'tool-status', id: `${key}-tool-status`, role: 'status' });
  const button = (label, aria, run) => {
    const b = el('button', { type: 'button', class: 'secondary small', text: label, 'aria-label': aria });
    b.addEventListener('click', run);
    return b;
  };
  const bar = el(
    'div',
    { class: 'result-tools', id: `${key}-tools`, role: 'group', 'aria-label': `Tools for this result: ${title}` },
    button('Add to comparison', `Add to comparison: “${title}”`, () => {
      const added = addScenario({ kind: key, plannerLabel, title, request, result });
      status.replaceChildren(added.message, ...(added.ok ? [' ', el('a', { href: '#compare', text: 'See the comparison' })] : []));
    }),
    button('JSON', `Download the API response for “${title}” as JSON`, () =>
      download(`${base}.json`, new Blob([`${JSON.stringify({ request, response }, null, 2)}\n`], { type: 'application/json' })),
    ),
    button('CSV', `Download the figures and tables of “${title}” as CSV`, () =>
      download(`${base}.csv`, new Blob([resultCsv(result)], { type: 'text/csv;charset=utf-8' })),
    ),
    button('Print', `Print “${title}” as a one-page report`, () => printSection(section)),
    button('Copy link', `Copy link that reproduces “${title}”`, async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        status.textContent = 'Link copied: opening it plans the same inputs again.';
      } catch {
        status.replaceChildren('This page’s address reproduces the plan: ', el('a', { href: location.href, text: 'link' }));
      }
    }),
  );
  // charts are drawn by now: their SVG / PNG buttons
  queueMicrotask(() => addChartExports(result, base));
  return el(
    'div',
    { class: 'result-head' },
    el('h3', { class: 'result-title', id: `${key}-result-title`, text: title }),
    bar,
    status,
    saving ? savePlanControl({ kind: saving.kind, request, response, defaultName: title }) : undefined,
  );
}
