import type { Actor } from '../../kernel/actor.ts';
import { allowKinds } from '../../kernel/auth.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/index.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { shanghaiDay } from './days.ts';
import { yuan } from './money.ts';
import { canSee, type NoticeRow } from './notices.ts';
import { receiptSigner } from './signer.ts';
import * as clock from '../../kernel/clock.ts';

/**
 * E-receipts (电子票据) per STANDARDS.md §1.8: 票据代码 of 8 digits = 2 region (province) +
 * 2 category + 2 kind + 2 year; 票据号码 of 10 digits, sequential per code.
 */
export const RECEIPT_CATEGORY = '03'; // 非税收入类
export const RECEIPT_KIND = '01'; // 一般缴款书

export function receiptCode(regionCode: string, at: Date): string {
  return `${regionCode.slice(0, 2)}${RECEIPT_CATEGORY}${RECEIPT_KIND}${shanghaiDay(at).slice(2, 4)}`;
}

/**
 * Next number of a code. The upsert takes the counter row's lock until the payment's
 * transaction ends, so concurrent payments queue here and a rolled-back payment takes its
 * number back with it: the series has no gaps.
 */
async function nextNumber(tx: Tx, code: string): Promise<string> {
  const row = await tx.one<{ last_number: number }>(
    `insert into payment_receipt_counter (receipt_code, last_number) values ($1, 1)
     on conflict (receipt_code) do update set last_number = payment_receipt_counter.last_number + 1
     returning last_number`,
    [code],
  );
  const n = Number(row!.last_number);
  if (n > 9_999_999_999) throw new AppError('RECEIPT_NUMBERS_EXHAUSTED', 409, { code }, { code });
  return String(n).padStart(10, '0');
}

export interface ReceiptContent {
  receiptCode: string;
  receiptNumber: string;
  title: string;
  paymentCode: string;
  payerName: string;
  collectingUnit: { id: string; name: string };
  items: { name: string; quantity: number; unitFen: number; amountFen: number }[];
  amountFen: number;
  amountYuan: string;
  channel: string;
  channelTxnId: string;
  paidAt: string;
  issuedAt: string;
}

