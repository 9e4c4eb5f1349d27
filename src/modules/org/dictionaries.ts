import { ROLES, type Actor } from '../../kernel/actor.ts';
import { requireStaff } from '../../kernel/auth.ts';
import { t, type Lang } from '../../kernel/i18n/index.ts';
import { SECTORS } from './sectors.ts';

const named = (prefix: string, codes: readonly string[], lang: Lang) => codes.map((code) => ({ code, name: t(lang, `${prefix}.${code}`) }));

/** The staff forms' choices (roles, sectors), named in the reader's language; for staff only, like the forms. */
export function roleNames(actor: Actor, lang: Lang) {
  requireStaff(actor);
  return named('role', ROLES, lang);
}

export function sectorNames(actor: Actor, lang: Lang) {
  requireStaff(actor);
  return named('sector', SECTORS, lang);
}
