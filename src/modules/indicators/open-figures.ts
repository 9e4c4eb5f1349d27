import type { Tx } from '../../kernel/db/index.ts';
import { emit, on, type Subscription } from '../../kernel/events/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { caseIndicatorInputs } from '../cases/index.ts';
import { publishAggregate } from '../data/index.ts';
import { OPEN_FIGURES_DUE } from './events.ts';

// 数据开放 of the platform's own figures: every month, the case volumes per county and item of
// the month just ended go to the open dataset the data bureau named `open.case_volumes`, small
// cells suppressed by the data platform (k ≥ 5). The figures are the indicator inputs cases
// already give (received, completed, on time), so the open data and the cockpit agree.

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};
export const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
};
/** 02:00 in Shanghai on the 1st of the month after `month`: when its figures are final enough. */
const dueAfter = (month: string) => new Date(`${nextMonth(month)}-01T02:00:00+08:00`);

/** The month's case volumes per county and item, published (or republished) as open data. */
export async function publishCaseVolumes(tx: Tx, pii: PersonalData, month: string) {
  const figures = await caseIndicatorInputs(tx, { from: `${month}-01`, to: lastDay(month) });
  const cells = new Map<string, { county: string; item: string; received: number; completed: number; onTime: number }>();
  for (const r of figures.rows) {
    if (r.period !== month) continue;
    const county = `${r.regionCode.slice(0, 6)}000000`;
    const key = `${county}/${r.itemCode}`;
    const cell = cells.get(key) ?? { county, item: r.itemCode, received: 0, completed: 0, onTime: 0 };
    cell.received += r.received;
    cell.completed += r.completed;
    cell.onTime += r.onTime;
    cells.set(key, cell);
  }
  const rows = [...cells.values()].map((c) => ({
    cell: `${month}/${c.county}/${c.item}`,
    month,
    region_code: c.county,
    item_code: c.item,
    received: c.received,
    completed: c.completed,
    on_time_rate: c.completed ? Math.round((c.onTime / c.completed) * 10000) / 10000 : null,
  }));
  return publishAggregate(tx, pii, { key: 'open.case_volumes', rows, counts: ['received', 'completed'], dependents: { on_time_rate: 'completed' } });
}

/** Sets the timer that publishes `month` once it has ended (once per month: the dedupe key). */
export const scheduleOpenFigures = (tx: Tx, month: string) =>
  emit(tx, OPEN_FIGURES_DUE, { month }, { dueAt: dueAfter(month), dedupeKey: `open-figures:${month}` });

/** The monthly publication: this month's figures, then the timer for the next. */
export function openFiguresHandler(pii: PersonalData): Subscription {
  return on(OPEN_FIGURES_DUE, async (event, tx) => {
    await publishCaseVolumes(tx, pii, event.payload.month);
    await scheduleOpenFigures(tx, nextMonth(event.payload.month));
  });
}
