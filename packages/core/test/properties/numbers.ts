/** Every number inside `value` with its path (for "finite and non-negative" properties). */
export function numbersIn(value: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) numbersIn(item, `${path}.${i}`, out);
  } else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) numbersIn(item, path ? `${path}.${key}` : key, out);
  return out;
}

/** The numbers of `value` that are not finite, or negative where `mayBeNegative` does not allow it. */
export function badNumbers(value: unknown, mayBeNegative: (path: string) => boolean = () => false): string[] {
  return numbersIn(value)
    .filter(([path, n]) => !Number.isFinite(n) || (n < 0 && !mayBeNegative(path)))
    .map(([path, n]) => `${path}=${n}`);
}

export const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
