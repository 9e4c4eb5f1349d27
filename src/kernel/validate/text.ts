/**
 * Characters no text we accept may hold. The rule is XML 1.0's `Char` production: tab, line feed
 * and carriage return are the only control characters; lone UTF-16 surrogates and the
 * noncharacters U+FFFE/U+FFFF are refused.
 *
 * - NUL: PostgreSQL's text and jsonb cannot store it (the query fails: a 500 before this check).
 * - Lone surrogates are not Unicode text at all: the drivers encode them as U+FFFD, so what was
 *   stored would differ silently from what was sent (and from what a signature covered).
 * - The other C0 controls (and U+FFFE/U+FFFF) PostgreSQL would store, but they cannot be written
 *   into the XML our documents travel in (the .xlsx exports, 电子证照 and data exchange), they
 *   corrupt logs and terminals, and no form field has a use for them. Refusing them at the door
 *   is clearer than a broken export later. DEL and the C1 controls are valid XML and pass.
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first invalid character of a string: its index and code point as `U+XXXX`, or undefined. */
export function invalidCharacter(s: string): { index: number; codePoint: string } | undefined {
  const m = INVALID.exec(s);
  if (!m) return undefined;
  return { index: m.index, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

export interface InvalidText {
  /** Dotted path of the value or key, as validation errors name fields (`items.0.name`). */
  field: string;
  /** Where the character sits: in the value at `field`, or in the key that ends `field`. */
  in: 'value' | 'key';
  codePoint: string;
}

/** A key as it appears in a path: invalid characters spelt as \uXXXX so the path stays printable. */
const printable = (key: string) =>
  key.replace(new RegExp(INVALID.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/**
 * The first string (value or object key) anywhere in `value` holding an invalid character.
 * Iterative, so a deeply nested body cannot exhaust the stack; only plain JSON-like data is
 * walked (Buffers and streams are bytes, not text).
 */
export function findInvalidText(value: unknown, root = ''): InvalidText | undefined {
  const stack: [unknown, string][] = [[value, root]];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const bad = invalidCharacter(v);
      if (bad) return { field: path, in: 'value', codePoint: bad.codePoint };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && typeof (v as { pipe?: unknown }).pipe !== 'function') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (const [k] of entries) {
        const bad = invalidCharacter(k);
        if (bad) return { field: join(path, printable(k)), in: 'key', codePoint: bad.codePoint };
      }
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], join(path, entries[i]![0])]);
    }
  }
  return undefined;
}
