import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf, monthRange, mostBad, type GroupFigures } from './figures.ts';

test('a month is its Beijing calendar month, December rolling into the next year', () => {
  assert.deepEqual(monthRange('2026-12'), { from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
  assert.deepEqual(monthRange('2026-02'), { from: new Date('2026-01-31T16:00:00Z'), to: new Date('2026-02-28T16:00:00Z') });
});

test('figures follow the Guangdong report: score out of 10, satisfaction ★3–5, bad ★1–2, excluded left out', () => {
  // July 2023 in Guangdong (STANDARDS.md §1.2), valid ratings by level
  const f = figuresOf({ total: 13_460_728 + 5, excluded: 5, l5: 13_431_970, l4: 10_421, l3: 18_062, l2: 295, l1: 980, level_sum: 13_431_970 * 5 + 10_421 * 4 + 18_062 * 3 + 295 * 2 + 980, c_sms: 7, tasks: 1249, replied: 1249, on_time: 1249, due_or_done: 1249 });
  assert.equal(f.valid, 13_460_728);
  assert.equal(f.bad, 1275);
  assert.equal(f.badRate, 0.0001); // 0.0095 %, rounded to four places of the ratio
  assert.equal(f.score, 9.99);
  assert.equal(f.satisfactionRate, 0.9999);
  assert.equal(f.onTimeRate, 1);
  assert.equal(f.byChannel.sms, 7);
  assert.equal(f.byChannel.portal, 0);
  const empty = figuresOf({});
  assert.deepEqual([empty.score, empty.satisfactionRate, empty.badRate, empty.onTimeRate], [null, null, null, null]);
});

test('rankings list only groups with bad ratings, most first', () => {
  const g = (name: string, bad: number) => ({ ...figuresOf({ total: 10, l1: bad, l5: 10 - bad, level_sum: bad + 5 * (10 - bad) }), key: name, name }) as GroupFigures;
  assert.deepEqual(mostBad([g('甲', 1), g('乙', 0), g('丙', 3)]).map((r) => [r.name, r.bad]), [['丙', 3], ['甲', 1]]);
});
