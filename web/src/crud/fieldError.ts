import { ApiError } from '../api/client.ts';

/**
 * The form field a server error is about: a code mapped by the page (USCC_TAKEN → uscc), else
 * `details.field` of a validation error ("body.uscc" or "uscc"). Undefined when none fits.
 */
export function fieldOfError(err: unknown, fieldNames: string[], byCode: Record<string, string> = {}): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const candidates = [byCode[err.code], err.field, err.field?.split('.').pop()];
  return candidates.find((name): name is string => !!name && fieldNames.includes(name));
}
