import { createHash } from 'node:crypto';
import { actorId, type Actor } from '../../../kernel/actor.ts';
import type { Db, Queryable } from '../../../kernel/db/index.ts';
import { AppError, unprocessable } from '../../../kernel/errors.ts';
import { t, type Lang } from '../../../kernel/i18n/index.ts';
import { departmentRefsByCode } from '../../org/index.ts';
import { createItemsIn, importIntoItem, itemsByCode } from '../items.ts';
import type { ParsedRow } from './cells.ts';
import type { ImportFile, ImportReport } from './report.ts';

/**
 * Applies checked rows in one transaction: new codes become new items (created together),
 * known codes a new draft of their item. Issues found while applying roll the whole file back;
 * the row is named in the report, which is logged and thrown as IMPORT_REJECTED.
 */
export async function applyRows(db: Db, actor: Actor, lang: Lang, file: ImportFile, rows: ParsedRow[], report: ImportReport): Promise<ImportReport> {
  const refuse = (row: number, err: unknown) => {
    if (err instanceof AppError) report.issues.push({ row, code: err.code, params: err.params, message: t(lang, `error.${err.code}`, err.params) });
  };
  try {
    await db.transaction(async (tx) => {
      const existing = await itemsByCode(
        tx,
        rows.map((r) => r.code),
      );
      const depts = await departmentRefsByCode(
        tx,
        rows.map((r) => r.department),
      );
      const fresh = rows.filter((r) => !existing.has(r.code));
      const created = await createItemsIn(
        tx,
        actor,
        fresh.map((r) => ({ input: { code: r.code, departmentId: depts.get(r.department)!.id, content: r.content, popularity: r.popularity }, content: r.content })),
        (index, err) => refuse(fresh[index]!.row, err),
      );
      created.forEach((res, i) => report.items.push({ row: fresh[i]!.row, code: fresh[i]!.code, action: 'created', versionNo: res.versionNo, qualityOk: res.qualityOk }));
      for (const r of rows.filter((x) => existing.has(x.code))) {
        try {
          const res = await importIntoItem(tx, actor, existing.get(r.code)!.id, r.content, r.popularity);
          report.items.push({ row: r.row, code: r.code, action: 'updated', versionNo: res.version.versionNo, qualityOk: res.version.qualityOk });
        } catch (err) {
          refuse(r.row, err);
          throw err;
        }
      }
      report.items.sort((a, b) => a.row - b.row);
      report.status = 'applied';
      report.created = created.length;
      report.updated = report.items.length - report.created;
      await record(tx, actor, file, report);
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // A refusal no row was named for (a code taken meanwhile) is about the file.
    if (!report.issues.length) refuse(0, err);
    report.status = 'rejected';
    report.items = [];
    report.created = report.updated = 0;
    return reject(db, actor, file, report);
  }
  return report;
}

/** Logs a refused file and throws its report as IMPORT_REJECTED. */
export async function reject(db: Db, actor: Actor, file: ImportFile, report: ImportReport): Promise<never> {
  await db.transaction((tx) => record(tx, actor, file, report));
  throw unprocessable('IMPORT_REJECTED', { count: report.issues.length }, report);
}

async function record(q: Queryable, actor: Actor, file: ImportFile, report: ImportReport) {
  const region = actor.kind === 'staff' ? actor.regionCode : '';
  await q.query(
    `insert into catalog_import (id, file_name, file_sha256, size, status, report, actor_id, region_code) values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      report.id,
      file.name,
      createHash('sha256').update(file.data).digest('hex'),
      file.data.length,
      report.status,
      JSON.stringify(report),
      actorId(actor),
      region,
    ],
  );
}
