// Wiring shared by the planner forms: submit → POST → render, with a loading state, only the
// latest answer rendered, every field error beside its field (field-errors.js), a stale marker as
// soon as an input changes after a result, presets that fill the form and plan it, the result's
// tools (result-tools.js: export, compare, print, save), and the form's state in the URL
// (url-state.js). With `saving`, open(plan) shows a saved plan again.
import { selectField } from './dom.js';
import { apiPost } from './api.js';
import { clearFieldErrors, showFormError } from './field-errors.js';
import { collectIssues, fillForm, fillSelect, latestOnly, loadCatalogs } from './form.js';
import { addPastedModel, syncPastedModel } from './pasted-model.js';
import { el } from './results.js';
import { resultTools } from './result-tools.js';
import { openedNote } from './saved-plans.js';
import { noteCleared, noteDrawn, registerForms } from './url-state.js';

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
 * @param {string} options.key                      the form's prefix in the URL (url-state.js)
 * @param {string} options.plannerLabel             what the planner is called ("training plans"), for comparisons
 * @param {(request: Req, form: HTMLFormElement) => string} [options.title]  a result's name (default: saving.defaultName)
 * @param {HTMLFormElement[]} [options.shared]      forms whose fields the request also reads (their edits make the result stale)
 * @param {Record<string, string> | ((path: string) => string | undefined)} [options.aliases]  issue path → field name where they differ
 * @param {{button: Element, values?: object, fill?: (form: HTMLFormElement) => void, open?: HTMLDetailsElement, ready?: Promise<unknown>}} [options.preset]
 *        fill the form from `values` (or with `fill`) once the catalogs (or `ready`) are loaded, and plan it
 * @param {{model?: string, gpu?: string}} [options.catalogDefaults]  fill the model / gpu selects (a model select also offers a pasted config.json)
 * @param {{kind: 'training' | 'inference', defaultName: (request: object, form: HTMLFormElement) => string,
 *          requestToFields: (request: object) => object, details?: HTMLDetailsElement}} [options.saving]
 *        offer "Save plan" under each result, and open(plan) to show a saved one
 * @param {string} [options.loading]  shown (role="status") while a request is in flight
 * @param {{read: () => Record<string, string>, write: (values: Record<string, string>) => void}} [options.urlExtra]  state outside the fields
 * @param {HTMLFormElement[]} [options.urlForms]  the forms whose fields the URL records under `key` (default: the form)
 * @returns {{ready: Promise<void>, submit: () => Promise<void>, open: (plan: {kind: string, name: string, createdAt: string, request: object, response: object | null}) => Promise<void>}}
 */
export function wirePlannerForm(options) {
  const { form, errorBox, result, endpoint, readRequest, render, preset, catalogDefaults, saving, key, shared = [] } = options;
  const forms = [form, ...shared];
  const next = latestOnly();
  const submitLabel = form.querySelector('button[type="submit"]')?.textContent?.trim() ?? 'Plan';
  // the loading line exists only while a request is in flight
  const busy = el('p', { class: 'loading', role: 'status', text: options.loading ?? `${submitLabel}: waiting for the planner…` });
  const staleNote = el('p', { class: 'stale-note', id: `${key}-stale-note`, role: 'status', hidden: true });
  result.before(staleNote);
  const setBusy = (on) => {
    if (on) errorBox.before(busy);
    else busy.remove();
    result.classList.toggle('busy', on);
    result.setAttribute('aria-busy', String(on));
  };
  const title = (request) => (options.title ?? saving?.defaultName ?? (() => options.plannerLabel))(request, form);

  function setStale(on) {
    result.classList.toggle('is-stale', on);
    staleNote.hidden = !on;
    staleNote.textContent = on ? `Inputs changed: this result is for the previous inputs. Press “${submitLabel}” to update it.` : '';
  }
  const markStale = () => {
    if (!result.hidden && result.childElementCount > 0) setStale(true);
  };
  for (const f of forms) {
    f.addEventListener('input', markStale);
    f.addEventListener('change', markStale);
  }

  /** Draws `response` with its tools (export, compare, print, save) above it. */
  function draw(response, request, /** @type {{saved?: object}} */ { saved } = {}) {
    render(result, response, request);
    result.prepend(
      resultTools({
        key,
        section: form.closest('section.card') ?? form,
        result,
        request,
        response,
        title: saved?.name ?? title(request),
        plannerLabel: options.plannerLabel,
        saving: saving && !saved ? { kind: saving.kind } : undefined,
      }),
    );
    if (saved) result.prepend(openedNote(saved, submitLabel));
    setStale(false);
    result.hidden = false;
  }

  function clear() {
    next();
    result.replaceChildren();
    result.hidden = true;
    setStale(false);
    clearFieldErrors(forms);
    errorBox.hidden = true;
  }

  async function submit() {
    const isLatest = next();
    clearFieldErrors(forms);
    errorBox.hidden = true;
    const button = form.querySelector('button[type="submit"]');
    if (!(button instanceof HTMLButtonElement)) throw new Error('the form has no submit button');
    button.disabled = true;
    try {
      const request = collectIssues(() => readRequest(form));
      setBusy(true);
      const response = await apiPost(endpoint, request);
      if (!isLatest()) return;
      draw(response, request);
      noteDrawn(key);
    } catch (error) {
      if (!isLatest()) return;
      result.hidden = true;
      setStale(false);
      noteCleared(key);
      showFormError(forms, errorBox, error, options.aliases);
    } finally {
      if (isLatest()) setBusy(false);
      button.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  const ready = !catalogDefaults
    ? Promise.resolve()
    : loadCatalogs().then(
        ({ models, gpus }) => {
          if (catalogDefaults.model) {
            addPastedModel(form);
            fillSelect(selectField(form, 'model'), models, catalogDefaults.model);
            syncPastedModel(form);
          }
          if (catalogDefaults.gpu) fillSelect(selectField(form, 'gpu'), gpus, catalogDefaults.gpu);
        },
        (error) => showFormError(forms, errorBox, error),
      );
  if (preset) {
    preset.button.addEventListener('click', async () => {
      await (preset.ready ?? ready); // the model / gpu options must exist before the preset picks them
      if (preset.values) fillForm(form, preset.values);
      preset.fill?.(form);
      if (preset.open) preset.open.open = true;
      // a preset is a published plan: it is planned at once, so no earlier result stays on screen as if it were this one
      return submit();
    });
  }
  registerForms(key, {
    forms: options.urlForms ?? [form],
    watch: forms,
    submit,
    clear,
    ready: Promise.all([ready, preset?.ready]),
    ...(options.urlExtra ? { extra: options.urlExtra } : {}),
  });

  /** Fills the form from a saved plan's request and shows its saved response (no planner call). */
  async function open(plan) {
    if (!saving) throw new Error('This form cannot open saved plans.');
    await ready; // the model / gpu options must exist before their values can be set
    next(); // an answer still in flight must not replace the opened plan
    fillForm(form, saving.requestToFields(plan.request));
    if (saving.details) saving.details.open = hasPinnedValues(saving.details);
    clearFieldErrors(forms);
    errorBox.hidden = true;
    noteCleared(key);
    if (plan.response) draw(plan.response, plan.request, { saved: plan });
    else clear();
    form.closest('section')?.scrollIntoView({ block: 'start' });
  }

  return { ready, submit, open };
}
