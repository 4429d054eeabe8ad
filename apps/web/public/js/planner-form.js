// Wiring shared by the planner forms: submit → POST → render, with a busy button,
// only the latest answer rendered, errors shown next to the form, an optional
// "load the published example" button and catalog selects; with `saving`, a "Save plan"
// control under each result and open(plan) to show a saved plan again.
import { apiPost } from './api.js';
import { clearError, showError } from './errors.js';
import { fillForm, fillSelect, latestOnly, loadCatalogs } from './form.js';
import { el } from './results.js';
import { openedNote, savePlanControl } from './saved-plans.js';

/** True when a field inside `details` holds something other than "empty" (or an unchecked box). */
function hasPinnedValues(details) {
  return [...details.querySelectorAll('input, select')].some((field) => (field.type === 'checkbox' ? !field.checked : field.value !== ''));
}

/**
 * @template Req, Res  the endpoint's request and response body types (@gcp/contract, e.g. TrainingPlanRequest, TrainingPlanResponse)
 * @param {object} options
 * @param {HTMLFormElement} options.form
 * @param {HTMLElement} options.errorBox
 * @param {HTMLElement} options.result
 * @param {string} options.endpoint                 API path to POST to
 * @param {(form: HTMLFormElement) => Req} options.readRequest
 * @param {(result: HTMLElement, response: Res, request: Req) => void} options.render
 * @param {{button: Element, values?: object, fill?: (form: HTMLFormElement) => void, open?: Element, run?: boolean, ready?: Promise<unknown>}} [options.preset]
 *        fill the form from `values` (or with `fill`); with `run`, once the catalogs (or `ready`) are loaded, and then submit it
 * @param {{model?: string, gpu?: string}} [options.catalogDefaults]  fill the model / gpu selects
 * @param {{kind: 'training' | 'inference', defaultName: (request: object, form: HTMLFormElement) => string,
 *          requestToFields: (request: object) => object, details?: Element}} [options.saving]
 *        offer "Save plan" under each result, and open(plan) to show a saved one
 * @param {string} [options.loading]  shown (role="status") while a request is in flight
 * @returns {{ready: Promise<void>, open: (plan: {kind: string, name: string, createdAt: string, request: object, response: object | null}) => Promise<void>}}
 *        ready resolves once the catalogs are loaded (immediately without them)
 */
export function wirePlannerForm({ form, errorBox, result, endpoint, readRequest, render, preset, catalogDefaults, saving, loading }) {
  const next = latestOnly();
  const submitLabel = form.querySelector('button[type="submit"]')?.textContent?.trim() ?? 'Plan';
  const busy = loading ? el('p', { class: 'loading', role: 'status', hidden: true, text: loading }) : undefined;
  if (busy) errorBox.before(busy);
  const setBusy = (on) => {
    if (!busy) return;
    busy.hidden = !on;
    result.classList.toggle('stale', on);
    result.setAttribute('aria-busy', String(on));
  };

  async function submit() {
    const isLatest = next();
    clearError(errorBox);
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const request = readRequest(form);
      setBusy(true);
      const response = await apiPost(endpoint, request);
      if (!isLatest()) return;
      render(result, response, request);
      if (saving) {
        result.prepend(savePlanControl({ kind: saving.kind, request, response, defaultName: saving.defaultName(request, form) }));
      }
      result.hidden = false;
    } catch (error) {
      if (!isLatest()) return;
      result.hidden = true;
      showError(errorBox, error);
    } finally {
      if (isLatest()) setBusy(false);
      if (button) button.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  if (preset) {
    preset.button.addEventListener('click', async () => {
      if (preset.run) await (preset.ready ?? ready); // the model / gpu options must exist before the preset picks them
      if (preset.values) fillForm(form, preset.values);
      preset.fill?.(form);
      if (preset.open) preset.open.open = true;
      clearError(errorBox);
      if (preset.run) submit();
    });
  }
  const ready = !catalogDefaults
    ? Promise.resolve()
    : loadCatalogs().then(
        ({ models, gpus }) => {
          if (catalogDefaults.model) fillSelect(form.elements.model, models, catalogDefaults.model);
          if (catalogDefaults.gpu) fillSelect(form.elements.gpu, gpus, catalogDefaults.gpu);
        },
        (error) => showError(errorBox, error),
      );

  /** Fills the form from a saved plan's request and shows its saved response (no planner call). */
  async function open(plan) {
    if (!saving) throw new Error('This form cannot open saved plans.');
    await ready; // the model / gpu options must exist before their values can be set
    next(); // an answer still in flight must not replace the opened plan
    fillForm(form, saving.requestToFields(plan.request));
    if (saving.details) saving.details.open = hasPinnedValues(saving.details);
    clearError(errorBox);
    if (plan.response) {
      render(result, plan.response, plan.request);
      result.prepend(openedNote(plan, submitLabel));
      result.hidden = false;
    } else {
      result.replaceChildren();
      result.hidden = true;
    }
    form.closest('section')?.scrollIntoView({ block: 'start' });
  }

  return { ready, open };
}
