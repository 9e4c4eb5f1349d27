import type { PersonalKind } from '../guide/form.ts';
import { maskIdNumber, maskPhone, validateIdNumber } from './idcard.ts';
import { maskPassportNumber } from './passport.ts';

// Masking personal values for answers to callers who may not see them in clear: case forms
// (cases/personal-form.ts) and licence fields (license) mask the same way.

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Defence in depth for values nobody declared personal: a valid 公民身份号码 or a mainland mobile
 * number is personal by its shape; a structured value holding one anywhere is personal as a
 * whole ('other').
 */
export function personalKindByShape(value: unknown, nested = false): PersonalKind | undefined {
  if (typeof value === 'string') {
    const v = value.trim();
    if (MOBILE.test(v)) return nested ? 'other' : 'phone';
    if (v.length === 18 && validateIdNumber(v).ok) return nested ? 'other' : 'id_number';
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) if (personalKindByShape(inner, true)) return 'other';
  }
  return undefined;
}

const stars = (n: number) => '*'.repeat(Math.max(n, 1));

/** What a caller who may not see a personal value gets: enough to recognise it, never enough to use it. */
export function maskPersonal(kind: PersonalKind, value: unknown): string {
  if (typeof value !== 'string') return '******';
  const v = value.trim();
  switch (kind) {
    case 'id_number':
      return maskIdNumber(v);
    case 'passport':
      return maskPassportNumber(v.toUpperCase());
    case 'phone':
      return maskPhone(v);
    case 'bank_account':
      return v.length > 8 ? `${stars(v.length - 4)}${v.slice(-4)}` : stars(v.length);
    case 'address':
      // the city or district part stays readable; the street and number do not
      return `${[...v].slice(0, 6).join('')}****`;
    case 'email': {
      const at = v.indexOf('@');
      return at > 0 ? `${v[0]}***${v.slice(at)}` : '******';
    }
    case 'name':
      return `${[...v][0] ?? ''}${stars([...v].length - 1)}`;
    default:
      return '******';
  }
}
