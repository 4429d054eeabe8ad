// Saved plans: the "Save plan" control under a planner result (POST /v1/plans) and the
// "Saved plans" section (GET /v1/plans, GET /v1/plans/{id}) that reopens one into its form,
// renames (PATCH) or deletes (DELETE) it. Listing and changes need this browser's owner token
// (owner-token.js); opening a plan by its id does not.
import { apiGet, apiPost, apiSend } from './api.js';
import { clearError, showError } from './errors.js';
import { latestOnly } from './form.js';
import { ownerHeaders, ownerToken, rememberOwnerToken } from './owner-token.js';
import { el, scrollBox } from './results.js';

/** @typedef {import('@gcp/contract').CreatePlanRequest} CreatePlanRequest */
/** @typedef {import('@gcp/contract').SavedPlan} SavedPlan */
/** @typedef {import('@gcp/contract').CreatedPlan} CreatedPlan */
/** @typedef {import('@gcp/contract').PlanSummary} PlanSummary */
/** @typedef {import('@gcp/contract').PlanListResponse} PlanListResponse */

/** Fired on `document` after a plan is saved; detail: the saved plan. */
export const PLAN_SAVED_EVENT = 'gcp:plan-saved';
export const SAVED_PLANS_LIMIT = 20;

const KIND_LABELS = { training: 'Training', inference: 'Inference' };

/** A saved plan's own link: the page opens it from `?plan=<id>`. */
export const planLink = (id) => `/?plan=${encodeURIComponent(id)}`;

