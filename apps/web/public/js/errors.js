import { ApiRequestError } from './api.js';

/** Shows an API (or local) error in `container`: the message, then one line per issue. */
export function showError(container, error) {
  container.replaceChildren();
  const title = document.createElement('p');
  const status = error instanceof ApiRequestError && error.status > 0 ? ` (HTTP ${error.status})` : '';
  title.textContent = `${error.message}${status}`;
  container.append(title);
  const issues = error instanceof ApiRequestError ? error.issues : [];
  if (issues.length > 0) {
    const list = document.createElement('ul');
    for (const issue of issues) {
      const item = document.createElement('li');
      if (issue.path) {
        const code = document.createElement('code');
        code.textContent = issue.path;
        item.append(code, ': ');
      }
      item.append(issue.message);
      list.append(item);
    }
    container.append(list);
  }
  container.hidden = false;
}

export function clearError(container) {
  container.replaceChildren();
  container.hidden = true;
}
