import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireScope, requireStaff } from '../../kernel/auth.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { AppContext } from '../../kernel/context.ts';
import { parseCsv } from '../../kernel/csv.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { notFound, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { personalData, type PersonalData } from '../../kernel/pii.ts';
import { maskPersonal } from '../../kernel/validate/mask.ts';
import { columnLetter, readFirstSheet } from '../../kernel/xlsx.ts';
import { feedIdentity } from './feeds.ts';
import { personIdNumbers, qualityFindings, typedValue, type LoadError, type QualityFinding, type RecordValues } from './record-values.ts';
import type { RecordLoad, RecordLoadReport } from './schemas-exchange.ts';
import type { ResourceField } from './schemas.ts';
import { fetchResourceRow, fieldsOf, MANAGE_ROLES, type ResourceRow } from './store.ts';

/** At most this many rows a load (a larger library is loaded in parts). */
export const MAX_LOAD_ROWS = 20_000;
const BATCH = 500;

/** A row of a load; `cells` null for a JSON element that is no object (an error of its row). */
type Cells = { row: number; cells: Record<string, unknown> | null };

/** The rows of a load keyed by column heading, with the row number a person sees (header = row 1 for tables). */
async function readTable(input: RecordLoad): Promise<{ headings: string[]; rows: Cells[] }> {
  if (input.format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.content);
    } catch {
      throw validationFailed('content', 'not JSON');
    }
    if (!Array.isArray(parsed)) throw validationFailed('content', 'a JSON array of records');
    const headings = new Set<string>();
    const rows = parsed.map((r: unknown, i): Cells => {
      const cells = r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : null;
      for (const k of Object.keys(cells ?? {})) headings.add(k);
      return { row: i + 1, cells };
    });
    return { headings: [...headings], rows };
  }
  const table = input.format === 'csv' ? { rows: parseCsv(input.content), rowNumbers: [] as number[] } : await readFirstSheet(Buffer.from(input.content, 'base64'));
  const [header, ...body] = table.rows;
  if (!header) throw validationFailed('content', 'a header row');
  return {
    headings: header.map((h) => h.trim()),
    rows: body.map((cells, i) => ({ row: table.rowNumbers[i + 1] ?? i + 2, cells: Object.fromEntries(header.map((h, c) => [h.trim(), cells[c] ?? ''])) })),
  };
}

/** A checked row, ready to store. */
interface Prepared {
  row: number;
  key: string;
  values: RecordValues;
  findings: QualityFinding[];
}

/**
 * Every row checked against the resource's fields; the errors that stop the load (a column the
 * resource does not have, a key missing or given twice, a value of the wrong type or too long)
 * with their row and column, and the rows otherwise.
 */
export function checkRows(resource: Pick<ResourceRow, 'key_field' | 'region_field'>, fields: ResourceField[], headings: string[], rows: Cells[]): { prepared: Prepared[]; errors: LoadError[] } {
  const byHeading = new Map<string, ResourceField>(fields.flatMap((f) => [[f.key, f] as const, [f.name, f] as const]));
  const errors: LoadError[] = [];
  const columnOf = new Map<string, string>(headings.map((h, i) => [h, columnLetter(i + 1)]));
  for (const h of headings) if (!byHeading.has(h)) errors.push({ row: 1, column: columnOf.get(h), code: 'UNKNOWN_COLUMN', reason: `"${h}" is not a field of the resource` });
  const keyField = fields.find((f) => f.key === resource.key_field)!;
  if (!headings.some((h) => byHeading.get(h) === keyField)) errors.push({ row: 1, code: 'KEY_MISSING', reason: `no column for the key field "${keyField.name}"` });
  if (errors.length) return { prepared: [], errors };
  const seen = new Map<string, number>();
  const prepared: Prepared[] = [];
  for (const { row, cells } of rows) {
    if (!cells) {
      errors.push({ row, code: 'NOT_OBJECT', reason: 'a record is an object of field values' });
      continue;
    }
    const values: RecordValues = Object.fromEntries(fields.map((f) => [f.key, null]));
    for (const [heading, raw] of Object.entries(cells)) {
      const f = byHeading.get(heading)!;
      const v = typedValue(f, raw);
      if (v === undefined) errors.push({ row, column: columnOf.get(heading), code: 'TYPE', reason: `"${f.name}" is not a ${f.type}` });
      else if (typeof v === 'string' && f.length && [...v].length > f.length) errors.push({ row, column: columnOf.get(heading), code: 'TOO_LONG', reason: `"${f.name}" is longer than ${f.length}` });
      else values[f.key] = v;
    }
    const key = values[keyField.key];
    if (key === null || key === undefined) {
      errors.push({ row, column: columnOf.get(keyField.key) ?? columnOf.get(keyField.name), code: 'KEY_MISSING', reason: `"${keyField.name}" is empty` });
      continue;
    }
    const first = seen.get(String(key));
    if (first !== undefined) {
      errors.push({ row, code: 'KEY_TWICE', reason: `"${keyField.name}" repeats row ${first}` });
      continue;
    }
    seen.set(String(key), row);
    prepared.push({ row, key: String(key), values, findings: qualityFindings(fields, values, resource.region_field) });
  }
  return { prepared, errors };
}

