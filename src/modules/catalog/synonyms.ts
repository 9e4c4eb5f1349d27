import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Queryable } from '../../kernel/db/index.ts';
import { conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { requireBureau, requireCatalogStaff } from './access.ts';
import { bumpSearchGeneration } from './items.ts';
import type { SynonymGroup } from './route-schemas.ts';
import { normalize } from './search/text.ts';

export type { SynonymGroup };

const COLS = `id, words, region_code as "regionCode", version, updated_at as "updatedAt"`;
const fix = (r: SynonymGroup): SynonymGroup => {
  const at = r.updatedAt as unknown;
  return { ...r, updatedAt: at instanceof Date ? at.toISOString() : String(at) };
};

function cleanWords(words: string[]): string[] {
  const out = [...new Set(words.map(normalize).filter(Boolean))];
  if (out.length < 2) throw unprocessable('SYNONYM_TOO_FEW', {}, { field: 'words' });
  return out;
}

export async function listSynonyms(db: Queryable, actor: Actor): Promise<SynonymGroup[]> {
  requireCatalogStaff(actor);
  return (await db.query<SynonymGroup & Record<string, unknown>>(`select ${COLS} from catalog_synonym order by words[1]`)).map(fix);
}

/** Synonym groups are maintained by the data bureau of the city (any word finds the others). */
export async function createSynonym(db: Db, actor: Actor, input: { words: string[]; regionCode: string }): Promise<SynonymGroup> {
  return (await createSynonyms(db, actor, input.regionCode, [input.words]))[0]!;
}

/** createSynonym for a list of groups in one transaction (a city's starting list). */
export async function createSynonyms(db: Db, actor: Actor, regionCode: string, groups: string[][]): Promise<SynonymGroup[]> {
  requireBureau(actor, { regionCode });
  const cleaned = groups.map(cleanWords);
  return db.transaction(async (tx) => {
    const ids = cleaned.map(() => uuidv7());
    // Groups travel as JSON: an array of arrays would arrive as one two-dimensional array.
    await tx.query(
      `insert into catalog_synonym (id, words, region_code)
       select id, array(select jsonb_array_elements_text(words::jsonb)), $3 from unnest($1::uuid[], $2::text[]) as g(id, words)`,
      [ids, cleaned.map((words) => JSON.stringify(words)), regionCode],
    );
    await bumpSearchGeneration(tx);
    for (const [i, words] of cleaned.entries()) {
      await appendAudit(tx, actor, { action: 'catalog.synonym.create', objectType: 'catalog_synonym', objectId: ids[i], regionCode, details: { words } });
    }
    const rows = await tx.query<SynonymGroup & Record<string, unknown>>(`select ${COLS} from catalog_synonym where id = any($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, fix(r)]));
    return ids.map((id) => byId.get(id)!);
  });
}

export async function updateSynonym(db: Db, actor: Actor, id: string, input: { words: string[]; version: number }): Promise<SynonymGroup> {
  const words = cleanWords(input.words);
  return db.transaction(async (tx) => {
    const row = await tx.one<SynonymGroup & Record<string, unknown>>(`select ${COLS} from catalog_synonym where id = $1`, [id]);
    if (!row) throw notFound('synonym', id);
    requireBureau(actor, { regionCode: row.regionCode });
    if (row.version !== input.version) throw conflict('VERSION_CONFLICT', {}, { current: row.version });
    await tx.query('update catalog_synonym set words = $2, version = version + 1, updated_at = clock_now() where id = $1', [id, words]);
    await bumpSearchGeneration(tx);
    await appendAudit(tx, actor, { action: 'catalog.synonym.update', objectType: 'catalog_synonym', objectId: id, regionCode: row.regionCode, details: { words } });
    return fix((await tx.one<SynonymGroup & Record<string, unknown>>(`select ${COLS} from catalog_synonym where id = $1`, [id]))!);
  });
}

export async function deleteSynonym(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.one<SynonymGroup & Record<string, unknown>>(`select ${COLS} from catalog_synonym where id = $1`, [id]);
    if (!row) throw notFound('synonym', id);
    requireBureau(actor, { regionCode: row.regionCode });
    await tx.query('delete from catalog_synonym where id = $1', [id]);
    await bumpSearchGeneration(tx);
    await appendAudit(tx, actor, { action: 'catalog.synonym.delete', objectType: 'catalog_synonym', objectId: id, regionCode: row.regionCode, details: { words: row.words } });
  });
}
