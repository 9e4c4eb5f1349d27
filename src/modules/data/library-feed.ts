import type { Tx } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import type { LoadError } from './record-values.ts';
import { checkRows, writeRecords } from './records.ts';
import { fieldsOf, type ResourceRow } from './store.ts';

/**
 * A base library whose source is another module's own register — the licence library (电子证照库),
 * written by the license module as it issues licences and changes their status — rather than a
 * provider's loads. The library is the published resource whose key field is the authoritative
 * data item `keyItem` (e.g. 证照标识); the rows come keyed by data item (数据元), so the source
 * needs to know nothing of how the city named the resource's fields, and values of items the
 * resource does not carry are left out. Rows are checked and stored as a load stores them
 * (encrypted, persons indexed, quality findings tracked). A row that does not fit the
 * catalogue (a value too long, of another type) is not stored and comes back with its reason:
 * the source's own write must not fail because the catalogue describes it differently. Nothing
 * at all happens when the city keeps no such library.
 */
export async function feedLibrary(tx: Tx, pii: PersonalData, keyItem: string, rows: Record<string, unknown>[]): Promise<{ resourceCode: string | null; stored: number; refused: LoadError[] }> {
  const resource = await tx.one<ResourceRow>(
    `select r.* from data_resource r join data_resource_field f on f.resource_id = r.id and f.key = r.key_field
      where f.data_item = $1 and f.authoritative and r.status = 'published'
      order by r.published_at limit 1`,
    [keyItem],
  );
  if (!resource || !rows.length) return { resourceCode: resource?.code ?? null, stored: 0, refused: [] };
  const fields = await fieldsOf(tx, resource.id);
  const keyOf = new Map(fields.filter((f) => f.dataItem).map((f) => [f.dataItem!, f.key]));
  const cells = rows.map((row, i) => ({
    row: i + 1,
    cells: Object.fromEntries(Object.entries(row).flatMap(([item, v]) => (keyOf.has(item) ? [[keyOf.get(item)!, v]] : []))),
  }));
  const headings = [...new Set(cells.flatMap((c) => Object.keys(c.cells)))];
  const { prepared, errors } = checkRows(resource, fields, headings, cells);
  const refusedRows = new Set(errors.map((e) => e.row));
  const stored = prepared.filter((p) => !refusedRows.has(p.row));
  if (stored.length) await writeRecords(tx, pii, resource, fields, stored);
  return { resourceCode: resource.code, stored: stored.length, refused: errors };
}
