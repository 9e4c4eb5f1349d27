import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/**
 * Shows a failed demand request at the form input it names (`details.field`: 'requesterDepartmentId',
 * 'validTo', or 'fields.2' for the fields' checkboxes); true when placed, false when it concerns no
 * input of `inputs` (the caller shows it as a notification then).
 */
export function placeDemandError(form: FormInstance, err: unknown, inputs: string[]): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const name = err.field.replace(/^body\./, '').split('.')[0]!;
  if (!inputs.includes(name)) return false;
  form.setFields([{ name, errors: [err.message || err.code] }]);
  return true;
}

/** Someone else answered, withdrew or changed the demand first: read it again. */
export const isStale = (err: unknown) => err instanceof ApiError && ['VERSION_CONFLICT', 'DATA_DEMAND_STATUS', 'DATA_DEMAND_CONFIRMED'].includes(err.code);
