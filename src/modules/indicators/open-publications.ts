import type { Tx } from '../../kernel/db/index.ts';
import { toRegionCode } from '../../kernel/region-code.ts';
import { caseIndicatorInputs } from '../cases/index.ts';
import type { AggregateRows } from '../data/index.ts';
import { departmentRefsById } from '../org/index.ts';
import { allUnitTotals, yuan } from '../payment/index.ts';
import { ratingIndicatorsByCountyAndDepartment } from '../ratings/index.ts';

// The platform's figures published every month as open data (数据开放), each from its module's
// contract so the open data and the cockpit agree. What is suppressed is the data platform's
// (publishAggregate, k ≥ 5); what a cell is, and which figures go with its count, is said here.

/** A month of Beijing days, first to last. */
export interface Month {
  month: string;
  from: string;
  to: string;
}

/** One cell of a month: `at` names it within the month (county and item …), `values` are the dataset's fields. */
export interface OpenCell {
  at: string[];
  values: AggregateRows['rows'][number];
}

export interface OpenPublication {
  /** The key under which the data bureau named the dataset (data_base_field_source). */
  key: string;
  cells(tx: Tx, month: Month): Promise<OpenCell[]>;
  counts: AggregateRows['counts'];
  dependents?: AggregateRows['dependents'];
}

const countyOf = (regionCode: string) => toRegionCode(regionCode.slice(0, 6));

/** Departments' codes by id, for the cells (an id whose department is gone stands for itself). */
async function departmentsOf(tx: Tx, ids: string[]) {
  const refs = await departmentRefsById(tx, ids);
  return (id: string) => ({ code: refs.get(id)?.code ?? id, regionCode: refs.get(id)?.regionCode ?? null });
}

/** Received, completed and on-time rate per county and item (cases' indicator inputs). */
const caseVolumes: OpenPublication = {
  key: 'open.case_volumes',
  counts: ['received', 'completed'],
  dependents: { on_time_rate: 'completed' },
  async cells(tx, { month, from, to }) {
    const figures = await caseIndicatorInputs(tx, { from, to });
    const cells = new Map<string, { county: string; item: string; received: number; completed: number; onTime: number }>();
    for (const r of figures.rows) {
      if (r.period !== month) continue;
      const county = countyOf(r.regionCode);
      const key = `${county}/${r.itemCode}`;
      const cell = cells.get(key) ?? { county, item: r.itemCode, received: 0, completed: 0, onTime: 0 };
      cell.received += r.received;
      cell.completed += r.completed;
      cell.onTime += r.onTime;
      cells.set(key, cell);
    }
    return [...cells.values()].map((c) => ({
      at: [c.county, c.item],
      values: {
        region_code: c.county,
        item_code: c.item,
        received: c.received,
        completed: c.completed,
        on_time_rate: c.completed ? Math.round((c.onTime / c.completed) * 10000) / 10000 : null,
      },
    }));
  },
};

/**
 * 好差评 results per county and rated department (valid ratings: those upheld on appeal are out).
 * The cell is its raters: under 5, its 好评 and 差评 counts and rate go too, as they would tell how
 * those few rated.
 */
const ratingResults: OpenPublication = {
  key: 'open.rating_results',
  counts: ['ratings'],
  dependents: { satisfied: 'ratings', bad: 'ratings', satisfaction_rate: 'ratings' },
  async cells(tx, { from, to }) {
    const groups = await ratingIndicatorsByCountyAndDepartment(tx, { from, to });
    const department = await departmentsOf(
      tx,
      groups.map((g) => g.departmentId),
    );
    return groups.map((g) => {
      const { code } = department(g.departmentId);
      return {
        at: [g.regionCode, code],
        values: {
          region_code: g.regionCode,
          department_code: code,
          department_name: g.departmentName,
          ratings: g.valid,
          satisfied: g.satisfied,
          bad: g.bad,
          satisfaction_rate: g.satisfactionRate,
        },
      };
    });
  },
};

/**
 * Non-tax payments per collecting unit (执收单位) that was paid in the month: notices paid, the
 * amounts paid and refunded in 元. Under 5 payments the amounts go too (an amount of one or two
 * payments is what those payers paid).
 */
const paymentTotals: OpenPublication = {
  key: 'open.payment_totals',
  counts: ['paid'],
  dependents: { paid_amount: 'paid', refunded_amount: 'paid' },
  async cells(tx, { from, to }) {
    const units = (await allUnitTotals(tx, { from, to })).filter((u) => u.paid > 0);
    const department = await departmentsOf(
      tx,
      units.map((u) => u.departmentId),
    );
    return units.map((u) => {
      const { code, regionCode } = department(u.departmentId);
      return {
        at: [code],
        values: {
          region_code: regionCode,
          department_code: code,
          department_name: u.departmentName,
          paid: u.paid,
          paid_amount: yuan(u.paidFen),
          refunded_amount: yuan(u.refundedFen),
        },
      };
    });
  },
};

/** What the monthly timer publishes, in this order. */
export const OPEN_PUBLICATIONS: readonly OpenPublication[] = [caseVolumes, ratingResults, paymentTotals];
