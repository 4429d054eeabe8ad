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
  const element = form.elements.namedItem(name);
  const path = rules.path ?? name;
  const text = String(element?.value ?? '').trim();
  if (text === '') {
    if (rules.required) throw localError(path, 'Enter a value');
    return undefined;
  }
  const value = parseQuantity(text);
  if (!Number.isFinite(value)) throw localError(path, 'Enter a number, e.g. 4096, 608e9, 608B or 15360 × 4096');
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
  if (bad >= 0) throw localError(path, `Value ${bad + 1} (“${parts[bad]}”) is not a number`);
  if (rules.count !== undefined && values.length !== rules.count) {
    throw localError(path, `Enter ${rules.count} values separated by commas (${values.length} given)`);
  }
  const low = rules.min === undefined ? -1 : values.findIndex((value) => value < rules.min);
  if (low >= 0) throw localError(path, `Value ${low + 1} must be at least ${rules.min}`);
  return values;
}

/** Drops undefined values (and empty nested objects) so optional fields stay optional. */
export function compactObject(object) {
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

/** Fills a <select> with catalog entries and picks `preferred` when present. */
export function fillSelect(select, entries, preferred) {
  const keep = select.value;
  select.replaceChildren(...entries.map((entry) => new Option(entry.name, entry.id)));
  const wanted = keep && entries.some((entry) => entry.id === keep) ? keep : preferred;
  if (entries.some((entry) => entry.id === wanted)) select.value = wanted;
}

/** Runs `task` for a form with a busy state; only the latest call may render. */
export function latestOnly() {
  let counter = 0;
  return () => {
    const mine = ++counter;
    return () => mine === counter;
  };
}
