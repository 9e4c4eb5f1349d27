import type { Actor } from '../../../kernel/actor.ts';
import { shanghaiDate } from '../../../kernel/calendar/index.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { conflict } from '../../../kernel/errors.ts';
import { personalData } from '../../../kernel/pii.ts';
import { drawQr, renderPdf } from '../../../kernel/pdf/index.ts';
import { maskIdNumber } from '../../../kernel/validate/idcard.ts';
import { getVersionById } from '../../catalog/index.ts';
import { enterpriseById, personView } from '../../identity/index.ts';
import { readableCase } from '../access.ts';
import { listMaterialFiles, materialKeyOf } from '../application/materials.ts';

/** Everything printed on a 受理回执; personal identifiers already masked. */
export interface ReceiptData {
  number: string;
  queryCode: string;
  itemName: string;
  itemCode: string;
  applicant: { kind: 'person' | 'enterprise'; name: string; idLabel: string; id: string };
  /** The person who came for an enterprise (经办人), masked. */
  agent: { name: string; idNumber: string } | null;
  materials: { name: string; files: number }[];
  caseType: 'immediate' | 'promised';
  promisedDays: number;
  promisedDue: string | null;
  channel: 'online' | 'window';
  /** The clerk and window that recorded it (window cases). */
  clerk: { name: string; department: string | null } | null;
  window: string | null;
  submittedOn: string;
}

interface SubmittedDetails {
  clerk?: { name: string; department: string | null };
  window?: { number: string; name: string; hall: string } | null;
}

/** The receipt's content, for the applicant or staff who may read the case (others: 404/403 as for the case). */
export async function receiptData(ctx: AppContext, actor: Actor, caseId: string): Promise<ReceiptData> {
  const c = await readableCase(ctx.db, actor, caseId);
  if (!c.number || !c.query_code || !c.submitted_at) throw conflict('CASE_NOT_SUBMITTED', { status: c.status });
  const pii = personalData(ctx.config.masterKey);
  const v = await getVersionById(ctx.db, c.item_version_id);
  const files = await listMaterialFiles(ctx.db, c.id);
  const counts = new Map<string, number>();
  for (const f of files) counts.set(f.materialKey, (counts.get(f.materialKey) ?? 0) + 1);
  const materials = (v?.content.materials ?? [])
    .map((m, i) => ({ name: m.name, files: counts.get(materialKeyOf(m, i)) ?? 0 }))
    .filter((m) => m.files > 0);

  let applicant: ReceiptData['applicant'];
  let agent: ReceiptData['agent'] = null;
  if (c.applicant_kind === 'enterprise') {
    const e = await enterpriseById(ctx.db, c.applicant_enterprise_id!);
    applicant = { kind: 'enterprise', name: c.applicant_name, idLabel: '统一社会信用代码', id: e?.uscc ?? '' };
    const who = await personView(ctx.db, pii, c.agent_person_id ?? c.owner_person_id);
    if (who) agent = { name: who.name, idNumber: who.idNumber };
  } else {
    const p = await personView(ctx.db, pii, c.applicant_person_id ?? c.owner_person_id, true);
    applicant = { kind: 'person', name: c.applicant_name, idLabel: '公民身份号码', id: p ? maskIdNumber(p.idNumber) : '' };
  }

  const submitted = await ctx.db.one<{ actor_kind: string; actor_name: string | null; details: SubmittedDetails }>(
    `select actor_kind, actor_name, details from case_event where case_id = $1 and kind = 'submitted' order by at limit 1`,
    [c.id],
  );
  const d = submitted?.details ?? {};
  const w = d.window;
  return {
    number: c.number,
    queryCode: c.query_code,
    itemName: c.item_name,
    itemCode: c.item_code,
    applicant,
    agent,
    materials,
    caseType: c.case_type,
    promisedDays: c.promised_days,
    promisedDue: c.promised_due,
    channel: c.channel,
    clerk:
      c.channel === 'window' && submitted
        ? { name: d.clerk?.name ?? submitted.actor_name ?? '', department: d.clerk?.department ?? null }
        : null,
    window: w ? `${w.hall} ${w.number}号窗口（${w.name}）` : null,
    submittedOn: shanghaiDate(new Date(c.submitted_at)),
  };
}