/** How a keeper sees a record's key: masked when the key is personal. */
export const keyShown = (keyField: ResourceField, key: string) => (keyField.personal ? maskPersonal(keyField.personal, key) : key);

/**
 * Loads rows into a published resource's 基础库 (its provider's keepers): CSV, xlsx (base64) or a
 * JSON array, columns named by field key or name. All or nothing: any row with an error stores
 * nothing, and the report lists each with its row and column. A row whose key is stored already
 * replaces it (unchanged rows are left as they are, so exports by change time skip them). The
 * quality rules' findings are stored as open issues and close when a later load fixes them.
 */
export async function loadRecords(ctx: AppContext, actor: Actor, resourceId: string, input: RecordLoad): Promise<RecordLoadReport> {
  requireStaff(actor);
  const resource = await fetchResourceRow(ctx.db, resourceId);
  if (!resource) throw notFound('data_resource', resourceId);
  requireScope(actor, MANAGE_ROLES, { regionCode: resource.region_code, departmentId: resource.provider_department_id });
  if (resource.status !== 'published') throw unprocessable('DATA_RESOURCE_NOT_PUBLISHED', {}, { field: 'resourceId' });
  if (!resource.key_field) throw unprocessable('DATA_RESOURCE_NO_KEY', { code: resource.code });
  const fields = await fieldsOf(ctx.db, resource.id);
  const { headings, rows } = await readTable(input);
  if (rows.length === 0) throw validationFailed('content', 'at least one record');
  if (rows.length > MAX_LOAD_ROWS) throw validationFailed('content', `at most ${MAX_LOAD_ROWS} records a load`);
  const { prepared, errors } = checkRows(resource, fields, headings, rows);
  const report: RecordLoadReport = { ok: errors.length === 0, dryRun: Boolean(input.dryRun), rows: rows.length, inserted: 0, updated: 0, unchanged: 0, findings: 0, errors };
  const findings = prepared.reduce((n, p) => n + p.findings.length, 0);
  if (errors.length) return { ...report, findings };
  const pii = personalData(ctx.config.masterKey);
  if (input.dryRun) return { ...report, findings, ...(await wouldWrite(ctx.db, pii, resource.id, prepared)) };
  return ctx.db.transaction(async (tx) => {
    const written = await writeRecords(tx, pii, resource, fields, prepared);
    await feedIdentity(tx, pii, fields, prepared.map((p) => p.values));
    await appendAudit(tx, actor, {
      action: 'data_record.load',
      objectType: 'data_resource',
      objectId: resource.id,
      regionCode: resource.region_code,
      details: { code: resource.code, format: input.format, rows: rows.length, ...written, findings },
    });
    return { ...report, ...written, findings };
  });
}

