import { AppError } from '../../kernel/errors.ts';

/**
 * Password strength (等保 2.0 三级 asks for complexity and length): 8–64 characters, at least
 * three of lower case, upper case, digits and symbols, not containing the account's own
 * identifiers, and not one of the passwords every cracking list starts with.
 */
const COMMON = new Set(['password', 'password1', 'passw0rd', 'qwerty123', 'abc12345', 'abcd1234', '12345678', '123456789', '11111111', '88888888', 'a1234567', 'admin123', 'root1234', 'iloveyou', 'woaini1314', 'qq123456', 'aa123456']);

export type PasswordWeakness = 'LENGTH' | 'CLASSES' | 'CONTAINS_IDENTIFIER' | 'COMMON';

export function passwordWeakness(password: string, identifiers: string[] = []): PasswordWeakness | null {
  if (password.length < 8 || password.length > 64) return 'LENGTH';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'CLASSES';
  const lower = password.toLowerCase();
  if (identifiers.some((id) => id.length >= 4 && lower.includes(id.toLowerCase()))) return 'CONTAINS_IDENTIFIER';
  if (COMMON.has(lower.replace(/[^a-z0-9]/g, ''))) return 'COMMON';
  return null;
}

export function requireStrongPassword(password: string, identifiers: string[] = []): void {
  const weakness = passwordWeakness(password, identifiers);
  if (weakness) throw new AppError('PASSWORD_WEAK', 422, {}, { field: 'password', reason: weakness });
}
