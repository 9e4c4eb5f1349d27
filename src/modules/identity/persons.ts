import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { isUniqueViolation, conflict, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { validateIdNumber } from '../../kernel/validate/idcard.ts';
import { hashPassword } from './password.ts';

export interface NewPerson {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
  regionCode: string;
  assuranceLevel?: 1 | 2 | 3;
}

/** Register a citizen account (used by the demo city now, by registration in the identity issue). */
export async function createPerson(db: Db, pii: PersonalData, actor: Actor, input: NewPerson): Promise<string> {
  const check = validateIdNumber(input.idNumber);
  if (!check.ok) throw unprocessable('ID_NUMBER_INVALID', { reason: check.reason }, { field: 'idNumber', reason: check.reason });
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    try {
      await tx.query(
        `insert into person (id, name, id_number_enc, id_number_index, phone_enc, phone_index, password_hash, assurance_level, region_code)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          input.name,
          pii.encrypt(input.idNumber),
          pii.index(input.idNumber),
          pii.encrypt(input.phone),
          pii.index(input.phone),
          passwordHash,
          input.assuranceLevel ?? 1,
          input.regionCode,
        ],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('PERSON_EXISTS');
      throw err;
    }
    await appendAudit(tx, actor, { action: 'person.create', objectType: 'person', objectId: id, regionCode: input.regionCode });
    return id;
  });
}
