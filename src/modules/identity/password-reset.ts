import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { hashPassword } from '../../kernel/crypto/password.ts';
import { AppError } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { requireStrongPassword } from './password-policy.ts';
import { consumeSmsCode, verifySmsCode } from './sms.ts';

/** A new password proven by an SMS code to the registered phone; audited with the request's address. */
export async function resetPassword(ctx: AppContext, input: { phone: string; code: string; password: string }, ip: string): Promise<void> {
  const { phone, code, password } = input;
  const pii = personalData(ctx.config.masterKey);
  const person = await ctx.db.one<{ id: string }>('select id from person where phone_index = $1', [pii.index(phone)]);
  if (!person) throw new AppError('SMS_CODE_INVALID', 422, {}, { field: 'code' });
  requireStrongPassword(password, [phone]);
  const codeId = await verifySmsCode(ctx.db, ctx.config.masterKey, pii, phone, 'reset', code);
  const hash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await consumeSmsCode(tx, codeId);
    await tx.query('update person set password_hash = $2 where id = $1', [person.id, hash]);
    // a reset ends every session: whoever knew the old password is signed out
    await tx.query("delete from session where subject_kind = 'person' and subject_id = $1", [person.id]);
    await appendAudit(tx, { kind: 'person', id: person.id }, { action: 'auth.password_reset', objectType: 'person', objectId: person.id, details: { ip } });
  });
}
