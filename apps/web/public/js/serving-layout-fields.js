// A pinned serving layout in a form: its field descriptions (js/fields.js) and the rule between
// them (all four sizes or none). The plan form pins a prefill and a decode pool, the throughput
// form one instance.
import { localError } from './form.js';

/** The four sizes of a serving layout, in the order the forms show them. */
export const LAYOUT_KEYS = /** @type {const} */ (['attentionTp', 'attentionDp', 'moeTp', 'moeEp']);
const LAYOUT_LABELS = { attentionTp: 'attention TP', attentionDp: 'attention DP', moeTp: 'MoE TP', moeEp: 'MoE EP', redundantExperts: 'redundant experts' };

/**
 * Field descriptions of a layout pinned at request `path`: fields `${namePrefix}${key}`, labelled
 * "`${labelPrefix}` attention TP" and so on; `ids` names each field's id (default `${idPrefix}${key}`).
 * @param {{path: string, namePrefix: string, labelPrefix: string, idPrefix?: string, ids?: Partial<Record<string, string>>, redundantExperts?: boolean}} o
 * @returns {import('./fields.js').FieldSpec[]}
 */
export function layoutFieldSpecs(o) {
  const keys = o.redundantExperts ? [...LAYOUT_KEYS, 'redundantExperts'] : [...LAYOUT_KEYS];
  return keys.map((key) => ({
    id: o.ids?.[key] ?? `${o.idPrefix}${key}`,
    name: `${o.namePrefix}${key}`,
    label: `${o.labelPrefix} ${LAYOUT_LABELS[key]}`,
    kind: /** @type {const} */ ('quantity'),
    path: `${o.path}.${key}`,
  }));
}

/**
 * The rule between a layout's fields, on what readFields read at `path`: all four sizes or none
 * (none: the pool is searched, undefined); redundant experts only with the four.
 * @param {Record<string, number | undefined> | undefined} layout @param {string} path
 */
export function pinnedLayout(layout, path) {
  const given = LAYOUT_KEYS.filter((key) => layout?.[key] !== undefined).length;
  if (given === 0) {
    if (layout?.redundantExperts !== undefined) throw localError(path, 'Redundant experts need the four layout sizes too');
    return undefined;
  }
  if (given < LAYOUT_KEYS.length) throw localError(path, 'Give attention TP, attention DP, MoE TP and MoE EP — or none of them to search');
  return layout;
}
