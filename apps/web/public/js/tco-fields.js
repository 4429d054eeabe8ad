// The "Cost of ownership" form's fields, one description each (js/fields.js): markup, request
// reader, refill, preset and the labels of the assumptions the result lists all come from it.

/** A quantity the API defaults from a sourced file when it is left empty. */
const optional = (id, name, label, hint) => ({ id, name, label, kind: /** @type {const} */ ('quantity'), ...(hint ? { hint } : {}) });

/** @type {import('./fields.js').FieldSpec[]} */
export const TCO_FIELDS = [
  { id: 'tco-gpu', name: 'gpu', label: 'GPU', kind: 'catalog' },
  { id: 'tco-gpu-count', name: 'gpuCount', label: 'GPU count', kind: 'quantity', required: true, value: '1024' },
  { ...optional('tco-run', 'runGpuHours', 'Run GPU-hours (optional)', 'e.g. 2.788M — costs one run both ways'), path: 'run.gpuHours' },
  optional('tco-rent', 'rentUsdPerGpuHour', 'Rental price (USD per GPU-hour, optional)', 'Default: the GPU’s price file'),
  optional('tco-gpu-usd', 'gpuUsd', 'GPU price (USD, optional)', 'Default: the GPU’s price file'),
  optional('tco-server-usd', 'serverUsd', '8-GPU server price (USD, optional)', 'Including its GPUs'),
];

/** Assumptions the form can override, by fieldset (their ranges are the API's: @gcp/contract tcoRequestSchema answers 400 naming the field). */
/** @type {Record<'power' | 'capex' | 'staff', import('./fields.js').FieldSpec[]>} */
export const TCO_OVERRIDE_FIELDS = {
  power: [
    optional('tco-pue', 'pue', 'PUE'),
    optional('tco-kwh', 'usdPerKwh', 'Electricity (USD per kWh)'),
    optional('tco-draw', 'gpuPowerShareOfTdp', 'Mean GPU draw (share of TDP)'),
    optional('tco-server-watts', 'serverPowerPerGpuWatt', 'Server W per GPU TDP W'),
    optional('tco-facility', 'facilityUsdPerKwMonth', 'Facility (USD per kW-month)'),
  ],
  capex: [
    optional('tco-network', 'networkingUsdPerNode', 'Network per node (USD)'),
    optional('tco-storage', 'storageUsdPerNode', 'Storage per node (USD)'),
    optional('tco-overhead', 'serverOverheadUsdPerNode', 'Server parts beyond GPUs per node (USD)'),
    optional('tco-years', 'depreciationYears', 'Depreciation (years)'),
    optional('tco-utilization', 'lifetimeUtilization', 'Lifetime utilisation (0–1)'),
  ],
  staff: [
    optional('tco-fte', 'staffFtePer1000Gpus', 'Staff (FTE per 1,000 GPUs)'),
    optional('tco-fte-usd', 'usdPerFteYear', 'Staff cost (USD per FTE-year)'),
    optional('tco-experiments', 'experimentMultiplier', 'Experiment multiplier'),
  ],
};

/** Every field of the form, in reading order. */
export const ALL_TCO_FIELDS = [...TCO_FIELDS, ...TCO_OVERRIDE_FIELDS.power, ...TCO_OVERRIDE_FIELDS.capex, ...TCO_OVERRIDE_FIELDS.staff];
