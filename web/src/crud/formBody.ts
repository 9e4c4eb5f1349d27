import type { CrudField, FormMode, FormValues } from './types.ts';

export const activeFields = (fields: CrudField[], mode: FormMode) => fields.filter((f) => !f.only || f.only === mode);

/** Form values of a record being edited. */
export function recordToForm(record: object, fields: CrudField[]): FormValues {
  const source = record as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of activeFields(fields, 'edit')) {
    if (!field.blankOnEdit) values[field.name] = source[field.name] ?? undefined;
  }
  return values;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The request body from the form: strings trimmed. Creating, blank values are left out (the
 * server's defaults apply). Editing, a blank optional reference is sent as null (to clear it),
 * other blanks as '', blank `blankOnEdit` fields and `fixedOnEdit` fields are not sent.
 */
export function formToBody(values: FormValues, fields: CrudField[], mode: FormMode): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of activeFields(fields, mode)) {
    if (mode === 'edit' && field.fixedOnEdit) continue;
    const raw = values[field.name];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (!isBlank(value)) body[field.name] = value;
    else if (mode === 'edit' && !field.blankOnEdit) body[field.name] = field.nullable ? null : '';
  }
  return body;
}
