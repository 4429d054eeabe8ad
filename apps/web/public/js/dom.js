// Typed lookups of the page's own markup: the element a selector finds, of the class the code
// needs (a form, an input, a button), or an error naming the selector when the markup lacks it.

/**
 * The element `selector` finds under `root`, an instance of `type` (HTMLElement when not given).
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {new (...args: never[]) => T} [type]
 * @returns {T}
 */
export function find(root, selector, type) {
  const found = root.querySelector(selector);
  const wanted = type ?? HTMLElement;
  if (!(found instanceof wanted)) throw new Error(`the page has no ${wanted.name} at ${selector}`);
  return /** @type {T} */ (found);
}

/**
 * The form's field named `name` (an input, a textarea or a radio group, read as an input), or an error naming it.
 * @param {HTMLFormElement} form @param {string} name @returns {HTMLInputElement}
 */
export function field(form, name) {
  // by what it has, not its class: the page's unit tests read requests from stand-in forms
  const found = form.elements.namedItem(name);
  if (!found || !('value' in found)) throw new Error(`the form has no field ${name}`);
  return /** @type {HTMLInputElement} */ (/** @type {unknown} */ (found));
}

/** The form's select named `name`, or an error naming it. @param {HTMLFormElement} form @param {string} name */
export function selectField(form, name) {
  const found = form.elements.namedItem(name);
  if (!found || !('options' in found)) throw new Error(`the form has no select ${name}`);
  return /** @type {HTMLSelectElement} */ (found);
}
