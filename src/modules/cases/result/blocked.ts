/**
 * What the applicant is told when a result could not be produced. Staff read the problem itself
 * (code, message, attempts) and retry; the applicant gets the kind of cause in plain words and
 * the promise that the department knows, never an endless "being produced".
 */
export const BLOCKED_REASONS = ['seal', 'licence_type', 'licence_not_held', 'holder', 'other'] as const;
export type BlockedReason = (typeof BLOCKED_REASONS)[number];

/** The cause of a problem code, as the applicant's page names it. */
export function blockedReason(code: string): BlockedReason {
  if (code.startsWith('SEAL_')) return 'seal';
  if (code === 'LICENCE_TYPE_NOT_FOUND' || code === 'LICENCE_TYPE_RETIRED' || code === 'LICENCE_NOT_ISSUER') return 'licence_type';
  if (code === 'LICENCE_CASE_NOT_HELD') return 'licence_not_held';
  if (code === 'VALIDATION_FAILED' || code.startsWith('LICENCE_HOLDER_') || code === 'RESULT_HOLDER_UNKNOWN' || code === 'RESULT_REGISTERED_NAME') return 'holder';
  return 'other';
}
