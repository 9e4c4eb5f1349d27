import { AppError } from '../../kernel/errors.ts';

/**
 * Money is integer fen. The ceiling keeps every sum far inside JavaScript's safe integers
 * (and inside bigint columns), so amounts never lose a fen between the database and the API.
 * 100 亿元 is well above any single non-tax fee.
 */
export const MAX_FEN = 1_000_000_000_000;

/** Reasons an amount is refused, each with its own stable code. */
export function checkFen(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AppError('AMOUNT_INVALID', 400, { field }, { field });
  }
  if (!Number.isInteger(value)) throw new AppError('AMOUNT_NOT_WHOLE_FEN', 400, { field }, { field, value });
  if (value < 0) throw new AppError('AMOUNT_NEGATIVE', 400, { field }, { field, value });
  if (value > MAX_FEN) throw new AppError('AMOUNT_TOO_LARGE', 400, { field, max: MAX_FEN }, { field, max: MAX_FEN });
  return value;
}

/** A bigint result back to a number, refusing anything past the ceiling instead of rounding. */
export function fenFromBig(value: bigint, field: string): number {
  if (value < 0n) throw new AppError('AMOUNT_NEGATIVE', 400, { field }, { field });
  if (value > BigInt(MAX_FEN)) throw new AppError('AMOUNT_TOO_LARGE', 400, { field, max: MAX_FEN }, { field, max: MAX_FEN });
  return Number(value);
}

/** 12345 fen → "123.45" (元), for receipts and statements; never through floating point. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
