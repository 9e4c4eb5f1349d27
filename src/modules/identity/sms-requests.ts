import type { AppContext } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { isMobile, sendSmsCode } from './sms.ts';

/**
 * An SMS code for registering or for resetting a password. A reset code goes only to a
 * registered phone, a registration code only to a new one; the answer is the same either way
 * so the endpoint does not reveal who is registered.
 */
export async function requestSmsCode(ctx: AppContext, input: { phone: string; purpose: 'register' | 'reset' }, lang: Lang): Promise<{ resendAfter: number }> {
  const { phone, purpose } = input;
  if (!isMobile(phone)) throw new AppError('PHONE_INVALID', 422, {}, { field: 'phone' });
  const pii = personalData(ctx.config.masterKey);
  const known = await ctx.db.one('select 1 from person where phone_index = $1', [pii.index(phone)]);
  return (purpose === 'reset') === Boolean(known) ? sendSmsCode(ctx, pii, phone, purpose, lang) : { resendAfter: 60 };
}

/**
 * A sign-in code. Sent only to the phone of an active account, with the same answer whether or
 * not the number has one: the sign-in page does not tell who is a citizen here.
 */
export async function requestSignInCode(ctx: AppContext, phone: string, lang: Lang): Promise<void> {
  const pii = personalData(ctx.config.masterKey);
  const known = await ctx.db.one('select 1 from person where phone_index = $1 and status = $2', [pii.index(phone), 'active']);
  if (known) await sendSmsCode(ctx, pii, phone, 'login', lang);
  else if (!isMobile(phone)) throw new AppError('PHONE_INVALID', 422);
}
