/**
 * A passport's document number as ICAO Doc 9303 prints it in the machine-readable zone: capital
 * letters and digits. Nine characters fit the number field; states with longer numbers carry the
 * rest in the optional-data field, which a clerk types together with the nine, so up to 17 are
 * accepted. At least one digit: a name typed into the number field is a mistake, not a number.
 */
export type PassportReason = 'LENGTH' | 'CHARSET' | 'NO_DIGIT';
export type PassportResult = { ok: true } | { ok: false; reason: PassportReason };

/** Expects the canonical upper-case form; callers normalise user input before storing it. */
export function validatePassportNumber(code: string): PassportResult {
  if (code.length < 5 || code.length > 17) return { ok: false, reason: 'LENGTH' };
  if (!/^[A-Z0-9]+$/.test(code)) return { ok: false, reason: 'CHARSET' };
  if (!/\d/.test(code)) return { ok: false, reason: 'NO_DIGIT' };
  return { ok: true };
}

/** Enough to recognise a passport number on a form, never enough to use it: first two and last two characters. */
export const maskPassportNumber = (code: string) => (code.length > 6 ? `${code.slice(0, 2)}${'*'.repeat(code.length - 4)}${code.slice(-2)}` : '*'.repeat(Math.max(code.length, 1)));

/** 证件类型 a person is known by on a licence or a form: 居民身份证, or the 护照 of a foreign national. */
export const PERSON_CODE_TYPES = ['id_card', 'passport'] as const;
export type PersonCodeType = (typeof PERSON_CODE_TYPES)[number];
