import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { hashPassword } from '../../kernel/crypto/password.ts';
import type { Db, Queryable, Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskIdNumber, maskPhone, validateIdNumber } from '../../kernel/validate/idcard.ts';
import type { Profile } from './schemas.ts';

export type AssuranceLevel = 1 | 2 | 3;

export interface NewPerson {
  name: string;
  idNumber: string;
  phone: string;
  email?: string | null;
  password: string;
  regionCode: string | null;
  assuranceLevel?: AssuranceLevel;
  /** How the level was established: sms, population_base, in_person, seed. */
  levelSource?: string;
  phoneVerified?: boolean;
}

/** Names as on the ID card: Han characters, Latin letters and the middle dot of minority names. */
const NAME = /^[\p{Script=Han}A-Za-z·•][\p{Script=Han}A-Za-z·• ]{0,48}[\p{Script=Han}A-Za-z]$/u;
const EMAIL = /^[^\s@<>"]{1,64}@[A-Za-z0-9.-]{1,185}\.[A-Za-z]{2,}$/;

export function checkPersonFields(input: { name: string; idNumber: string; email?: string | null }): void {
  if (!NAME.test(input.name)) throw unprocessable('NAME_INVALID', {}, { field: 'name' });
  const check = validateIdNumber(input.idNumber);
  if (!check.ok) throw unprocessable('ID_NUMBER_INVALID', { reason: check.reason }, { field: 'idNumber', reason: check.reason });
  if (input.email && !EMAIL.test(input.email)) throw unprocessable('EMAIL_INVALID', {}, { field: 'email' });
}

/** Insert a citizen account in the caller's transaction (registration, demo city). */
export async function insertPerson(tx: Tx, pii: PersonalData, actor: Actor, input: NewPerson, passwordHash: string): Promise<string> {
  const id = uuidv7();
  const idNumber = input.idNumber.toUpperCase();
  try {
    await tx.query('savepoint person_insert');
    await tx.query(
      `insert into person (id, name, id_number_enc, id_number_index, phone_enc, phone_index, email_enc, email_index,
                           password_hash, assurance_level, level_source, phone_verified_at, region_code)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, case when $12 then clock_now() end, $13)`,
      [
        id,
        input.name,
        pii.encrypt(idNumber),
        pii.index(idNumber),
        pii.encrypt(input.phone),
        pii.index(input.phone),
        input.email ? pii.encrypt(input.email) : null,
        input.email ? pii.index(input.email.toLowerCase()) : null,
        passwordHash,
        input.assuranceLevel ?? 1,
        input.levelSource ?? null,
        input.phoneVerified ?? false,
        input.regionCode,
      ],
    );
    await tx.query('release savepoint person_insert');
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await tx.query('rollback to savepoint person_insert');
    throw conflict('PERSON_EXISTS');
  }
  await appendAudit(tx, actor, { action: 'person.create', objectType: 'person', objectId: id, regionCode: input.regionCode, details: { level: input.assuranceLevel ?? 1, source: input.levelSource ?? null } });
  return id;
}

/** Create a citizen account on its own (demo city, tests). */
export async function createPerson(db: Db, pii: PersonalData, actor: Actor, input: NewPerson): Promise<string> {
  checkPersonFields(input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertPerson(tx, pii, actor, input, passwordHash));
}

export type PersonView = Profile;

/** A citizen's own record; ID number and phone masked unless `reveal` (the holder, or a clerk verifying in person). */
export async function personView(db: Queryable, pii: PersonalData, id: string, reveal = false): Promise<PersonView | undefined> {
  const row = await db.one<{ id: string; name: string; id_number_enc: string; phone_enc: string | null; email_enc: string | null; assurance_level: number; region_code: string | null; created_at: Date }>(
    'select id, name, id_number_enc, phone_enc, email_enc, assurance_level, region_code, created_at from person where id = $1',
    [id],
  );
  if (!row) return undefined;
  const idNumber = pii.decrypt(row.id_number_enc);
  const phone = row.phone_enc ? pii.decrypt(row.phone_enc) : null;
  const email = row.email_enc ? pii.decrypt(row.email_enc) : null;
  return {
    id: row.id,
    name: row.name,
    idNumber: reveal ? idNumber : maskIdNumber(idNumber),
    phone: phone && !reveal ? maskPhone(phone) : phone,
    email: email && !reveal ? email.replace(/^(.).*(@.*)$/, '$1***$2') : email,
    assuranceLevel: row.assurance_level as AssuranceLevel,
    regionCode: row.region_code,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
