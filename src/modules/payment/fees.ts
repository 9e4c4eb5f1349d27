import { AppError } from '../../kernel/errors.ts';
import { checkFen, fenFromBig, MAX_FEN } from './money.ts';

/**
 * Fee rules of a service item (收费标准) and the pure computation of a notice's lines from
 * them. The catalogue stores rules in this shape; the cases module computes the lines when a
 * case reaches its payment step and passes them to createFeeNotice. Everything is integer
 * fen in bigint arithmetic, so a large quantity can never round or overflow silently.
 */
export type FeeRule =
  | { kind: 'fixed'; name: string; amountFen: number }
  | { kind: 'per_unit'; name: string; unitFen: number; unit: string; minFen?: number; maxFen?: number }
  /** Progressive bands (累进): each band's units at its own price; the last band may be open. */
  | { kind: 'tiered'; name: string; unit: string; tiers: readonly { upTo: number | null; unitFen: number }[] };

/** A reduction (减免) with its legal or policy basis, e.g. 小微企业免收. */
export type Reduction =
  | { kind: 'exempt'; basis: string }
  /** In basis points: 5000 = half. */
  | { kind: 'percent'; basisPoints: number; basis: string }
  | { kind: 'amount'; fen: number; basis: string };

export interface FeeLine {
  name: string;
  unitFen: number;
  quantity: number;
  reduction?: { fen: number; basis: string };
}

export interface ComputedLine extends FeeLine {
  grossFen: number;
  amountFen: number;
}

export interface FeeInput {
  rule: FeeRule;
  /** Units charged for per-unit and tiered rules (ignored for fixed ones). */
  quantity?: number;
  reduction?: Reduction;
}

const MAX_QUANTITY = 100_000_000;

function checkQuantity(q: unknown): number {
  if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > MAX_QUANTITY) {
    throw new AppError('QUANTITY_INVALID', 400, { max: MAX_QUANTITY }, { value: q ?? null, max: MAX_QUANTITY });
  }
  return q;
}

/** Gross lines of one rule, before reductions. */
function grossLines(input: FeeInput): FeeLine[] {
  const { rule } = input;
  switch (rule.kind) {
    case 'fixed':
      return [{ name: rule.name, unitFen: checkFen(rule.amountFen, 'amountFen'), quantity: 1 }];
    case 'per_unit': {
      const quantity = checkQuantity(input.quantity);
      const unitFen = checkFen(rule.unitFen, 'unitFen');
      const gross = BigInt(unitFen) * BigInt(quantity);
      const min = rule.minFen === undefined ? undefined : BigInt(checkFen(rule.minFen, 'minFen'));
      const max = rule.maxFen === undefined ? undefined : BigInt(checkFen(rule.maxFen, 'maxFen'));
      // A floor or ceiling (最低/最高收费) replaces the per-unit line with one fixed line.
      if (min !== undefined && gross < min) return [{ name: rule.name, unitFen: Number(min), quantity: 1 }];
      if (max !== undefined && gross > max) return [{ name: rule.name, unitFen: Number(max), quantity: 1 }];
      return [{ name: rule.name, unitFen, quantity }];
    }
    case 'tiered': {
      const quantity = checkQuantity(input.quantity);
      if (rule.tiers.length === 0) throw new AppError('FEE_RULE_INVALID', 400, { reason: 'no tiers' }, { reason: 'no tiers' });
      const lines: FeeLine[] = [];
      let from = 0;
      for (const [i, tier] of rule.tiers.entries()) {
        const last = i === rule.tiers.length - 1;
        if (tier.upTo === null && !last) throw new AppError('FEE_RULE_INVALID', 400, { reason: 'open tier not last' }, { reason: 'open tier not last' });
        if (tier.upTo !== null && (!Number.isInteger(tier.upTo) || tier.upTo <= from)) {
          throw new AppError('FEE_RULE_INVALID', 400, { reason: 'tiers not increasing' }, { reason: 'tiers not increasing' });
        }
        const to = tier.upTo === null ? quantity : Math.min(quantity, tier.upTo);
        if (to > from) lines.push({ name: `${rule.name}（${from + 1}–${to}${rule.unit}）`, unitFen: checkFen(tier.unitFen, 'unitFen'), quantity: to - from });
        from = tier.upTo ?? quantity;
        if (from >= quantity) break;
      }
      if (from < quantity) throw new AppError('FEE_RULE_INVALID', 400, { reason: 'quantity beyond last tier' }, { reason: 'quantity beyond last tier' });
      return lines;
    }
  }
}

