// Errors beside the fields they are about: each issue of an error (the API's 400 envelope or a
// local one) is matched to the form field it names, shown under that field by its label with
// aria-invalid and aria-describedby, and listed, by label, in the form's error box. Issues that
// name no field stay in the box. Validator wording is rewritten into plain sentences.
import { ApiRequestError } from './api.js';
import { el } from './results.js';

/** "Invalid key: Expected never but received \"foo\"" or "unknown field `foo`" → the key; else undefined. */
function unknownKey(message) {
  const match = /unknown field [`"“]?([^`"”]+)|Invalid key: Expected never but received "([^"]+)"/i.exec(message);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * An issue's message as a person reads it next to the field: the field's own name dropped from
 * the front ("cacheHitRate must be ≤ 1" → "must be ≤ 1"), unknown keys and raw validator text
 * ("Invalid type: Expected number but received …") put in words.
 * @param {{path?: string, message: string}} issue
 */
export function humanIssueMessage(issue) {
  const path = issue.path ?? '';
  const message = String(issue.message ?? '');
  const key = unknownKey(message);
  if (key !== undefined) {
    const where = path && path !== key && !path.endsWith(`.${key}`) ? ` in ${path}` : '';
    return `“${key}” is not something this planner reads${where}: it may come from an older saved plan or a hand-edited request. Remove it.`;
  }
  const type = /^Invalid type: Expected (\w+)/i.exec(message);
  if (type) return type[1] === 'number' ? 'Enter a number' : `Expected a ${type[1]}`;
  let text = message.replace(/^Invalid \w+: /, '');
  const last = path.split('.').pop() ?? '';
  for (const prefix of [path, last]) {
    if (prefix && text.startsWith(`${prefix} `)) {
      text = text.slice(prefix.length + 1);
      break;
    }
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field an issue path names in `forms`: the full path as a name, then shorter tails, then `aliases`, then a `prefix.` group. */
export function fieldForPath(forms, path, aliases = {}) {
  const parts = String(path ?? '').split('.');
  const names = [];
  for (let i = 0; i < parts.length; i++) names.push(parts.slice(i).join('.'));
  const alias = typeof aliases === 'function' ? aliases(path) : aliases[path];
  if (alias) names.unshift(alias);
  if (/^(model\.)?config(\.|$)/.test(path)) names.unshift('modelConfig', 'config');
  for (const name of names) {
    for (const form of forms) {
      const field = form?.elements?.namedItem(name);
      if (field && 'type' in field && field.type !== 'submit' && field.type !== 'button') return field;
    }
  }
  const group = parts[parts.length - 1];
  for (const form of forms) {
    const field = [...(form?.elements ?? [])].find((candidate) => candidate.name?.startsWith(`${group}.`));
    if (field) return field;
  }
  return undefined;
}

/** The text a person sees for a field: its <label>, else its aria-label, else its name. */
export function fieldLabel(field) {
  const label = field.id ? field.ownerDocument.querySelector(`label[for="${field.id}"]`) : null;
  return (label?.textContent ?? field.getAttribute('aria-label') ?? field.name).replace(/\s+/g, ' ').trim();
}

/** Removes every field error of `forms` (messages, aria-invalid, the describedby entry). */
export function clearFieldErrors(forms) {
  for (const form of forms) {
    if (!form) continue;
    for (const note of form.querySelectorAll('.field-error')) note.remove();
    for (const field of form.querySelectorAll('[aria-invalid="true"]')) {
      field.removeAttribute('aria-invalid');
      const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.endsWith('-field-error'));
      if (ids.length > 0) field.setAttribute('aria-describedby', ids.join(' '));
      else field.removeAttribute('aria-describedby');
    }
  }
}

/**
 * Shows `error` in `box` and beside the fields of `forms` it names (the first form is the one
 * submitted; the others are forms it shares fields with).
 * @param {HTMLFormElement[]} forms @param {HTMLElement} box @param {unknown} error
 * @param {Record<string, string> | ((path: string) => string | undefined)} [aliases]  issue path → field name where they differ
 */
export function showFormError(forms, box, error, aliases) {
  const message = error instanceof Error ? error.message : undefined;
  clearFieldErrors(forms);
  box.replaceChildren();
  const issues = error instanceof ApiRequestError ? error.issues : [];
  const status = error instanceof ApiRequestError && error.status > 0 ? ` (HTTP ${error.status})` : '';
  const placed = issues.map((issue) => ({ issue, field: fieldForPath(forms, issue.path, aliases), text: humanIssueMessage(issue) }));
  const onFields = placed.filter((p) => p.field).length;
  const title =
    onFields > 0 ? `${onFields === 1 ? 'One field needs' : `${onFields} fields need`} a change${status}.` : `${message ?? 'Something went wrong.'}${status}`;
  box.append(el('p', { text: title }));
  if (onFields > 0 && message && !/check the form/i.test(message)) box.append(el('p', { class: 'error-detail', text: message }));
  const list = el('ul');
  for (const { issue, field, text } of placed) {
    const item = el('li');
    if (field) {
      const label = fieldLabel(field);
      const link = el('a', { href: `#${field.id}`, text: label });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        field.focus();
      });
      item.append(link);
      markField(field, text);
    }
    // the API's name of the field, small, for those who read the API too; then the message
    if (issue.path) item.append(' ', el('code', { class: 'path', text: issue.path }));
    item.append(field || issue.path ? `: ${text}` : text);
    list.append(item);
  }
  if (issues.length > 0) box.append(list);
  box.hidden = false;
}

/** The message under the field, aria-invalid on it; a collapsed <details> holding it is opened. */
function markField(field, text) {
  const id = `${field.id || field.name.replace(/\W/g, '-')}-field-error`;
  if (!field.id) field.id = id.replace(/-field-error$/, '');
  const container = field.closest('.field') ?? field.parentElement;
  const existing = container?.querySelector(`#${CSS.escape(id)}`);
  if (existing) existing.append(`; ${text}`);
  else container?.append(el('small', { class: 'field-error', id, text }));
  field.setAttribute('aria-invalid', 'true');
  const ids = new Set((field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  ids.add(id);
  field.setAttribute('aria-describedby', [...ids].join(' '));
  const details = field.closest('details');
  if (details) details.open = true;
}
