import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { shanghaiDate } from '../../kernel/calendar/shanghai.ts';
import { personalData } from '../../kernel/pii.ts';
import { feedLibrary, recordDataUse } from '../data/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { LicenceStatus } from './codes.ts';
import { documentCodec, type LicenceDocument, type LicenceRow } from './store.ts';

/** The data item that keys the licence library (电子证照目录信息). */
const LICENCE_KEY_ITEM = '证照标识';

/**
 * The data platform's licence library (电子证照库, a 基础库) is this module's register seen from
 * outside: every licence issued and every change of its status is written there in the same
 * transaction, keyed by data item, so the city's library never lags behind the licences. A row
 * the catalogue cannot take is logged and skipped: the licence itself stands.
 */
export async function feedLicenceLibrary(
  ctx: AppContext,
  tx: Tx,
  licences: { doc: LicenceDocument; status: LicenceStatus }[],
): Promise<void> {
  const rows = licences.map(({ doc, status }) => ({
    证照标识: doc.identifier,
    证照类型代码: doc.type.code,
    持证主体: doc.holder.name,
    持证主体代码: doc.holder.code,
    证照状态: status,
    颁发日期: shanghaiDate(new Date(doc.issuedAt)),
  }));
  const fed = await feedLibrary(tx, personalData(ctx.config.masterKey), LICENCE_KEY_ITEM, rows);
  if (fed.refused.length)
    ctx.log.warn({ resource: fed.resourceCode, refused: fed.refused }, 'licence library: rows the catalogue does not take');
}

/** A use of a licence as the holder's data-use ledger (我的数据使用记录) records it. */
export interface LedgerUse {
  kind: 'presentation' | 'case' | 'exchange';
  purpose: string;
  userDepartmentId?: string | null;
  userName?: string;
  /** what was shown or taken, in words (信息项); the whole licence when absent */
  fields?: string[];
}

/**
 * Tells the holder's ledger that their licence was used — by a department taking it for a case or
 * an exchange, or by whoever checked what they presented — next to the licence's own use log (the
 * wallet's 用证记录). Only persons keep a ledger; an enterprise's licences are not personal data.
 */
export async function tellLedger(q: Queryable, l: Pick<LicenceRow, 'id'>, use: LedgerUse): Promise<void> {
  const holder = await q.one<{ holder_kind: string; holder_code_index: string | null; type_name: string }>(
    `select l.holder_kind, l.holder_code_index, t.name as type_name from licence l join licence_type t on t.id = l.type_id where l.id = $1`,
    [l.id],
  );
  if (!holder || holder.holder_kind !== 'person' || !holder.holder_code_index) return;
  const department = use.userDepartmentId
    ? (await departmentRefsById(q, [use.userDepartmentId])).get(use.userDepartmentId)
    : undefined;
  await recordDataUse(q, {
    personIndex: holder.holder_code_index,
    kind: 'licence',
    departmentId: department?.id ?? null,
    departmentName: department?.name ?? (use.userName || (use.kind === 'presentation' ? '核验方（扫码核验）' : '')),
    system: '电子证照系统',
    resourceName: holder.type_name,
    fields: use.fields?.length ? use.fields : [`${holder.type_name}（全部信息项）`],
    purpose: use.purpose || (use.kind === 'presentation' ? '持证人出示核验' : null),
  });
}

/**
 * Every licence into the licence library at once, for a library published after licences exist
 * (a city's first 目录, the demo city's start); later issues and changes keep it current.
 */
export async function feedWholeLicenceLibrary(ctx: AppContext, tx: Tx): Promise<number> {
  const codec = documentCodec(ctx);
  const rows = await tx.query<{ document_enc: string; status: LicenceStatus }>(
    'select document_enc, status from licence order by issued_at, id',
  );
  for (let at = 0; at < rows.length; at += 500) {
    const batch = rows
      .slice(at, at + 500)
      .map((r) => ({ doc: JSON.parse(codec.open({ documentEnc: r.document_enc })) as LicenceDocument, status: r.status }));
    await feedLicenceLibrary(ctx, tx, batch);
  }
  return rows.length;
}
