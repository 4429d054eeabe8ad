// Reading planner forms: quantities like "608e9", "608B", "15360 × 4096"; local
// mistakes are raised as ApiRequestError(0, …) so js/errors.js shows them like API ones.
// Ranges and whole numbers are not checked here: the request schemas (@gcp/contract) are,
// and the API's 400 envelope names the field and the bound next to the form.
import { apiGet, ApiRequestError } from './api.js';

/** @typedef {import('@gcp/contract').ModelListResponse} ModelListResponse */
/** @typedef {import('@gcp/contract').GpuListResponse} GpuListResponse */

const SUFFIXES = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/** "608e9" | "608 B" | "1,024" | "15360 × 4096" → number; NaN when unreadable. */
export function parseQuantity(text) {
  const factors = text.replace(/[,_\s]/g, '').split(/[×x*]/i);
  let product = 1;
  for (const factor of factors) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)(e[+-]?\d+)?([kmbgt])?$/i.exec(factor);
    if (!match) return Number.NaN;
    product *= Number(match[1] + (match[2] ?? '')) * (match[3] ? SUFFIXES[match[3].toLowerCase()] : 1);
  }
  return product;
}

export function localError(path, message) {
  return new ApiRequestError(0, { message: 'Please check the form.', issues: [{ path, message }] });
}

/** Issues of the field readers while collectIssues runs (null otherwise: the first one throws). */
let collected = null;

/**
 * A local mistake in field `path`: recorded while collecting (the reader goes on), thrown otherwise.
 * @param {string} path @param {string} message @returns {undefined}
 */
function report(path, message) {
  if (collected === null) throw localError(path, message);
  collected.push({ path, message });
  return undefined;
}

/**
 * Runs a form reader so that every unreadable field is reported at once: one ApiRequestError(0, …)
 * with all the issues (a rule between fields that throws ends the reading; its issue is added).
 * @template T @param {() => T} read @returns {T}
 */
export function collectIssues(read) {
  const outer = collected;
  const issues = [];
  collected = issues;
  try {
    const value = read();
    if (issues.length > 0) throw new ApiRequestError(0, { message: 'Please check the form.', issues });
    return value;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 0 && error.issues !== issues && issues.length > 0) {
      throw new ApiRequestError(0, { message: 'Please check the form.', issues: [...issues, ...error.issues] });
    }
    throw error;
  } finally {
    collected = outer;
  }
}

/**
 * Reads form field `name` (by element name) as a number. Empty → undefined, or an error when
 * required (kept for the message: the API would name the missing key, not ask for a value);
 * text that is no quantity → an error (the API never sees it). Bounds are the API's.
 * @param {HTMLFormElement} form
 * @param {string} name
 * @param {{path?: string, required?: boolean}} rules  path: the request field, for the error
 * @returns {number | undefined}
 */
export function readNumber(form, name, rules = {}) {
  const element = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
  const path = rules.path ?? name;
  const text = String(element?.value ?? '').trim();
  if (text === '') {
    if (rules.required) report(path, 'Enter a value');
    return undefined;
  }
  const value = parseQuantity(text);
  if (!Number.isFinite(value)) return report(path, 'Enter a number, e.g. 4096, 608e9, 608B or 15360 × 4096');
  return value;
}

/**
 * Reads a list of numbers from text field `name`: "1, 0.8, 0.6 …" (commas, semicolons or spaces between
 * values, each a quantity as readNumber takes it). Empty → undefined.
 * @param {{path?: string, count?: number, min?: number}} rules
 */
export function readNumberList(form, name, rules = {}) {
  const path = rules.path ?? name;
  const text = String(form.elements.namedItem(name)?.value ?? '').trim();
  if (text === '') return undefined;
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const values = parts.map((part) => (part.startsWith('-') ? -parseQuantity(part.slice(1)) : parseQuantity(part)));
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) return report(path, `Value ${bad + 1} (“${parts[bad]}”) is not a number`);
  if (rules.count !== undefined && values.length !== rules.count) {
    return report(path, `Enter ${rules.count} values separated by commas (${values.length} given)`);
  }
  const low = rules.min === undefined ? -1 : values.findIndex((value) => value < rules.min);
  if (low >= 0) return report(path, `Value ${low + 1} must be at least ${rules.min}`);
  return values;
}

/**
 * Drops undefined values (and empty nested objects) so optional fields stay optional.
 * @template {object} T @param {T} object @returns {T}
 */