/** Stores checked rows (upsert by key, unchanged rows left alone) and tracks their quality findings. */
export async function writeRecords(tx: Tx, pii: PersonalData, resource: ResourceRow, fields: ResourceField[], prepared: Prepared[]) {
  const keyField = fields.find((f) => f.key === resource.key_field)!;
  let inserted = 0;
  let updated = 0;
  for (let at = 0; at < prepared.length; at += BATCH) {
    const batch = prepared.slice(at, at + BATCH);
    const keys = batch.map((p) => pii.index(p.key));
    const region = (p: Prepared) => {
      const v = resource.region_field ? p.values[resource.region_field] : null;
      return typeof v === 'string' && /^\d{12}$/.test(v) ? v : resource.region_code;
    };
    const changed = await tx.query<{ inserted: boolean }>(
      `insert into data_record (resource_id, key_index, region_code, values_enc, values_hash, persons)
       select $1, t.k, t.r, t.v, t.h, case when t.p = '' then '{}'::text[] else string_to_array(t.p, ',') end
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(k, r, v, h, p)
       on conflict (resource_id, key_index) do update
          set region_code = excluded.region_code, values_enc = excluded.values_enc, values_hash = excluded.values_hash,
              persons = excluded.persons, changed_at = clock_now(), change_seq = nextval('data_record_change_seq')
        where data_record.values_hash <> excluded.values_hash
       returning (xmax = 0) as inserted`,
      [
        resource.id,
        keys,
        batch.map(region),
        batch.map((p) => pii.encrypt(canonicalJson(p.values))),
        batch.map((p) => pii.index(canonicalJson(p.values))),
        batch.map((p) => personIdNumbers(fields, p.values).map((id) => pii.index(id)).join(',')),
      ],
    );
    inserted += changed.filter((c) => c.inserted).length;
    updated += changed.filter((c) => !c.inserted).length;
    await trackFindings(tx, resource.id, keys, batch.map((p) => ({ shown: keyShown(keyField, p.key), findings: p.findings })));
  }
  return { inserted, updated, unchanged: prepared.length - inserted - updated };
}

/** What a load would do, without doing it: rows new, changed and as they are. */
async function wouldWrite(q: Queryable, pii: PersonalData, resourceId: string, prepared: Prepared[]) {
  const stored = new Map<string, string>();
  for (let at = 0; at < prepared.length; at += BATCH) {
    const keys = prepared.slice(at, at + BATCH).map((p) => pii.index(p.key));
    for (const r of await q.query<{ key_index: string; values_hash: string }>('select key_index, values_hash from data_record where resource_id = $1 and key_index = any($2)', [resourceId, keys])) {
      stored.set(r.key_index, r.values_hash);
    }
  }
  let inserted = 0;
  let unchanged = 0;
  for (const p of prepared) {
    const hash = stored.get(pii.index(p.key));
    if (hash === undefined) inserted++;
    else if (hash === pii.index(canonicalJson(p.values))) unchanged++;
  }
  return { inserted, updated: prepared.length - inserted - unchanged, unchanged };
}

/** The rule findings of the loaded keys as they are now: those gone are fixed, new ones opened. */
async function trackFindings(tx: Queryable, resourceId: string, keys: string[], rows: { shown: string; findings: QualityFinding[] }[]) {
  const open = rows.flatMap((r, i) => r.findings.map((f) => ({ key: keys[i]!, shown: r.shown, ...f })));
  await tx.query(
    `update data_issue set status = 'fixed', resolved_at = clock_now(), resolved_by = 'quality-rule', answer = '重新加载后通过质量规则'
      where resource_id = $1 and source = 'rule' and status = 'open' and key_index = any($2)
        and (key_index || '|' || field || '|' || rule) <> all($3)`,
    [resourceId, keys, open.map((f) => `${f.key}|${f.field}|${f.rule}`)],
  );
  if (!open.length) return;
  await tx.query(
    `insert into data_issue (id, resource_id, key_index, key_shown, field, source, rule, description)
     select t.id, $1, t.k, t.s, t.f, 'rule', t.r, t.d from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(id, k, s, f, r, d)
     on conflict (resource_id, key_index, field, rule) where source = 'rule' and status = 'open' do nothing`,
    [resourceId, open.map(() => uuidv7()), open.map((f) => f.key), open.map((f) => f.shown), open.map((f) => f.field), open.map((f) => f.rule), open.map((f) => f.description)],
  );
}

export interface StoredRecord {
  regionCode: string;
  values: RecordValues;
  persons: string[];
}

/** One record of a resource by its key (as `typedValue` makes it), decrypted; undefined when the library does not hold it. */
export const readRecord = (q: Queryable, pii: PersonalData, resourceId: string, key: string) => readRecordAt(q, pii, resourceId, pii.index(key));

/** The same by the key's blind index (a person's, as identity keeps it, needs no clear ID number). */
export async function readRecordAt(q: Queryable, pii: PersonalData, resourceId: string, keyIndex: string): Promise<StoredRecord | undefined> {
  const row = await q.one<{ region_code: string; values_enc: string; persons: string[] }>(
    'select region_code, values_enc, persons from data_record where resource_id = $1 and key_index = $2',
    [resourceId, keyIndex],
  );
  return row ? { regionCode: row.region_code, values: JSON.parse(pii.decrypt(row.values_enc)) as RecordValues, persons: row.persons } : undefined;
}
