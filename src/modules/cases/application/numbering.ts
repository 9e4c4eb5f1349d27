import type { Tx } from '../../../kernel/db/index.ts';

/**
 * 办件编号: the first six digits of the region, the date (YYYYMMDD) and a six-digit sequence
 * of that region and day. The counter row is incremented inside the submitting transaction:
 * concurrent submissions on any number of instances queue on the row and never share a number,
 * and a rolled-back submission gives its number back.
 */
export async function nextCaseNumber(tx: Tx, regionCode: string, day: string): Promise<string> {
  const region6 = regionCode.slice(0, 6);
  const row = await tx.one<{ last: number }>(
    `insert into case_counter (region6, day, last) values ($1, $2, 1)
     on conflict (region6, day) do update set last = case_counter.last + 1
     returning last`,
    [region6, day],
  );
  return `${region6}${day.replaceAll('-', '')}${String(row!.last).padStart(6, '0')}`;
}
