import type { Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';

/** A registered person found by the blind index of their 居民身份证号 (no decryption of other rows). */
export async function findPersonByIdNumber(
  q: Queryable,
  pii: PersonalData,
  idNumber: string,
): Promise<{ id: string; regionCode: string | null } | undefined> {
  const row = await q.one<{ id: string; region_code: string | null }>(
    'select id, region_code from person where id_number_index = $1',
    [pii.index(idNumber)],
  );
  return row ? { id: row.id, regionCode: row.region_code } : undefined;
}

export interface EnterpriseRecord {
  id: string;
  uscc: string;
  name: string;
  legalRepPersonId: string;
  regionCode: string | null;
}

async function enterpriseWhere(q: Queryable, where: string, value: string): Promise<EnterpriseRecord | undefined> {
  const row = await q.one<{ id: string; uscc: string; name: string; legal_rep_person_id: string; region_code: string | null }>(
    `select id, uscc, name, legal_rep_person_id, region_code from enterprise where ${where}`,
    [value],
  );
  return row
    ? {
        id: row.id,
        uscc: row.uscc.trim(),
        name: row.name,
        legalRepPersonId: row.legal_rep_person_id,
        regionCode: row.region_code,
      }
    : undefined;
}

/**
 * An active registered enterprise by its 统一社会信用代码, once its legal representative is
 * proven: a window must not take an unproven claimant for the enterprise (identity's
 * legal-rep verification at the window proves it first).
 */
export const findEnterpriseByUscc = (q: Queryable, uscc: string) =>
  enterpriseWhere(q, `uscc = $1 and status = 'active' and legal_rep_proof is not null`, uscc.trim().toUpperCase());

/** An enterprise by id, whatever its status (documents of past cases still name it). */
export const enterpriseById = (q: Queryable, id: string) => enterpriseWhere(q, 'id = $1', id);

/**
 * The keyed blind index of a person's 居民身份证号 (`PersonalData.index` of the number in capitals):
 * other modules find what they hold about the person by it without reading the number.
 */
export async function personIdNumberIndex(q: Queryable, personId: string): Promise<string | undefined> {
  return (await q.one<{ id_number_index: string }>('select id_number_index from person where id = $1', [personId]))
    ?.id_number_index;
}
