// The "Model analysis" section: a catalog model (GET /v1/models/{id}) or a
// pasted config.json (POST /v1/models/analyze), at a sequence length.
import { apiGet, apiPost, ApiRequestError } from './api.js';
import { find } from './dom.js';
import { clearError, showError } from './errors.js';
import { ATTENTION_NAMES, billions, bytesPerToken, gigaflop } from './format.js';
import { barChart } from './svg.js';
import { noteCleared, noteDrawn, registerForms } from './url-state.js';

/** @typedef {import('@gcp/contract').AnalyzeModelRequest} AnalyzeModelRequest */
/** @typedef {import('@gcp/contract').AnalyzeModelResponse} AnalyzeModelResponse */
/** @typedef {import('@gcp/contract').ModelDetailResponse} ModelDetailResponse */
/** @typedef {import('@gcp/contract').ModelListResponse} ModelListResponse */

const BREAKDOWN_LABELS = {
  embedding: 'Embedding',
  head: 'LM head',
  attention: 'Attention',
  denseFfn: 'Dense FFN',
  routedExperts: 'Routed experts',
  sharedExperts: 'Shared experts',
  routers: 'Routers',
  norms: 'Norms',
};

const chartBillions = (value) => (value >= 10 ? `${value.toFixed(0)} B` : value >= 0.01 ? `${value.toFixed(2)} B` : '< 0.01 B');

export function initAnalysis(root = document.getElementById('analysis')) {
  const form = find(root, '#analysis-form', HTMLFormElement);
  const select = find(root, '#model-select', HTMLSelectElement);
  const configInput = find(root, '#config-input', HTMLTextAreaElement);
  const sequenceInput = find(root, '#sequence-length', HTMLInputElement);
  const editButton = find(root, '#edit-config', HTMLButtonElement);
  const errorBox = find(root, '#analysis-error');
  const result = find(root, '#analysis-result');
  let lastCatalogConfig = null;
  let requestNumber = 0;

  const source = () => /** @type {RadioNodeList} */ (form.elements.namedItem('source')).value;

  function showSource() {
    for (const field of root.querySelectorAll('[data-source]')) if (field instanceof HTMLElement) field.hidden = field.dataset.source !== source();
  }

  /** Text that is no number stays local; whole numbers and bounds are the API's (its 400 names sequenceLength). */
  function readSequenceLength() {
    const text = sequenceInput.value.trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      throw new ApiRequestError(0, {
        message: 'The sequence length must be a number of tokens.',
        issues: [{ path: 'sequenceLength', message: 'Enter a number, e.g. 4096' }],
      });
    }
    return value;
  }

  function readPastedConfig() {
    try {
      return JSON.parse(configInput.value);
    } catch {
      throw new ApiRequestError(0, { message: 'The pasted config.json is not valid JSON.' });
    }
  }

  /** @param {AnalyzeModelResponse | ModelDetailResponse} analysis @param {ModelDetailResponse['officialParams'] | null} officialParams */
  function render(analysis, officialParams) {
    root.querySelector('#analysis-model-name').textContent = analysis.name;
    root.querySelector('#total-params').textContent = billions(analysis.totalParams);
    root.querySelector('#active-params').textContent = billions(analysis.activeParams);
    root.querySelector('#mtp-params').textContent = billions(analysis.mtpParams);
    root.querySelector('#attention-kind').textContent = ATTENTION_NAMES[analysis.attention] ?? analysis.attention;
    root.querySelector('#kv-bf16').textContent = bytesPerToken(analysis.kvCacheBytesPerToken.bf16);
    root.querySelector('#kv-fp8').textContent = bytesPerToken(analysis.kvCacheBytesPerToken.fp8);
    root.querySelector('#training-gflop').textContent = gigaflop(analysis.trainingFlopsPerToken);
    root.querySelector('#forward-gflop').textContent = gigaflop(analysis.forwardFlopsPerToken);
    const official = root.querySelector('#official-params');
    official.textContent = officialParams
      ? `Published: ${officialParams.totalB.value} B total` +
        (officialParams.activeB ? `, ${officialParams.activeB.value} B active` : '') +
        ` — ${officialParams.totalB.source}. FLOPs at ${analysis.sequenceLength} tokens per sequence.`
      : `FLOPs at ${analysis.sequenceLength} tokens per sequence.`;
    const breakdown = analysis.paramsBreakdown ?? {};
    const rows = Object.entries(BREAKDOWN_LABELS)
      .map(([key, label]) => ({ label, value: (breakdown[key] ?? 0) / 1e9 }))
      .filter((row) => row.value > 0);
    root.querySelector('#params-chart').replaceChildren(barChart(rows, { title: `Parameter breakdown of ${analysis.name}, billions`, format: chartBillions }));
    result.hidden = false;
  }

  async function analyse() {
    const current = ++requestNumber;
    clearError(errorBox);
    try {
      const sequenceLength = readSequenceLength();
      /** @type {AnalyzeModelResponse | ModelDetailResponse} */
      let analysis;
      let officialParams = null;
      if (source() === 'catalog') {
        if (!select.value) return;
        const query = sequenceLength === undefined ? '' : `?sequenceLength=${sequenceLength}`;
        /** @type {ModelDetailResponse} */
        const detail = await apiGet(`/v1/models/${encodeURIComponent(select.value)}${query}`);
        analysis = detail;
        officialParams = detail.officialParams;
        lastCatalogConfig = detail.config;
        editButton.disabled = false;
      } else {
        /** @type {AnalyzeModelRequest} */
        const body = { config: readPastedConfig(), ...(sequenceLength === undefined ? {} : { sequenceLength }) };
        analysis = await apiPost('/v1/models/analyze', body);
      }
      if (current === requestNumber) {
        render(analysis, officialParams);
        noteDrawn('an');
      }
    } catch (error) {
      if (current !== requestNumber) return;
      result.hidden = true;
      noteCleared('an');
      showError(errorBox, error);
    }
  }

  async function loadCatalog() {
    try {
      /** @type {ModelListResponse} */
      const { models } = await apiGet('/v1/models');
      select.replaceChildren(new Option('Choose a model…', ''), ...models.map((model) => new Option(model.name, model.id)));
    } catch (error) {
      select.replaceChildren(new Option('Models unavailable', ''));
      showError(errorBox, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    analyse();
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === 'source') showSource();
    if (event.target === select || event.target === sequenceInput) analyse();
  });
  editButton.addEventListener('click', () => {
    if (!lastCatalogConfig) return;
    configInput.value = JSON.stringify(lastCatalogConfig, null, 2);
    /** @type {RadioNodeList} */ (form.elements.namedItem('source')).value = 'config';
    showSource();
    configInput.focus();
  });

  showSource();
  const loaded = loadCatalog();
  // the analysis in the URL too: the source, the model or the pasted config, the sequence length
  form.addEventListener('gcp:filled', showSource);
  registerForms('an', {
    forms: [form],
    submit: analyse,
    ready: loaded,
    clear: () => {
      requestNumber++;
      result.hidden = true;
      clearError(errorBox);
    },
  });
  return loaded;
}
