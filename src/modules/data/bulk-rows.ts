import { csvField } from '../../kernel/csv.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import type { GatewayGrant } from './gateway-grants.ts';
import type { RecordValues } from './record-values.ts';

/** A library row as a bulk export reads it: still encrypted, with the persons it names and its place in the change order. */
export type ChangedRow = {
  values_enc: string;
  persons: string[];
  change_seq: string;
  changed_at: Date;
};

/**
 * The rows of a resource's library a bulk export (批量交换) hands over: changed after the cursor
 * `after` (a `change_seq`) and at or after `changedSince`, within the grant's rows (its region),
 * in change order, at most `limit`.
 */
export function changedRows(
  q: Queryable,
  resourceId: string,
  grant: GatewayGrant,
  page: { after: string; changedSince: string | null; limit: number },
): Promise<ChangedRow[]> {
  const params: unknown[] = [resourceId, page.after, page.changedSince, page.limit];
  let region = '';
  if (grant.rowRegion) {
    params.push(`${regionPrefix(grant.rowRegion)}%`);
    region = `and region_code like $${params.length}`;
  }
  return q.query<ChangedRow>(
    `select values_enc, persons, change_seq, changed_at from data_record
      where resource_id = $1 and change_seq > $2::bigint and ($3::timestamptz is null or changed_at >= $3::timestamptz) ${region}
      order by change_seq limit $4`,
    params,
  );
}

/** Exported records as CSV (RFC 4180, CRLF), headed by the field keys; a missing value is empty. */
export const exportCsv = (keys: string[], rows: RecordValues[]): string =>
  [keys.join(','), ...rows.map((r) => keys.map((k) => csvField(r[k] === null || r[k] === undefined ? '' : String(r[k]))).join(','))].join('\r\n') + '\r\n';
