/** FidesKeys: `[A-Za-z0-9_.-]+` (the stricter form from Fides' docs), unique within a file. */

export function sanitizeFidesKey(raw: string): string {
  const key = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key === '' ? 'dataset' : key;
}

/** Hands out sanitized keys, appending `_2`, `_3`, ... on collisions (deterministic for a fixed call order). */
export class FidesKeyAllocator {
  readonly #used = new Set<string>();
  readonly #byRaw = new Map<string, string>();

  keyFor(raw: string): string {
    const existing = this.#byRaw.get(raw);
    if (existing) return existing;
    const base = sanitizeFidesKey(raw);
    let key = base;
    for (let n = 2; this.#used.has(key); n++) key = `${base}_${n}`;
    this.#used.add(key);
    this.#byRaw.set(raw, key);
    return key;
  }
}
