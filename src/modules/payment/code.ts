import { randomInt } from 'node:crypto';

/**
 * 缴款码: 20 digits = 6-digit region of the collecting unit, 13 random digits, 1 Luhn check
 * digit. Random rather than sequential so instances need no shared counter; the unique
 * constraint catches the rare collision and the caller draws again. The check digit lets a
 * channel refuse a mistyped code before asking us.
 */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function newPaymentCode(regionCode: string): string {
  let random = '';
  for (let i = 0; i < 13; i++) random += String(randomInt(10));
  const body = regionCode.slice(0, 6) + random;
  return body + String(luhnDigit(body));
}

export function isPaymentCode(code: string): boolean {
  return /^\d{20}$/.test(code) && luhnDigit(code.slice(0, 19)) === Number(code[19]);
}