/** The public progress page the QR opens: the number and query code only, nothing personal. */
export const progressUrl = (base: string, r: Pick<ReceiptData, 'number' | 'queryCode'>) =>
  `${base}/progress?number=${encodeURIComponent(r.number)}&code=${encodeURIComponent(r.queryCode)}`;

const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** One A4 page: the receipt as handed over the counter, with a QR to follow the case. */
export function renderReceipt(r: ReceiptData, base: string): Promise<Buffer> {
  const rows: [string, string][] = [
    ['办件编号', r.number],
    ['查询码', r.queryCode],
    ['申请事项', r.itemName],
    ['事项编码', r.itemCode],
    [r.applicant.kind === 'person' ? '申请人' : '申请单位', r.applicant.name],
    [r.applicant.idLabel, r.applicant.id],
    ...(r.agent ? ([['经办人', `${r.agent.name}（${r.agent.idNumber}）`]] as [string, string][]) : []),
    ['申请日期', chineseDate(r.submittedOn)],
    [
      '承诺办结时限',
      r.caseType === 'immediate'
        ? '即办'
        : `${r.promisedDays} 个工作日${r.promisedDue ? `（${chineseDate(r.promisedDue)}前）` : ''}`,
    ],
    ['收件渠道', r.channel === 'window' ? '窗口收件' : '网上申报'],
    ...(r.window ? ([['受理窗口', r.window]] as [string, string][]) : []),
    ...(r.clerk
      ? ([['窗口人员', r.clerk.department ? `${r.clerk.name}（${r.clerk.department}）` : r.clerk.name]] as [string, string][])
      : []),
  ];
  const url = progressUrl(base, r);
  return renderPdf(
    (pdf) => {
      const { width } = pdf.page;
      const left = 60;
      pdf
        .font('cjk-bold')
        .fontSize(22)
        .text('受理回执', left, 60, { align: 'center', width: width - 2 * left });
      pdf
        .font('cjk')
        .fontSize(10)
        .fillColor('#555555')
        .text('政务服务办件收件凭证，请妥善保管', { align: 'center', width: width - 2 * left });
      drawQr(pdf, url, width - left - 110, 110, 110);
      pdf.fontSize(8).text('扫码查询办理进度', width - left - 110, 222, { width: 110, align: 'center' });

      let y = 120;
      for (const [label, value] of rows) {
        pdf.font('cjk-bold').fontSize(11).fillColor('#333333').text(label, left, y, { width: 90 });
        pdf
          .font('cjk')
          .fontSize(11)
          .fillColor('#111111')
          .text(value, left + 95, y, { width: width - 2 * left - 95 - (y < 240 ? 120 : 0) });
        y = Math.max(pdf.y, y + 14) + 8;
      }

      y += 10;
      pdf.font('cjk-bold').fontSize(12).fillColor('#111111').text('已收材料', left, y);
      y = pdf.y + 6;
      pdf.font('cjk').fontSize(10);
      if (!r.materials.length) pdf.text('（无）', left, y);
      r.materials.forEach((m, i) => {
        pdf.text(`${i + 1}. ${m.name}`, left, y, { width: width - 2 * left - 80 });
        pdf.text(`${m.files} 份`, width - left - 70, y, { width: 70, align: 'right' });
        y = Math.max(pdf.y, y + 12) + 4;
      });

      pdf.moveDown(2);
      pdf
        .fontSize(9)
        .fillColor('#555555')
        .text(
          `凭办件编号和查询码可在 ${base}/progress 查询办理进度。本回执仅证明已收到上述申请材料，不代表准予许可。`,
          left,
          pdf.y,
          { width: width - 2 * left },
        );
    },
    { info: { Title: `受理回执 ${r.number}`, Subject: r.itemName } },
  );
}