export function compactObject(object) {
  /** @type {any} */
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = compactObject(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

/** Sets form fields from {name: value}; numbers are written as typed (608e9 stays "608e9" if given as a string). */
export function fillForm(form, values) {
  for (const [name, value] of Object.entries(values)) {
    const element = form.elements.namedItem(name);
    if (!element) continue;
    if (element.type === 'checkbox') element.checked = Boolean(value);
    else element.value = String(value);
  }
  // parts that follow a field's value (the pasted-model editor) update themselves
  if (typeof form.dispatchEvent === 'function') form.dispatchEvent(new Event('gcp:filled'));
}

/**
 * A number as a form field would hold it — the inverse of parseQuantity for what readNumber
 * returned: undefined → "", 14.8e12 → "14.8e12", 608e9 → "608e9", 2048 → "2048".
 */
export function quantityText(value) {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e9) {
    const exponent = Math.floor(Math.log10(Math.abs(value)) / 3) * 3;
    const text = `${Number((value / 10 ** exponent).toPrecision(12))}e${exponent}`;
    if (Number(text) === value) return text;
  }
  return String(value);
}

/** The visible label of the <option> with `value` in `select` (undefined when there is none). */
export function optionLabel(select, value) {
  const option = [...(select?.options ?? [])].find((candidate) => candidate.value === value);
  return option?.textContent?.trim() || undefined;
}

/** "NVIDIA H800 SXM 80GB" → "H800", "AMD Instinct MI300X 192GB" → "MI300X"; the id uppercased otherwise. */
export function shortGpuName(name, id) {
  const word = String(name ?? '')
    .split(/\s+/)
    .find((part) => /\d/.test(part) && /[a-z]/i.test(part) && !/^\d+GB$/i.test(part));
  // a power-limited part says so: "NVIDIA H100 SXM 96GB HBM2e (500 W)" is "H100 500 W", not the 700 W H100
  const powerLimit = /\((\d+)\s*W\)/.exec(String(name ?? ''));
  if (word && powerLimit) return `${word} ${powerLimit[1]} W`;
  return word ?? String(id ?? '').toUpperCase();
}

let catalogs = null;
/**
 * GET /v1/models and /v1/gpus once for the whole page.
 * @returns {Promise<{models: ModelListResponse['models'], gpus: GpuListResponse['gpus']}>}
 */
export function loadCatalogs() {
  catalogs ??= Promise.all([apiGet('/v1/models'), apiGet('/v1/gpus')]).then(([m, g]) => ({ models: m.models, gpus: g.gpus }));
  return catalogs;
}

/** Fills a <select> with catalog entries and picks `preferred` when present (a model select keeps its "pasted config.json" option last). */
export function fillSelect(select, entries, preferred) {
  const keep = select.value;
  select.replaceChildren(...entries.map((entry) => new Option(entry.name, entry.id)));
  if (select.dataset.pasted !== undefined) select.append(new Option('Pasted config.json…', PASTED_MODEL));
  const wanted = keep && (keep === PASTED_MODEL || entries.some((entry) => entry.id === keep)) ? keep : preferred;
  if (wanted === PASTED_MODEL || entries.some((entry) => entry.id === wanted)) select.value = wanted;
}

/** The model select's value for "a pasted config.json" (fields modelConfig and modelName then hold it). */
export const PASTED_MODEL = 'pasted';

/**
 * A pasted config.json's name: `_name_or_path` (its last path part: "deepseek-ai/DeepSeek-V3" → "DeepSeek-V3"),
 * else `name`, else undefined — never the architecture class.
 */
export function configName(config) {
  const raw = config && typeof config === 'object' ? (config._name_or_path ?? config.name) : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  return raw.trim().split('/').filter(Boolean).pop();
}

/**
 * `model` of a request: the catalog id, or {config} from the pasted config.json. A name typed in
 * "Model name" is kept in the config as `_name_or_path` (the planner ignores it), so saved plans
 * and links carry it.
 * @returns {string | {config: Record<string, unknown>}}
 */
export function readModel(form, path = 'model') {
  const select = form.elements.namedItem('model');
  if (select?.value !== PASTED_MODEL) return select?.value;
  const text = String(form.elements.namedItem('modelConfig')?.value ?? '').trim();
  if (text === '') return report(`${path}.config`, 'Paste a config.json');
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    return report(`${path}.config`, 'This is not valid JSON: paste the contents of config.json');
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) return report(`${path}.config`, 'A config.json is one JSON object {…}');
  const name = String(form.elements.namedItem('modelName')?.value ?? '').trim();
  if (name !== '' && name !== configName(config)) config = { ...config, _name_or_path: name };
  return { config };
}

/** The inverse of readModel: {model, modelConfig, modelName} fields for a request's `model`. */
export function modelFields(model) {
  if (model && typeof model === 'object' && model.config) {
    return { model: PASTED_MODEL, modelConfig: JSON.stringify(model.config, null, 2), modelName: configName(model.config) ?? '' };
  }
  return { model: typeof model === 'string' ? model : '', modelConfig: '', modelName: '' };
}

/** What to call a request's model: the select's label for a catalog id, the pasted config's name (or "Pasted model"). */
export function modelTitle(model, form) {
  if (model && typeof model === 'object') return configName(model.config) ?? 'Pasted model';
  return optionLabel(form?.elements.namedItem('model'), model) ?? String(model ?? '');
}

/** Runs `task` for a form with a busy state; only the latest call may render. */
export function latestOnly() {
  let counter = 0;
  return () => {
    const mine = ++counter;
    return () => mine === counter;
  };
}