export async function issueReceipt(
  ctx: AppContext,
  tx: Tx,
  notice: NoticeRow,
  txn: { channel: string; channelTxnId: string; paidAt: Date },
): Promise<{ id: string; receiptCode: string; receiptNumber: string }> {
  const lines = await tx.query<{ name: string; quantity: number; unit_fen: number; amount_fen: number }>(
    'select name, quantity, unit_fen, amount_fen from payment_notice_line where notice_id = $1 order by line_no',
    [notice.id],
  );
  const issuedAt = clock.now();
  const code = receiptCode(notice.region_code, issuedAt);
  // From here to the commit, other payments of the same code wait: keep this stretch short.
  const number = await nextNumber(tx, code);
  const content: ReceiptContent = {
    receiptCode: code,
    receiptNumber: number,
    title: '非税收入一般缴款书（电子）',
    paymentCode: notice.code,
    payerName: notice.payer_name,
    collectingUnit: { id: notice.department_id, name: notice.department_name },
    items: lines.map((l) => ({ name: l.name, quantity: Number(l.quantity), unitFen: Number(l.unit_fen), amountFen: Number(l.amount_fen) })),
    amountFen: Number(notice.amount_fen),
    amountYuan: yuan(Number(notice.amount_fen)),
    channel: txn.channel,
    channelTxnId: txn.channelTxnId,
    paidAt: txn.paidAt.toISOString(),
    issuedAt: issuedAt.toISOString(),
  };
  const id = uuidv7();
  const bytes = canonicalJson(content);
  const signed = await receiptSigner(ctx).sign(tx, notice.department_id, bytes, id);
  // Printed next to the numbers; without it nobody can look a receipt up by guessing numbers.
  const checkCode = sm3Hex(signed.signature).slice(0, 8).toUpperCase();
  await tx.query(
    `insert into payment_receipt (id, notice_id, receipt_code, receipt_number, check_code, amount_fen, content, signature,
                                  signer_kind, signer_key_id, signer_public_key, region_code, department_id, issued_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [id, notice.id, code, number, checkCode, notice.amount_fen, bytes, signed.signature, signed.signerKind, signed.keyId,
      signed.publicKey, notice.region_code, notice.department_id, issuedAt],
  );
  return { id, receiptCode: code, receiptNumber: number };
}

export interface Receipt {
  id: string;
  noticeId: string;
  receiptCode: string;
  receiptNumber: string;
  checkCode: string;
  content: ReceiptContent;
  signature: string;
  signerKind: string;
  signerKeyId: string;
  signerPublicKey: string;
  issuedAt: string;
}

interface ReceiptRow {
  id: string;
  notice_id: string;
  receipt_code: string;
  receipt_number: string;
  check_code: string;
  content: ReceiptContent;
  signature: string;
  signer_kind: string;
  signer_key_id: string;
  signer_public_key: string;
  issued_at: Date;
  payer_person_id: string | null;
  payer_enterprise_id: string | null;
  region_code: string;
  department_id: string;
  [key: string]: unknown;
}

const toReceipt = (r: ReceiptRow): Receipt => ({
  id: r.id,
  noticeId: r.notice_id,
  receiptCode: r.receipt_code,
  receiptNumber: r.receipt_number,
  checkCode: r.check_code,
  content: r.content,
  signature: r.signature,
  signerKind: r.signer_kind,
  signerKeyId: r.signer_key_id,
  signerPublicKey: r.signer_public_key,
  issuedAt: new Date(r.issued_at).toISOString(),
});

export async function receiptOfNotice(db: Queryable, actor: Actor, noticeId: string): Promise<Receipt> {
  allowKinds(actor, ['person', 'staff', 'system']);
  const row = /^[0-9a-f-]{36}$/.test(noticeId)
    ? await db.one<ReceiptRow>(
        `select r.*, n.payer_person_id, n.payer_enterprise_id from payment_receipt r join payment_notice n on n.id = r.notice_id where r.notice_id = $1`,
        [noticeId],
      )
    : undefined;
  if (!row || !canSee(actor, { payerPersonId: row.payer_person_id, payerEnterpriseId: row.payer_enterprise_id, regionCode: row.region_code, departmentId: row.department_id })) {
    throw notFound('payment_receipt', noticeId);
  }
  return toReceipt(row);
}

const mask = (name: string) => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 3))}`);

/**
 * Anyone holding a receipt can check it (like a licence): the three printed codes find it,
 * and the signature is checked again now. Unknown and mismatching codes answer the same.
 */
export async function verifyReceipt(ctx: AppContext, q: { receiptCode: string; receiptNumber: string; checkCode: string }) {
  const row = await ctx.db.one<ReceiptRow>(
    'select * from payment_receipt where receipt_code = $1 and receipt_number = $2',
    [q.receiptCode, q.receiptNumber],
  );
  if (!row || row.check_code !== q.checkCode.toUpperCase()) throw new AppError('RECEIPT_NOT_FOUND', 404);
  const r = toReceipt(row);
  const content = canonicalJson(r.content);
  const signatureValid = await receiptSigner(ctx).verify(ctx, {
    signerKind: r.signerKind,
    keyId: r.signerKeyId,
    publicKey: r.signerPublicKey,
    signature: r.signature,
    bytes: content,
  });
  return {
    valid: signatureValid,
    receiptCode: r.receiptCode,
    receiptNumber: r.receiptNumber,
    amountFen: r.content.amountFen,
    payerName: mask(r.content.payerName),
    collectingUnit: r.content.collectingUnit.name,
    paidAt: r.content.paidAt,
    issuedAt: r.issuedAt,
    signerKind: r.signerKind.startsWith('seal:') ? 'seal' : 'unit-key',
    keyId: r.signerKeyId,
  };
}