/** ISO-8601 → "Jul 4, 2025, 10:31" in the reader's locale and time zone. */
export function savedAt(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A small form under a planner result: "Plan name" + "Save plan"; POSTs {name, kind, request, response}.
 * @param {{kind: 'training' | 'inference', request: object, response: object, defaultName: string}} options
 */
export function savePlanControl({ kind, request, response, defaultName }) {
  const inputId = `${kind}-plan-name`;
  const input = el('input', { id: inputId, name: 'name', type: 'text', autocomplete: 'off', maxlength: 200 });
  input.value = defaultName;
  const button = el('button', { type: 'submit', text: 'Save plan' });
  const status = el('p', { class: 'save-status', id: `${kind}-save-status`, role: 'status', hidden: true });
  const errorBox = el('div', { class: 'error', id: `${kind}-save-error`, role: 'alert', hidden: true });
  const link = el('p', { class: 'plan-link', id: `${kind}-plan-link`, hidden: true });
  const form = el(
    'form',
    { class: 'save-plan', 'aria-label': `Save this ${kind} plan`, novalidate: true },
    el('div', { class: 'save-row' }, el('label', { for: inputId, text: 'Plan name' }), input, button, status),
    link,
    errorBox,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(errorBox);
    status.hidden = true;
    button.disabled = true;
    try {
      // the API checks the name (empty, too long) and answers with its error envelope
      /** @type {CreatePlanRequest} */
      const body = { name: input.value.trim(), kind, request, response };
      /** @type {CreatedPlan} */
      const saved = await apiPost('/v1/plans', body, ownerHeaders());
      rememberOwnerToken(saved.ownerToken);
      status.replaceChildren('Saved as ', el('code', { text: `#${saved.id}` }));
      status.hidden = false;
      const href = planLink(saved.id);
      link.replaceChildren('Its own link: ', el('a', { href, id: `${kind}-plan-link-a`, text: new URL(href, location.href).href }));
      link.hidden = false;
      document.dispatchEvent(new CustomEvent(PLAN_SAVED_EVENT, { detail: saved }));
    } catch (error) {
      showError(errorBox, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/**
 * The line shown above a reopened result: which plan, when it was saved, that it was not recomputed.
 * @param {SavedPlan} plan
 */
export function openedNote(plan, submitLabel) {
  return el(
    'p',
    { class: 'note opened-plan', id: `${plan.kind}-opened` },
    'Saved plan ',
    el('strong', { text: `“${plan.name}”` }),
    ` from ${savedAt(plan.createdAt)} — shown as saved; press “${submitLabel}” to recompute.`,
    plan.stale
      ? el('span', { class: 'stale-plan', id: `${plan.kind}-stale`, text: ` ${plan.staleReason ?? 'Today’s planner may answer differently.'}` })
      : undefined,
  );
}

/**
 * @param {PlanSummary[]} plans
 * @param {Record<'open' | 'rename' | 'delete', (plan: PlanSummary, button: HTMLButtonElement) => void>} actions
 */
function planTable(plans, actions) {
  const rows = plans.map((plan) => {
    const buttons = [
      ['open', 'Open'],
      ['rename', 'Rename'],
      ['delete', 'Delete'],
    ].map(([action, label]) => {
      const button = el('button', { type: 'button', class: 'secondary small', text: label, 'aria-label': `${label} “${plan.name}”` });
      button.addEventListener('click', () => actions[action](plan, button));
      return button;
    });
    return el(
      'tr',
      { 'data-id': plan.id },
      el('th', { scope: 'row', text: plan.name }),
      el('td', { text: KIND_LABELS[plan.kind] ?? plan.kind }),
      el('td', {}, el('time', { datetime: plan.createdAt, text: savedAt(plan.createdAt) })),
      el('td', { class: 'actions' }, ...buttons),
    );
  });
  return scrollBox(
    el(
      'table',
      { class: 'data saved-plans' },
      el('thead', {}, el('tr', {}, ...['Name', 'Kind', 'Saved', ''].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows),
    ),
    'saved plans',
  );
}

/**
 * Lists the newest saved plans with an "Open" button each; refreshes after every save.
 * @param {object} options
 * @param {{training?: (plan: SavedPlan) => Promise<void> | void, inference?: (plan: SavedPlan) => Promise<void> | void}} options.openers
 *        fill the matching form from plan.request and show plan.response
 * @param {HTMLElement} [options.root]
 * @returns {{listed: Promise<void>, openById: (id: string, options?: {push?: boolean}) => Promise<void>}} listed: after the first listing
 */
export function initSavedPlans({ openers, root = document.getElementById('saved-plans') }) {
  const list = root.querySelector('#saved-plans-list');
  const errorBox = root.querySelector('#saved-plans-error');
  const next = latestOnly();

  /** Opens saved plan `id` into its form; `push`: a new history entry with the plan's own link. */
  async function openById(id, { push = false } = {}) {
    clearError(errorBox);
    try {
      /** @type {SavedPlan} */
      const plan = await apiGet(`/v1/plans/${encodeURIComponent(id)}`);
      const opener = openers[plan.kind];
      if (!opener) throw new Error(`Plans of kind “${plan.kind}” cannot be opened here.`);
      await opener(plan);
      if (push) history.pushState(null, '', planLink(id));
    } catch (error) {
      showError(errorBox, error);
      if (!push) root.scrollIntoView({ block: 'start' });
    }
  }

  async function open(summary, button) {
    button.disabled = true;
    try {
      await openById(summary.id, { push: true });
    } finally {
      button.disabled = false;
    }
  }

  /** Runs an owner-only change, then lists again. */
  async function change(button, request) {
    clearError(errorBox);
    button.disabled = true;
    try {
      await request();
      await refresh();
    } catch (error) {
      showError(errorBox, error);
    } finally {
      button.disabled = false;
    }
  }

  const actions = {
    open,
    rename: (summary, button) => {
      const name = window.prompt(`New name for “${summary.name}”`, summary.name);
      if (name === null) return;
      return change(button, () => apiSend('PATCH', `/v1/plans/${encodeURIComponent(summary.id)}`, { name: name.trim() }, ownerHeaders()));
    },
    delete: (summary, button) => {
      if (!window.confirm(`Delete the saved plan “${summary.name}”?`)) return;
      return change(button, () => apiSend('DELETE', `/v1/plans/${encodeURIComponent(summary.id)}`, undefined, ownerHeaders()));
    },
  };

  async function refresh() {
    const isLatest = next();
    try {
      // no token yet: this browser has saved nothing (GET /v1/plans would answer 401)
      /** @type {PlanListResponse} */
      const { plans } = ownerToken() === null ? { plans: [] } : await apiGet(`/v1/plans?limit=${SAVED_PLANS_LIMIT}`, ownerHeaders());
      if (!isLatest()) return;
      clearError(errorBox);
      list.replaceChildren(
        plans.length > 0
          ? planTable(plans, actions)
          : el('p', { class: 'note', text: 'No saved plans yet — plan a training run or a deployment, then press “Save plan”.' }),
      );
    } catch (error) {
      if (isLatest()) showError(errorBox, error);
    }
  }

  root.querySelector('#saved-plans-refresh')?.addEventListener('click', () => refresh());
  document.addEventListener(PLAN_SAVED_EVENT, () => refresh());
  return { listed: refresh(), openById };
}
