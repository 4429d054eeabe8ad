// Every planner form's state in the URL: `?<key>.<field>=<value>&…&run=<key>,<key>`. Only fields
// that differ from the form as the page first showed it are written; `run` names the forms whose
// results are drawn. Opening such a link (or going back and forward) fills the forms and plans the
// `run` ones again. `?plan=<id>` opens a saved plan instead (saved-plans.js).

/** @type {Map<string, {forms: HTMLFormElement[], submit: (options?: {fromUrl?: boolean}) => Promise<unknown>, clear?: () => void, baseline: Map<HTMLFormElement, Record<string, string>>, extra?: {read: () => Record<string, string>, write: (values: Record<string, string>) => void}}>} */
const registry = new Map();
let drawn = [];
let pendingReplace = 0;
let restoring = false;
/** Keys the user edited or planned while the page loads (until its opening restore): that restore leaves them alone. */
const touchedWhileLoading = new Set();
let loading = true;

/** {name: value} of every named field of `form` (checkboxes "1" / "0", radios their checked value). */
export function formEntries(form) {
  const out = {};
  for (const field of form.elements) {
    if (!field.name || field.type === 'submit' || field.type === 'button' || field.type === 'fieldset') continue;
    if (field.type === 'checkbox') out[field.name] = field.checked ? '1' : '0';
    else if (field.type === 'radio') {
      if (field.checked) out[field.name] = field.value;
    } else out[field.name] = field.value;
  }
  return out;
}

function applyEntries(form, entries) {
  for (const [name, value] of Object.entries(entries)) {
    const field = form.elements.namedItem(name);
    if (!field) continue;
    if ('length' in field && !('type' in field)) {
      for (const radio of field) radio.checked = radio.value === value;
    } else if (field.type === 'checkbox') field.checked = value === '1';
    else field.value = value;
  }
  form.dispatchEvent(new Event('gcp:filled'));
}

/** The URL of the page's current state: each form's changed fields, then `run`. */
export function stateQuery() {
  const params = new URLSearchParams();
  for (const [key, entry] of registry) {
    for (const form of entry.forms) {
      const base = entry.baseline.get(form) ?? {};
      for (const [name, value] of Object.entries(formEntries(form))) if (value !== (base[name] ?? '')) params.set(`${key}.${name}`, value);
    }
    for (const [name, value] of Object.entries(entry.extra?.read() ?? {})) params.set(`${key}.${name}`, value);
  }
  if (drawn.length > 0) params.set('run', drawn.join(','));
  const query = params.toString();
  return query ? `?${query}${location.hash}` : `${location.pathname}${location.hash}`;
}

/**
 * Registers a planner's forms under `key` once they are ready (catalog selects filled): their
 * state then is the baseline a link records changes against.
 * @param {string} key @param {{forms: HTMLFormElement[], submit: (options?: {fromUrl?: boolean}) => Promise<unknown>, clear?: () => void, ready: Promise<unknown>,
 *   extra?: {read: () => Record<string, string>, write: (values: Record<string, string>) => void}, watch?: HTMLElement[]}} options
 *   extra: state kept outside the forms' fields (read / written as `key.name` values); watch: where edits happen (default the forms)
 */
export function registerForms(key, { forms, submit, clear, ready, extra, watch = forms }) {
  const entry = { forms, submit, clear, baseline: new Map(), ...(extra ? { extra } : {}) };
  const noteEarlyEdit = () => {
    if (loading && !restoring) touchedWhileLoading.add(key);
  };
  for (const form of watch) {
    form.addEventListener('input', noteEarlyEdit);
    form.addEventListener('change', noteEarlyEdit);
  }
  const settled = ready.then(() => {
    for (const form of forms) entry.baseline.set(form, formEntries(form));
    registry.set(key, entry);
    for (const form of watch) {
      form.addEventListener('input', noteEdit);
      form.addEventListener('change', noteEdit);
    }
  });
  registrations.push(settled);
  return settled;
}
const registrations = [];

/** An input changed: the URL follows (without a new history entry); a saved plan's id no longer describes the page. */
export function noteEdit() {
  if (restoring) return;
  clearTimeout(pendingReplace);
  pendingReplace = setTimeout(() => {
    // the entry of a drawn plan keeps its URL (back returns to that plan): the edits get an entry of their own
    if (history.state?.[PLAN_ENTRY]) history.pushState(null, '', stateQuery());
    else history.replaceState(null, '', stateQuery());
  }, 150);
}

/** history.state key marking an entry whose URL is a drawn plan's. */
const PLAN_ENTRY = 'gcpPlan';

/** Marks the current history entry (at `url`) as a drawn plan's: later edits push past it instead of rewriting it. */
function markPlanEntry(url) {
  history.replaceState({ [PLAN_ENTRY]: true }, '', url);
}

/** A plan was drawn for `key`: one history entry per plan, so back and forward step through them. */
export function noteDrawn(key) {
  if (restoring) return;
  if (loading) touchedWhileLoading.add(key);
  drawn = [...drawn.filter((k) => k !== key), key];
  clearTimeout(pendingReplace);
  const next = stateQuery();
  if (next !== `${location.search}${location.hash}` && next !== `${location.pathname}${location.hash}`) history.pushState({ [PLAN_ENTRY]: true }, '', next);
  else markPlanEntry(next);
}

/** A result of `key` was put away (an error, a saved plan shown instead): links no longer redraw it. */
export function noteCleared(key) {
  drawn = drawn.filter((k) => k !== key);
}

/**
 * Fills every registered form from the URL and plans its `run` forms again, one after another.
 * The opening restore (`opening`) waits for every form's catalogs; a form the user edited or planned
 * in that time keeps what the user did (the URL that opened the page no longer describes it).
 * @param {{opening?: boolean}} [options]
 */
export async function restoreFromUrl({ opening = false } = {}) {
  await Promise.all(registrations);
  const params = new URLSearchParams(location.search);
  const skipped = opening ? new Set(touchedWhileLoading) : new Set();
  loading = false;
  restoring = true;
  try {
    for (const [key, entry] of registry) {
      if (skipped.has(key)) continue;
      /** @type {Record<string, string>} */
      const mine = {};
      for (const [name, value] of params) if (name.startsWith(`${key}.`)) mine[name.slice(key.length + 1)] = value;
      for (const form of entry.forms) applyEntries(form, { ...entry.baseline.get(form), ...mine });
      entry.extra?.write(mine);
    }
    const fromUrl = (params.get('run') ?? '').split(',').filter((k) => registry.has(k) && !skipped.has(k));
    drawn = [...drawn.filter((k) => skipped.has(k)), ...fromUrl];
    for (const [key, entry] of registry) if (!skipped.has(key) && !drawn.includes(key)) entry.clear?.();
    for (const key of fromUrl) await registry.get(key)?.submit({ fromUrl: true });
    if (drawn.length > 0) markPlanEntry(`${location.pathname}${location.search}${location.hash}`);
  } finally {
    restoring = false;
  }
  return params;
}

/** The page opened on something other than its URL's forms (a saved plan): nothing is restored at opening. */
export function openedWithoutRestore() {
  loading = false;
}

/** Back and forward: the page follows the URL. */
export function followHistory(onPlan) {
  window.addEventListener('popstate', async () => {
    const params = await restoreFromUrl();
    if (params.get('plan')) onPlan?.(params.get('plan'));
  });
}
