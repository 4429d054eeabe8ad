// One description per form field drives everything the page does with it: the field's markup
// (label, control, hint), the request reader (the value's place in the request body), the refill
// from a saved plan or a link (the inverse), and the presets (requests turned into field values by
// the same description). A form's own code adds only the rules between fields.
import { el } from './results.js';
import { quantityText, readNumber, readNumberList } from './form.js';

/**
 * @typedef {object} FieldSpec
 * @property {string} id
 * @property {string} name                 the control's name (the form's state in the URL uses it)
 * @property {string} label
 * @property {'quantity' | 'list' | 'select' | 'checkbox' | 'catalog'} kind
 *   quantity: a number as text ("14.8e12", "608B", "15360 × 4096"); list: numbers separated by commas;
 *   select: fixed options; checkbox; catalog: a model or GPU select the catalogs fill ("Loading…" until then)
 * @property {string | null} [path]        where the value goes in the request ("workload.cacheHitRate"; default
 *   `name`); null: the form's own code reads it
 * @property {boolean} [required]
 * @property {string} [value]              initial text (quantity, list), option (select) or "on" (checkbox)
 * @property {string} [placeholder]
 * @property {string} [hint]               shown under the control, which it describes (aria-describedby)
 * @property {ReadonlyArray<readonly [string, string]>} [options]  select: [value, label]
 * @property {'decimal' | 'numeric'} [inputmode]
 * @property {boolean} [wide]              spans the grid's row
 * @property {Record<string, string>} [data]  data-* attributes of the field's wrapper (data-mode)
 * @property {number} [count]              list: how many values
 * @property {number} [min]                list: the smallest value
 * @property {(text: string) => unknown} [fromText]  select: option value → request value (default: the value, "" → left out);
 *   checkbox: "on" / "" → request value (default: true / false)
 * @property {(value: any, request: any) => string} [toText]  request value → field text (default: quantityText for
 *   quantities; a select's option value, its initial `value` when absent)
 */

/** Renders `specs` into `container` (a form's grid), as the page's markup did by hand. */
export function renderFields(container, specs) {
  container.append(...specs.map(fieldMarkup));
}

/** @param {FieldSpec} spec */
function fieldMarkup(spec) {
  const hintId = spec.hint ? `${spec.id}-hint` : undefined;
  const described = hintId ? { 'aria-describedby': hintId } : {};
  const hint = spec.hint ? [el('small', { id: hintId, class: 'hint', text: spec.hint })] : [];
  const data = Object.fromEntries(Object.entries(spec.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
  if (spec.kind === 'checkbox') {
    const box = el('input', { id: spec.id, name: spec.name, type: 'checkbox', ...described });
    box.checked = spec.value === 'on';
    box.defaultChecked = box.checked;
    return el('div', { class: 'field checkbox', ...data }, el('label', {}, box, ` ${spec.label}`), ...hint);
  }
  let control;
  if (spec.kind === 'select' || spec.kind === 'catalog') {
    const options = spec.kind === 'catalog' ? [['', 'Loading…']] : (spec.options ?? []);
    control = el('select', { id: spec.id, name: spec.name, ...described });
    for (const [value, label] of options) {
      const option = new Option(label, value, value === spec.value, value === spec.value);
      control.append(option);
    }
  } else {
    control = el('input', {
      id: spec.id,
      name: spec.name,
      type: 'text',
      inputmode: spec.inputmode ?? 'decimal',
      autocomplete: 'off',
      value: spec.value ?? '',
      ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
      ...described,
    });
  }
  return el('div', { class: spec.wide ? 'field wide' : 'field', ...data }, el('label', { for: spec.id, text: spec.label }), control, ...hint);
}

/** The request path of a field: its `path`, else its name; null when the form's own code reads it. */
const pathOf = (spec) => (spec.path === undefined ? spec.name : spec.path);

/** Sets `value` at dotted `path` of `target` (undefined values are left for compactObject to drop). */
function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
}

/** The value at dotted `path` of `source` (undefined when a part is missing). */
function getPath(source, path) {
  return path.split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), source);
}

/**
 * The request body the described fields of `form` hold (nested by path; empty fields undefined, for
 * compactObject). Quantities and lists are read as readNumber / readNumberList read them (local
 * mistakes reported against the field's request path). Catalog and checkbox fields are the form's own.
 * @param {HTMLFormElement} form @param {readonly FieldSpec[]} specs
 */
export function readFields(form, specs) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const spec of specs) {
    const path = pathOf(spec);
    if (path === null) continue;
    let value;
    if (spec.kind === 'quantity') value = readNumber(form, spec.name, { path, required: spec.required });
    else if (spec.kind === 'list') value = readNumberList(form, spec.name, { path, count: spec.count, min: spec.min });
    else if (spec.kind === 'checkbox') {
      const checked = Boolean(/** @type {HTMLInputElement} */ (form.elements.namedItem(spec.name))?.checked);
      value = spec.fromText ? spec.fromText(checked ? 'on' : '') : checked;
    } else {
      const text = String(/** @type {HTMLSelectElement} */ (form.elements.namedItem(spec.name))?.value ?? '');
      value = spec.fromText ? spec.fromText(text) : text === '' ? undefined : text;
    }
    setPath(out, path, value);
  }
  return out;
}

/**
 * The inverse of readFields: {field name: text} for fillForm, every described field set (the
 * initial value of a select or checkbox whose request value is absent, "" for an absent quantity).
 * @param {object} request @param {readonly FieldSpec[]} specs
 */
export function fieldTexts(request, specs) {
  /** @type {Record<string, string | boolean>} */
  const out = {};
  for (const spec of specs) {
    const path = pathOf(spec);
    if (path === null) continue;
    const value = getPath(request, path);
    if (spec.toText) out[spec.name] = spec.toText(value, request);
    else if (spec.kind === 'quantity') out[spec.name] = quantityText(value);
    else if (spec.kind === 'list') out[spec.name] = Array.isArray(value) ? value.map(quantityText).join(', ') : '';
    else if (spec.kind === 'checkbox') out[spec.name] = value === undefined ? spec.value === 'on' : Boolean(value);
    else out[spec.name] = value === undefined || value === null ? (spec.value ?? '') : String(value);
  }
  return out;
}
