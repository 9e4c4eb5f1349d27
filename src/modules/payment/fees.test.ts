import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../kernel/errors.ts';
import { computeFeeLines, priceLines } from './fees.ts';
import { MAX_FEN, yuan } from './money.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return err.code;
  }
  assert.fail('did not throw');
};

test('a fixed fee is one line', () => {
  const lines = computeFeeLines([{ rule: { kind: 'fixed', name: '工本费', amountFen: 1000 } }]);
  assert.deepEqual(lines, [{ name: '工本费', unitFen: 1000, quantity: 1, grossFen: 1000, amountFen: 1000 }]);
});

test('per unit with floor and ceiling', () => {
  const rule = { kind: 'per_unit', name: '登记费', unitFen: 250, unit: '件', minFen: 1000, maxFen: 5000 } as const;
  assert.equal(computeFeeLines([{ rule, quantity: 8 }])[0]!.amountFen, 2000);
  assert.deepEqual(computeFeeLines([{ rule, quantity: 2 }])[0], { name: '登记费', unitFen: 1000, quantity: 1, grossFen: 1000, amountFen: 1000 });
  assert.equal(computeFeeLines([{ rule, quantity: 100 }])[0]!.amountFen, 5000);
});

test('tiered fees split the quantity into bands', () => {
  const rule = {
    kind: 'tiered',
    name: '测绘费',
    unit: '平方米',
    tiers: [
      { upTo: 100, unitFen: 100 },
      { upTo: 1000, unitFen: 50 },
      { upTo: null, unitFen: 20 },
    ],
  } as const;
  const lines = computeFeeLines([{ rule, quantity: 1500 }]);
  assert.deepEqual(lines.map((l) => [l.quantity, l.unitFen, l.amountFen]), [
    [100, 100, 10000],
    [900, 50, 45000],
    [500, 20, 10000],
  ]);
  assert.equal(computeFeeLines([{ rule, quantity: 40 }]).length, 1);
  const closed = { ...rule, tiers: [{ upTo: 10, unitFen: 1 }] };
  assert.equal(code(() => computeFeeLines([{ rule: closed, quantity: 11 }])), 'FEE_RULE_INVALID');
});

test('reductions carry their basis and never exceed the amount', () => {
  const rule = { kind: 'per_unit', name: '证书费', unitFen: 333, unit: '本' } as const;
  const half = computeFeeLines([{ rule, quantity: 1, reduction: { kind: 'percent', basisPoints: 5000, basis: '小微企业减半' } }])[0]!;
  assert.equal(half.reduction!.fen, 167);
  assert.equal(half.amountFen, 166);
  assert.equal(half.reduction!.basis, '小微企业减半');
  const exempt = computeFeeLines([{ rule, quantity: 3, reduction: { kind: 'exempt', basis: '低保户免收' } }])[0]!;
  assert.equal(exempt.amountFen, 0);
  const capped = computeFeeLines([{ rule, quantity: 1, reduction: { kind: 'amount', fen: 10_000, basis: '定额减免' } }])[0]!;
  assert.equal(capped.amountFen, 0);
  assert.equal(code(() => computeFeeLines([{ rule, quantity: 1, reduction: { kind: 'exempt', basis: ' ' } }])), 'REDUCTION_BASIS_REQUIRED');
});

test('a reduction on a tiered rule is spread over its bands in order', () => {
  const rule = { kind: 'tiered', name: '费', unit: '件', tiers: [{ upTo: 2, unitFen: 100 }, { upTo: null, unitFen: 10 }] } as const;
  const lines = computeFeeLines([{ rule, quantity: 5, reduction: { kind: 'amount', fen: 210, basis: '政策' } }]);
  assert.deepEqual(lines.map((l) => [l.reduction?.fen ?? 0, l.amountFen]), [[200, 0], [10, 20]]);
});

test('priceLines refuses bad amounts with their own codes', () => {
  const line = (o: Record<string, unknown>) => [{ name: '费', unitFen: 100, quantity: 1, ...o }] as never;
  assert.equal(code(() => priceLines(line({ unitFen: -1 }))), 'AMOUNT_NEGATIVE');
  assert.equal(code(() => priceLines(line({ unitFen: 1.5 }))), 'AMOUNT_NOT_WHOLE_FEN');
  assert.equal(code(() => priceLines(line({ unitFen: MAX_FEN + 1 }))), 'AMOUNT_TOO_LARGE');
  assert.equal(code(() => priceLines(line({ unitFen: MAX_FEN, quantity: 2 }))), 'AMOUNT_TOO_LARGE');
  assert.equal(code(() => priceLines(line({ unitFen: Number.NaN }))), 'AMOUNT_INVALID');
  assert.equal(code(() => priceLines(line({ quantity: 0 }))), 'QUANTITY_INVALID');
  assert.equal(code(() => priceLines(line({ reduction: { fen: 101, basis: 'x' } }))), 'REDUCTION_EXCEEDS_AMOUNT');
  assert.equal(code(() => priceLines(line({ reduction: { fen: 100, basis: 'x' } }))), 'NOTICE_AMOUNT_ZERO');
  assert.equal(code(() => priceLines([])), 'NOTICE_LINES_INVALID');
  const ok = priceLines([
    { name: 'a', unitFen: MAX_FEN / 2, quantity: 1 },
    { name: 'b', unitFen: 1, quantity: 3, reduction: { fen: 1, basis: '减免' } },
  ]);
  assert.equal(ok.totalFen, MAX_FEN / 2 + 2);
  assert.ok(Number.isSafeInteger(ok.totalFen));
});

test('yuan formats fen without floating point', () => {
  assert.equal(yuan(12345), '123.45');
  assert.equal(yuan(5), '0.05');
  assert.equal(yuan(MAX_FEN), '10000000000.00');
});
