import type { Tx } from '../../kernel/db/index.ts';
import { emit, on, type Subscription } from '../../kernel/events/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { publishAggregate } from '../data/index.ts';
import { OPEN_FIGURES_DUE } from './events.ts';
import { OPEN_PUBLICATIONS, type Month, type OpenPublication } from './open-publications.ts';

// 数据开放 of the platform's own figures: every month, the figures of the month just ended (case
// volumes, 好差评 results, non-tax payments: open-publications.ts) go to the open datasets the
// data bureau named for them, small cells suppressed by the data platform (k ≥ 5).

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (month: string): Month => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { month, from: `${month}-01`, to: `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}` };
};
export const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
};
/** 02:00 in Shanghai on the 1st of the month after `month`: when its figures are final enough. */
const dueAfter = (month: string) => new Date(`${nextMonth(month)}-01T02:00:00+08:00`);

/** One publication's month, each cell keyed by the month and its place (a rerun replaces the same cells). */
async function publish(tx: Tx, pii: PersonalData, month: Month, publication: OpenPublication) {
  const cells = await publication.cells(tx, month);
  const rows = cells.map((c) => ({ cell: [month.month, ...c.at].join('/'), month: month.month, ...c.values }));
  return publishAggregate(tx, pii, {
    key: publication.key,
    rows,
    counts: publication.counts,
    dependents: publication.dependents,
  });
}

/**
 * The month's figures, every publication, published (or republished) as open data: per key, the
 * cells written and suppressed, or undefined where no open dataset is named for it.
 */
export async function publishOpenFigures(tx: Tx, pii: PersonalData, month: string) {
  const published: Record<string, Awaited<ReturnType<typeof publishAggregate>>> = {};
  for (const publication of OPEN_PUBLICATIONS) published[publication.key] = await publish(tx, pii, monthOf(month), publication);
  return published;
}

/** Sets the timer that publishes `month` once it has ended (once per month: the dedupe key). */
export const scheduleOpenFigures = (tx: Tx, month: string) =>
  emit(tx, OPEN_FIGURES_DUE, { month }, { dueAt: dueAfter(month), dedupeKey: `open-figures:${month}` });

/** The monthly publication: this month's figures, then the timer for the next. */
export function openFiguresHandler(pii: PersonalData): Subscription {
  return on(OPEN_FIGURES_DUE, async (event, tx) => {
    await publishOpenFigures(tx, pii, event.payload.month);
    await scheduleOpenFigures(tx, nextMonth(event.payload.month));
  });
}
