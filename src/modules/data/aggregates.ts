import type { Tx } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { checkRows, writeRecords } from './records.ts';
import type { RecordValue } from './record-values.ts';
import { fetchResourceRow, fieldsOf } from './store.ts';

/** The smallest count an open aggregate publishes: a cell of fewer cases, ratings or payments is suppressed. */
export const MIN_CELL = 5;

export interface AggregateRows {
  /** The key under which the data bureau named the dataset (`open.case_volumes` …, data_base_field_source). */
  key: string;
  rows: Record<string, RecordValue>[];
  /** Count fields: a value below MIN_CELL is published as empty. */
  counts: string[];
  /** Fields derived from a count (a rate from its denominator): empty when that count is suppressed. */
  dependents?: Record<string, string>;
}

/**
 * Publishes de-identified figures of the platform (monthly case volumes per item and county …)
 * into the open dataset the data bureau named for them, with small cells suppressed (k ≥ 5),
 * as that dataset's records (a rerun replaces the same cells, changing only what changed). Does
 * nothing when no open, published dataset is named for the key.
 */
export async function publishAggregate(tx: Tx, pii: PersonalData, input: AggregateRows): Promise<{ cells: number; suppressed: number } | undefined> {
  const source = await tx.one<{ resource_id: string }>('select resource_id from data_base_field_source where key = $1 and field_key is null', [input.key]);
  const resource = source ? await fetchResourceRow(tx, source.resource_id) : undefined;
  if (!resource || resource.status !== 'published' || resource.open_type !== 'open' || !resource.key_field) return undefined;
  let suppressed = 0;
  const rows = input.rows.map((row) => {
    const out = { ...row };
    for (const field of input.counts) {
      const n = out[field];
      if (typeof n === 'number' && n < MIN_CELL) {
        out[field] = null;
        suppressed++;
      }
    }
    for (const [field, count] of Object.entries(input.dependents ?? {})) if (out[count] === null) out[field] = null;
    return out;
  });
  if (!rows.length) return { cells: 0, suppressed };
  const fields = await fieldsOf(tx, resource.id);
  const headings = fields.map((f) => f.key);
  const { prepared, errors } = checkRows(resource, fields, headings, rows.map((cells, i) => ({ row: i + 1, cells })));
  if (errors.length) throw new Error(`open aggregate ${input.key}: ${JSON.stringify(errors.slice(0, 3))}`);
  await writeRecords(tx, pii, resource, fields, prepared);
  return { cells: rows.length, suppressed };
}
