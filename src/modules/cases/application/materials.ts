import type { Actor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { sm3Hex } from '../../../kernel/crypto/sm3.ts';
import { AppError, conflict, notFound, unprocessable } from '../../../kernel/errors.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { personalData } from '../../../kernel/pii.ts';
import { fetchedBy } from '../../../kernel/guide/material.ts';
import { getVersionById, type ItemContent } from '../../catalog/index.ts';
import type { LibraryHold } from '../../data/index.ts';
import { ownCase, readableCase } from '../access.ts';
import type { CaseRow } from '../model.ts';
import { recordTransition } from '../workflow/transitions.ts';
import type { MaterialFile } from '../schemas.ts';
import { checkMaterial, cleanFileName } from './uploads.ts';

type MaterialDef = NonNullable<ItemContent['materials']>[number];

/**
 * The library the data platform serves for the base-library field that replaces the material,
 * when it does not hold the applicant (`libraries`: data's `libraryHolds` for them): then the
 * applicant hands the material in. Shared data no library serves stays the department's to obtain.
 */
export function libraryLacks(
  m: Pick<MaterialDef, 'replacedByBaseField'>,
  libraries?: ReadonlyMap<string, LibraryHold>,
): { resourceName: string; providerName: string } | null {
  const hold = m.replacedByBaseField ? libraries?.get(m.replacedByBaseField) : undefined;
  return hold && !hold.held ? { resourceName: hold.resourceName, providerName: hold.providerName } : null;
}

/**
 * 免提交: the platform obtains the material itself (data sharing, a base-library field — one a
 * served library does not hold the applicant in is asked for, `libraryLacks`), or 免证办: the
 * applicant holds a valid e-licence of the type that replaces it (`licenceCovered`: the keys
 * `licenceCoveredMaterials` in result-licence.ts found; without it such materials are asked for).
 */
export function skippedMaterial(
  m: MaterialDef,
  applicant: { key?: string; licenceCovered?: ReadonlyMap<string, string>; libraries?: ReadonlyMap<string, LibraryHold> } = {},
): boolean {
  const via = fetchedBy(m);
  if (via === 'data') return !libraryLacks(m, applicant.libraries);
  return via === 'licence' && applicant.key !== undefined && Boolean(applicant.licenceCovered?.has(applicant.key));
}

export const materialKeyOf = (m: MaterialDef, index: number) => m.key ?? `m${index + 1}`;

export type { MaterialFile };

export async function listMaterialFiles(q: Queryable, caseId: string): Promise<MaterialFile[]> {
  const rows = await q.query<{ id: string; material_key: string; file_name: string; mime: string; size: number; sm3: string; stage: string; uploaded_at: Date }>(
    'select id, material_key, file_name, mime, size, sm3, stage, uploaded_at from case_material where case_id = $1 order by uploaded_at, id',
    [caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    materialKey: r.material_key,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    sm3: r.sm3.trim(),
    stage: r.stage,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
  }));
}

/** In which stage the applicant may add a file for this material, or why not. */
function uploadStage(c: CaseRow, key: string): string {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'correction') return 'correction';
  if ((c.status === 'processing' || c.status === 'submitted') && c.deferred_keys.includes(key)) return 'deferred';
  throw conflict('CASE_NOT_EDITABLE', { status: c.status });
}

/**
 * The applicant uploads one file for one material. The content is checked before anything is
 * stored; the file goes to the file store first and its record commits with the case (a file
 * whose record rolled back is an orphan the store's sweep may remove, never a dangling record).
 */
export async function uploadMaterial(ctx: AppContext, actor: Actor, caseId: string, materialKey: string, fileName: string | undefined, content: Buffer): Promise<MaterialFile> {
  const mime = checkMaterial(content);
  const pre = await ownCase(ctx.db, actor, caseId);
  const v = await getVersionById(ctx.db, pre.item_version_id);
  const defs = v?.content.materials ?? [];
  if (!defs.some((m, i) => materialKeyOf(m, i) === materialKey)) throw unprocessable('MATERIAL_UNKNOWN', { key: materialKey }, { materialKey });
  uploadStage(pre, materialKey);
  const stored = await ctx.files.put(content, { prefix: 'cases' });
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const c = await ownCase(tx, actor, caseId);
    const stage = uploadStage(c, materialKey);
    const id = uuidv7();
    await tx.query(
      `insert into case_material (id, case_id, material_key, file_key, file_name, mime, size, sm3, stage, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, c.id, materialKey, stored.key, cleanFileName(fileName, mime), mime, stored.size, stored.sm3, stage, actor.kind === 'person' ? actor.id : null],
    );
    if (stage === 'deferred') await recordTransition(tx, pii, actor, c, { kind: 'deferred_material_received', details: { materialKey } });
    const files = await listMaterialFiles(tx, c.id);
    return files.find((f) => f.id === id)!;
  });
}

/** The bytes of one file, for the applicant or staff who may read the case; tampering is detected. */
export async function readMaterial(ctx: AppContext, actor: Actor, caseId: string, fileId: string): Promise<{ content: Buffer; mime: string; fileName: string }> {
  await readableCase(ctx.db, actor, caseId);
  const row = await ctx.db.one<{ file_key: string; mime: string; file_name: string; sm3: string }>(
    'select file_key, mime, file_name, sm3 from case_material where id = $1 and case_id = $2',
    [fileId, caseId],
  );
  if (!row) throw notFound('material', fileId);
  const content = await ctx.files.get(row.file_key);
  if (sm3Hex(content) !== row.sm3.trim()) throw new AppError('MATERIAL_TAMPERED', 409, {}, { fileId });
  return { content, mime: row.mime, fileName: row.file_name };
}

/** Deferred materials (容缺) not yet received. */
export async function outstandingDeferred(q: Queryable, c: CaseRow): Promise<string[]> {
  if (!c.deferred_keys.length) return [];
  const got = new Set((await q.query<{ k: string }>(`select distinct material_key as k from case_material where case_id = $1 and stage = 'deferred'`, [c.id])).map((r) => r.k));
  return c.deferred_keys.filter((k) => !got.has(k));
}
