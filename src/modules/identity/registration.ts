import { ANONYMOUS, type Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { hashPassword } from '../../kernel/crypto/password.ts';
import { AppError, conflict } from '../../kernel/errors.ts';
import { personalData, type PersonalData } from '../../kernel/pii.ts';
import { regionExists } from '../org/index.ts';
import { requireStrongPassword } from './password-policy.ts';
import { checkPersonFields, insertPerson, type AssuranceLevel } from './persons.ts';
import { tablePopulationBase, type PopulationBase } from './population.ts';
import type { Registration } from './schemas.ts';
import { consumeSmsCode, isMobile, verifySmsCode } from './sms.ts';

/**
 * Self-registration of a citizen. The SMS code proves the phone (实名等级 1); a name that the
 * population base confirms for the ID number raises it to level 2 at once. An ID number the base
 * knows under another name is refused: that is someone else's identity.
 */
export async function registerPerson(
  ctx: AppContext,
  pii: PersonalData,
  population: PopulationBase,
  input: Registration,
): Promise<{ id: string; assuranceLevel: AssuranceLevel }> {
  const name = input.name.trim();
  const idNumber = input.idNumber.trim().toUpperCase();
  const email = input.email?.trim() || null;
  checkPersonFields({ name, idNumber, email });
  if (!isMobile(input.phone)) throw new AppError('PHONE_INVALID', 422, {}, { field: 'phone' });
  requireStrongPassword(input.password, [input.phone, idNumber, idNumber.slice(-6), ...(email ? [email.split('@')[0]!] : [])]);

  const taken = await ctx.db.one<{ n: number }>(
    'select count(*)::int as n from person where id_number_index = $1 or phone_index = $2 or ($3::text is not null and email_index = $3)',
    [pii.index(idNumber), pii.index(input.phone), email ? pii.index(email.toLowerCase()) : null],
  );
  if (taken && taken.n > 0) throw conflict('PERSON_EXISTS');

  const check = await population.check(name, idNumber);
  if (check === 'name_mismatch' || check === 'deceased') throw new AppError('IDENTITY_MISMATCH', 422, {}, { field: 'name' });
  const level: AssuranceLevel = check === 'match' ? 2 : 1;

  const codeId = await verifySmsCode(ctx.db, ctx.config.masterKey, pii, input.phone, 'register', input.code);
  const passwordHash = await hashPassword(input.password);
  const regionCode = await regionOf(ctx, idNumber);
  const id = await ctx.db.transaction(async (tx) => {
    await consumeSmsCode(tx, codeId);
    return insertPerson(
      tx,
      pii,
      ANONYMOUS,
      {
        name,
        idNumber,
        phone: input.phone,
        email,
        password: input.password,
        regionCode,
        assuranceLevel: level,
        levelSource: level === 2 ? 'population_base' : 'sms',
        phoneVerified: true,
      },
      passwordHash,
    );
  });
  return { id, assuranceLevel: level };
}

/** The registration page: only someone not signed in registers, checked against the population base. */
export function registerSelf(ctx: AppContext, actor: Actor, input: Registration): Promise<{ id: string; assuranceLevel: AssuranceLevel }> {
  if (actor.kind !== 'anonymous') throw new AppError('ALREADY_SIGNED_IN', 409);
  const pii = personalData(ctx.config.masterKey);
  return registerPerson(ctx, pii, tablePopulationBase(ctx.db, pii), input);
}

/** The county of the ID number's address code when this node knows it; else none. */
async function regionOf(ctx: AppContext, idNumber: string): Promise<string | null> {
  const county = `${idNumber.slice(0, 6)}000000`;
  return (await regionExists(ctx.db, county)) ? county : null;
}