function reductionFen(gross: bigint, reduction: Reduction): bigint {
  switch (reduction.kind) {
    case 'exempt':
      return gross;
    case 'percent': {
      const bp = reduction.basisPoints;
      if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new AppError('REDUCTION_INVALID', 400, { reason: 'basisPoints' }, { reason: 'basisPoints' });
      // Half up to the fen: 1 fen at 50 % is 1 fen off, in the payer's favour.
      return (gross * BigInt(bp) + 5_000n) / 10_000n;
    }
    case 'amount': {
      const fen = BigInt(checkFen(reduction.fen, 'reduction.fen'));
      return fen > gross ? gross : fen;
    }
  }
}

/**
 * Lines of a notice for the given rules. A reduction applies to its rule's whole amount and
 * is written on that rule's lines in order, so each line carries the part it took.
 */
export function computeFeeLines(inputs: FeeInput[]): ComputedLine[] {
  const out: ComputedLine[] = [];
  for (const input of inputs) {
    const lines = grossLines(input);
    const grosses = lines.map((l) => BigInt(l.unitFen) * BigInt(l.quantity));
    const total = grosses.reduce((a, b) => a + b, 0n);
    if (input.reduction && !input.reduction.basis?.trim()) {
      throw new AppError('REDUCTION_BASIS_REQUIRED', 400, {}, { rule: input.rule.name });
    }
    let left = input.reduction ? reductionFen(total, input.reduction) : 0n;
    lines.forEach((line, i) => {
      const gross = grosses[i]!;
      const take = left > gross ? gross : left;
      left -= take;
      out.push({
        ...line,
        ...(take > 0n ? { reduction: { fen: Number(take), basis: input.reduction!.basis.trim() } } : {}),
        grossFen: fenFromBig(gross, 'line'),
        amountFen: fenFromBig(gross - take, 'line'),
      });
    });
  }
  return out;
}

/** Checks lines as given to createFeeNotice and returns each line's amount and the total. */
export function priceLines(lines: FeeLine[]): { lines: ComputedLine[]; totalFen: number } {
  if (lines.length === 0 || lines.length > 50) throw new AppError('NOTICE_LINES_INVALID', 400, { max: 50 }, { count: lines.length });
  let total = 0n;
  const priced = lines.map((line, i) => {
    if (typeof line.name !== 'string' || !line.name.trim()) throw new AppError('NOTICE_LINES_INVALID', 400, { max: 50 }, { line: i, field: 'name' });
    const unitFen = checkFen(line.unitFen, `lines.${i}.unitFen`);
    const quantity = checkQuantity(line.quantity);
    const gross = BigInt(unitFen) * BigInt(quantity);
    let reduction = 0n;
    if (line.reduction) {
      reduction = BigInt(checkFen(line.reduction.fen, `lines.${i}.reduction.fen`));
      if (!line.reduction.basis?.trim()) throw new AppError('REDUCTION_BASIS_REQUIRED', 400, {}, { line: i });
      if (reduction > gross) throw new AppError('REDUCTION_EXCEEDS_AMOUNT', 400, { line: i }, { line: i });
    }
    const amount = gross - reduction;
    total += amount;
    if (total > BigInt(MAX_FEN)) throw new AppError('AMOUNT_TOO_LARGE', 400, { field: 'total', max: MAX_FEN }, { field: 'total', max: MAX_FEN });
    return {
      name: line.name.trim(),
      unitFen,
      quantity,
      ...(line.reduction && reduction > 0n ? { reduction: { fen: Number(reduction), basis: line.reduction.basis.trim() } } : {}),
      grossFen: fenFromBig(gross, `lines.${i}`),
      amountFen: Number(amount),
    };
  });
  if (total === 0n) throw new AppError('NOTICE_AMOUNT_ZERO', 400);
  return { lines: priced, totalFen: Number(total) };
}
