import { ApiError } from '../../api/client.ts';
import { fieldOfError } from '../../crud/fieldError.ts';

/** The resource-level inputs of the form a server error may name. */
export const TOP_FIELDS = [
  'providerDepartmentId',
  'classCode',
  'name',
  'summary',
  'format',
  'sharingType',
  'sharingCondition',
  'sharingMethod',
  'openType',
  'openCondition',
  'updateCycle',
  'sourceSystem',
  'legalBasis',
  'relatedCodes',
  'fields',
  'keyField',
  'regionField',
];
const FIELD_INPUTS = ['key', 'name', 'type', 'length', 'personal', 'sharingType', 'dataItem', 'authoritative', 'required'];

export interface PlacedError {
  /** The form input: 'openType', or ['fields', 0, 'sharingType'] for a field row's input. */
  name: string | (string | number)[];
  /** The server's message, in the UI language (the request's). */
  text: string;
}

/**
 * Where a failed save belongs in the resource form (a VALIDATION_FAILED naming `fields.0.sharingType`,
 * or a code naming its field); undefined when it concerns no input (shown as a notification then).
 */
export function placeError(err: unknown): PlacedError | undefined {
  if (!(err instanceof ApiError) || !err.field) return undefined;
  const text = err.message || err.code;
  const row = /^(?:body\.)?fields\.(\d+)\.(\w+)$/.exec(err.field);
  if (row && FIELD_INPUTS.includes(row[2]!)) return { name: ['fields', Number(row[1]), row[2]!], text };
  const top = fieldOfError(err, TOP_FIELDS);
  return top ? { name: top, text } : undefined;
}
