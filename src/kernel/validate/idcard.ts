import { isCalendarDay } from '../calendar/shanghai.ts';
import { PROVINCE_CODES } from './provinces.ts';
import * as clock from '../clock.ts';

/**
 * 公民身份号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character (0–9 or X). The 15-digit numbers of
 * the first-generation cards are no longer valid identification and are rejected.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Nobody alive holds a number with an earlier birth year; earlier dates are typing errors. */
const EARLIEST_BIRTH_YEAR = 1900;

export type IdNumberReason = 'LENGTH' | 'CHARSET' | 'REGION' | 'BIRTH_DATE' | 'CHECK_CHAR';
export type IdNumberResult = { ok: true; birthDate: string; sex: 'M' | 'F' } | { ok: false; reason: IdNumberReason };

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * A lower-case x is accepted (people type it); store `value.toUpperCase()`.
 * `today` ('YYYY-MM-DD', Asia/Shanghai) is injectable so tests do not depend on the clock.
 */
export function validateIdNumber(value: string, today: string = clock.today()): IdNumberResult {
  if (value.length !== 18) return { ok: false, reason: 'LENGTH' };
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'CHARSET' };
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return { ok: false, reason: 'REGION' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDay(birthDate) || Number(id.slice(6, 10)) < EARLIEST_BIRTH_YEAR || birthDate > today) {
    return { ok: false, reason: 'BIRTH_DATE' };
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'CHECK_CHAR' };
  return { ok: true, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' };
}

/** First 4 (the city) and last 4 stay visible, as on government receipts: 4453**********1234. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** 138****8000: carrier prefix and last 4 digits, the form used on SMS notices. */
export function maskPhone(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
