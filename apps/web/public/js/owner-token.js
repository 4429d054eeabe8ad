// The owner token of this browser's saved plans: POST /v1/plans answers it once; the page keeps it
// in localStorage (one per browser, reused for later saves) and sends it to list, rename and delete.

/** localStorage key of the owner token. */
export const OWNER_TOKEN_STORAGE_KEY = 'gcp.savedPlans.ownerToken';

/** @returns {string | null} */
export function ownerToken() {
  try {
    return localStorage.getItem(OWNER_TOKEN_STORAGE_KEY);
  } catch {
    return null; // storage disabled: plans can still be saved, just not listed later
  }
}

/** Keeps the token the API answered (the first save makes it; later saves send it back). */
export function rememberOwnerToken(token) {
  if (typeof token !== 'string' || token === '') return;
  try {
    localStorage.setItem(OWNER_TOKEN_STORAGE_KEY, token);
  } catch {
    // storage disabled: nothing to keep it in
  }
}

/** `{authorization: 'Bearer …'}` when this browser holds a token, else `{}`. */
export function ownerHeaders() {
  const token = ownerToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
