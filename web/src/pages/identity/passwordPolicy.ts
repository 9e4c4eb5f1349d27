/**
 * The server's password policy (src/modules/identity/password-policy.ts), checked as the user
 * types so the hint agrees with what registration will accept. The server remains the judge:
 * it also refuses the common passwords this file does not list.
 */
export interface PasswordCheck {
  length: boolean;
  classes: boolean;
  identifiers: boolean;
  /** 0–3 classes beyond the minimum, for the meter. */
  score: number;
}

export function checkPassword(password: string, identifiers: string[] = []): PasswordCheck {
  const length = password.length >= 8 && password.length <= 64;
  const classCount = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  const lower = password.toLowerCase();
  const identifiersOk = !identifiers.some((id) => id.length >= 4 && lower.includes(id.toLowerCase()));
  const ok = length && classCount >= 3 && identifiersOk;
  const score = !ok ? (password ? 1 : 0) : classCount === 4 && password.length >= 12 ? 3 : 2;
  return { length, classes: classCount >= 3, identifiers: identifiersOk, score };
}

export const passwordOk = (c: PasswordCheck) => c.length && c.classes && c.identifiers;

/** The identifiers registration forbids inside a password: phone, ID number and its last six. */
export function identifiersOf(values: { phone?: string; idNumber?: string }): string[] {
  const id = (values.idNumber ?? '').trim().toUpperCase();
  return [values.phone ?? '', id, id.slice(-6)].filter((s) => s.length >= 4);
}
