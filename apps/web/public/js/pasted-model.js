// "Pasted config.json…" in every planner's model select: a config.json editor and a model name
// beside the select, shown when that option is picked. The request then carries
// {"model": {"config": …}} (form.js readModel); results are titled by the model's name.
import { configName, PASTED_MODEL } from './form.js';
import { el } from './results.js';

/**
 * Adds the pasted-model fields after the model select of `form` (its .field), and keeps them
 * shown only while "Pasted config.json…" is selected.
 * @param {HTMLFormElement} form
 */
export function addPastedModel(form) {
  const select = form.elements.namedItem('model');
  if (!(select instanceof HTMLSelectElement) || form.elements.namedItem('modelConfig')) return;
  select.dataset.pasted = '';
  const base = select.id;
  const config = el('textarea', {
    id: `${base}-config`,
    name: 'modelConfig',
    rows: 8,
    spellcheck: 'false',
    placeholder: '{"_name_or_path": "my-org/my-model", "hidden_size": 4096, "num_hidden_layers": 32, …}',
    'aria-describedby': `${base}-config-hint`,
  });
  const name = el('input', { id: `${base}-name`, name: 'modelName', type: 'text', autocomplete: 'off', maxlength: 100 });
  const group = el(
    'div',
    { class: 'pasted-model', 'data-pasted-model': '' },
    el(
      'div',
      { class: 'field wide' },
      el('label', { for: config.id, text: 'config.json of the model' }),
      config,
      el('small', { class: 'hint', id: `${base}-config-hint`, text: 'The Hugging Face config.json, pasted or edited; planned like a catalog model.' }),
    ),
    el('div', { class: 'field' }, el('label', { for: name.id, text: 'Model name' }), name, el('small', { class: 'hint', text: 'Default: its _name_or_path' })),
  );
  const anchor = select.closest('.field') ?? select;
  // inside a .grid the group spans the whole row
  anchor.after(group);
  let autoName = '';
  config.addEventListener('input', () => {
    let parsed;
    try {
      parsed = JSON.parse(config.value);
    } catch {
      return;
    }
    const found = configName(parsed) ?? '';
    if (name.value === '' || name.value === autoName) name.value = found;
    autoName = found;
  });
  const sync = () => {
    group.hidden = select.value !== PASTED_MODEL;
  };
  select.addEventListener('change', sync);
  // fillForm sets values without events: the URL restore and saved plans call this after filling
  form.addEventListener('gcp:filled', sync);
  sync();
}

/** Shows or hides the pasted-model fields after the form was filled programmatically. */
export function syncPastedModel(form) {
  form.dispatchEvent(new Event('gcp:filled'));
}
