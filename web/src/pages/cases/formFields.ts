import type { FormDefinition } from './api.ts';

/**
 * The form's fields in the order the applicant filled them in: the layout hints' `order`, then the
 * schema's property order. Stored form data cannot give this order — PostgreSQL's jsonb keeps
 * object keys sorted by length — so every page that lists the fields asks the schema.
 */
export function orderedFieldNames(definition: FormDefinition): string[] {
  const hints = definition.fields ?? {};
  return Object.keys(definition.schema.properties ?? {}).sort((a, b) => (hints[a]?.order ?? 999) - (hints[b]?.order ?? 999));
}

/** A stored answer as text for a read-only list; `yes`/`no` name a boolean in the reader's language. */
export function fieldValueText(value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) return value.map((v) => fieldValueText(v, yesNo)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}
