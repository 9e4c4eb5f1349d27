import type { Change } from './route-schemas.ts';

/**
 * Field-level differences between two item versions. Objects are compared key by key; arrays of
 * objects are matched by an identity key (key, name, code, q, law) when every element has one,
 * so a material moved or renamed shows as what it is rather than as a shifted list; other
 * arrays are compared as values.
 */
export type { Change };

const IDENTITY_KEYS = ['key', 'name', 'code', 'q', 'law'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function identityKey(list: unknown[]): string | undefined {
  if (list.length === 0) return undefined;
  return IDENTITY_KEYS.find((k) => list.every((e) => isObject(e) && typeof e[k] === 'string'));
}

function walk(path: string, a: unknown, b: unknown, out: Change[]) {
  if (same(a, b)) return;
  if (a === undefined) return void out.push({ path, op: 'added', after: b });
  if (b === undefined) return void out.push({ path, op: 'removed', before: a });
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(path ? `${path}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = identityKey([...a, ...b]);
    if (key) {
      const index = (list: unknown[]) => new Map(list.map((e) => [String((e as Record<string, unknown>)[key]), e]));
      const ma = index(a);
      const mb = index(b);
      if (ma.size === a.length && mb.size === b.length) {
        for (const id of new Set([...ma.keys(), ...mb.keys()])) walk(`${path}[${id}]`, ma.get(id), mb.get(id), out);
        const orderA = [...ma.keys()].filter((k) => mb.has(k));
        const orderB = [...mb.keys()].filter((k) => ma.has(k));
        if (!same(orderA, orderB)) out.push({ path: `${path}.order`, op: 'changed', before: orderA, after: orderB });
        return;
      }
    }
    if (a.every((e) => !isObject(e) && !Array.isArray(e)) && b.every((e) => !isObject(e) && !Array.isArray(e))) {
      return void out.push({ path, op: 'changed', before: a, after: b });
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(`${path}.${i}`, a[i], b[i], out);
    return;
  }
  out.push({ path, op: 'changed', before: a, after: b });
}

export function diffContent(a: unknown, b: unknown): Change[] {
  const out: Change[] = [];
  walk('', a, b, out);
  return out;
}
