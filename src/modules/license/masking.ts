import { maskPersonal, personalKindByShape } from '../../kernel/validate/mask.ts';
import type { LicenceView } from './store.ts';

/**
 * A licence as staff see it in lists and on its page: a person holder's ID number and the
 * fields the licence type marks personal (and any value shaped like an ID or mobile number)
 * masked. The holder sees the licence in clear; a department the holder let use it (用证授权)
 * gets it in clear through the use request; staff who need the clear document download its PDF,
 * which is audited.
 */
export function maskedForStaff(licence: LicenceView, personal: ReadonlySet<string>): LicenceView {
  const fields = Object.fromEntries(
    Object.entries(licence.fields).map(([key, value]) => {
      const kind = personalKindByShape(value) ?? (personal.has(key) ? 'other' : undefined);
      return [key, kind && value !== null && value !== '' ? maskPersonal(kind, String(value)) : value];
    }),
  );
  const holder = licence.holder.kind === 'person' ? { ...licence.holder, code: maskPersonal(licence.holder.codeType ?? 'id_number', licence.holder.code) } : licence.holder;
  return { ...licence, holder, fields };
}
