import { isCalendarDay } from '../../kernel/calendar/shanghai.ts';
import { validationFailed } from '../../kernel/errors.ts';
import type { FieldSpec } from './schemas.ts';

export type { FieldSpec };

export type FieldValues = Record<string, string | number>;

const KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
const RESERVED = new Set(['holderName', 'holderCode']);

/** Check a type's field list itself (on create/update of the type). */
export function checkFieldSpecs(specs: FieldSpec[]): void {
  const seen = new Set<string>();
  for (const [i, f] of specs.entries()) {
    if (!KEY.test(f.key) || RESERVED.has(f.key))
      throw validationFailed(`fields.${i}.key`, 'a camelCase name, not holderName/holderCode');
    if (seen.has(f.key)) throw validationFailed(`fields.${i}.key`, 'duplicate key');
    seen.add(f.key);
  }
}

/**
 * Check values against a type's fields: required present, types right, nothing unknown.
 * Returns the normalised values (trimmed text, numbers as numbers). `path` prefixes error fields.
 */
export function checkFieldValues(specs: FieldSpec[], values: Record<string, unknown>, path = 'fields'): FieldValues {
  const known = new Map(specs.map((f) => [f.key, f]));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) throw validationFailed(`${path}.${key}`, 'not a field of this licence type');
  }
  const out: FieldValues = {};
  for (const f of specs) {
    const raw = values[f.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (f.required) throw validationFailed(`${path}.${f.key}`, 'required');
      continue;
    }
    if (f.type === 'number') {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n)) throw validationFailed(`${path}.${f.key}`, 'not a number');
      out[f.key] = n;
    } else if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw validationFailed(`${path}.${f.key}`, 'not text');
    } else {
      const text = String(raw).trim();
      if (text.length > 500) throw validationFailed(`${path}.${f.key}`, 'longer than 500 characters');
      if (f.type === 'date' && !isCalendarDay(text)) throw validationFailed(`${path}.${f.key}`, 'not a YYYY-MM-DD date');
      out[f.key] = text;
    }
  }
  return out;
}
