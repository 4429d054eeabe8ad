// Wiring shared by the planner forms: submit → POST → render, with a busy button,
// only the latest answer rendered, errors shown next to the form, an optional
// "load the published example" button and catalog selects.
import { apiPost } from './api.js';
import { clearError, showError } from './errors.js';
import { fillForm, fillSelect, latestOnly, loadCatalogs } from './form.js';

/**
 * @param {object} options
 * @param {HTMLFormElement} options.form
 * @param {HTMLElement} options.errorBox
 * @param {HTMLElement} options.result
 * @param {string} options.endpoint                 API path to POST to
 * @param {(form: HTMLFormElement) => object} options.readRequest
 * @param {(result: HTMLElement, response: object, request: object) => void} options.render
 * @param {{button: Element, values: object, open?: Element}} [options.preset]
 * @param {{model?: string, gpu?: string}} [options.catalogDefaults]  fill the model / gpu selects
 * @returns {Promise<void>} resolves once the catalogs are loaded (immediately without them)
 */
export function wirePlannerForm({ form, errorBox, result, endpoint, readRequest, render, preset, catalogDefaults }) {
  const next = latestOnly();

  async function submit() {
    const isLatest = next();
    clearError(errorBox);
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const request = readRequest(form);
      const response = await apiPost(endpoint, request);
      if (!isLatest()) return;
      render(result, response, request);
      result.hidden = false;
    } catch (error) {
      if (!isLatest()) return;
      result.hidden = true;
      showError(errorBox, error);
    } finally {
      if (button) button.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  if (preset) {
    preset.button.addEventListener('click', () => {
      fillForm(form, preset.values);
      if (preset.open) preset.open.open = true;
      clearError(errorBox);
    });
  }
  if (!catalogDefaults) return Promise.resolve();
  return loadCatalogs().then(
    ({ models, gpus }) => {
      if (catalogDefaults.model) fillSelect(form.elements.model, models, catalogDefaults.model);
      if (catalogDefaults.gpu) fillSelect(form.elements.gpu, gpus, catalogDefaults.gpu);
    },
    (error) => showError(errorBox, error),
  );
}
