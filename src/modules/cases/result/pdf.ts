import { drawQr, renderPdf } from '../../../kernel/pdf/index.ts';
import { RESULT_KINDS, type ResultKind } from './schemas.ts';

export { RESULT_KINDS, type ResultKind };

export const RESULT_TITLES: Record<ResultKind, string> = {
  approval: '准予许可决定书',
  disapproval: '不予许可决定书',
  refusal: '不予受理通知书',
};

export interface ResultPdfInput {
  kind: ResultKind;
  number: string;
  itemName: string;
  applicantName: string;
  /** 统一社会信用代码 of an enterprise applicant; a person's ID number is not printed. */
  applicantCode?: string | null;
  departmentName: string;
  /** When the application was submitted and when this decision was made (YYYY-MM-DD). */
  submittedOn: string;
  decidedOn: string;
  /** The decision opinion or the reason for refusal, as the staff member wrote it. */
  opinion: string | null;
  licence?: { identifier: string; typeName: string } | null;
  sealPng: Buffer;
  /** The public progress page with the case number and query code: no personal data. */
  progressUrl: string;
}

const RED = '#b3121a';
const chineseDate = (day: string) => {
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

const REMEDY = '如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。';

/** The body paragraphs of each kind, in the wording of the usual national templates. */
function paragraphs(r: ResultPdfInput): string[] {
  const applied = `你（单位）于${chineseDate(r.submittedOn)}提出的“${r.itemName}”申请（办件编号：${r.number}）`;
  const opinion = r.opinion?.trim();
  switch (r.kind) {
    case 'approval':
      return [
        `${applied}，本机关已依法受理并审查。经审查，该申请符合法定条件、标准，根据有关法律、法规的规定，决定准予许可。`,
        ...(opinion ? [`审查意见：${opinion}`] : []),
        ...(r.licence
          ? [`本机关同时核发电子证照“${r.licence.typeName}”（证照标识：${r.licence.identifier}），可在“我的卡包”中查看、下载和出示，与纸质证照具有同等效力。`]
          : []),
      ];
    case 'disapproval':
      return [
        `${applied}，本机关已依法受理并审查。经审查，该申请不符合法定条件、标准，根据有关法律、法规的规定，决定不予许可。`,
        `理由：${opinion ?? '—'}`,
        REMEDY,
      ];
    case 'refusal':
      return [`${applied}，经审查，本机关决定不予受理。`, `理由：${opinion ?? '—'}`, REMEDY];
  }
}

/**
 * One A4 page: title, case number, applicant, the decision text, the department and date with
 * the red seal stamped across them, and a QR that opens the public progress page.
 */
export function renderResultPdf(r: ResultPdfInput): Promise<Buffer> {
  return renderPdf(
    (pdf) => {
      const { width, height } = pdf.page;
      const left = 72;
      const textWidth = width - 2 * left;
      pdf.font('cjk-bold').fontSize(24).fillColor(RED).text(r.departmentName, left, 70, { align: 'center', width: textWidth });
      pdf.moveDown(0.3);
      pdf.font('cjk-bold').fontSize(22).fillColor('#111111').text(RESULT_TITLES[r.kind], { align: 'center', width: textWidth });
      pdf.moveDown(0.3);
      pdf.font('cjk').fontSize(11).fillColor('#444444').text(`办件编号：${r.number}`, { align: 'center', width: textWidth });
      const ruleY = pdf.y + 8;
      pdf.lineWidth(1.5).strokeColor(RED).moveTo(left, ruleY).lineTo(width - left, ruleY).stroke();

      pdf.font('cjk-bold').fontSize(14).fillColor('#111111').text(`${r.applicantName}：`, left, ruleY + 24, { width: textWidth });
      if (r.applicantCode) pdf.font('cjk').fontSize(11).fillColor('#444444').text(`（统一社会信用代码：${r.applicantCode}）`, { width: textWidth });
      pdf.moveDown(0.6);
      pdf.font('cjk').fontSize(14).fillColor('#111111');
      for (const p of paragraphs(r)) {
        pdf.text(p, left, pdf.y, { width: textWidth, indent: 28, lineGap: 6, align: 'justify' });
        pdf.moveDown(0.6);
      }

      // The issuing body and date at the lower right, the seal stamped across them as on paper.
      const signY = Math.max(pdf.y + 40, height - 300);
      pdf.font('cjk').fontSize(14).fillColor('#111111');
      pdf.text(r.departmentName, width - 330, signY, { width: 258, align: 'right' });
      pdf.text(chineseDate(r.decidedOn), width - 330, signY + 26, { width: 258, align: 'right' });
      pdf.image(r.sealPng, width - 220, signY - 60, { width: 140 });

      drawQr(pdf, r.progressUrl, left - 8, height - 190, 100);
      pdf.fontSize(9).fillColor('#444444').text('扫码查询办件进度', left - 8, height - 86, { width: 100, align: 'center' });
      pdf
        .fontSize(8)
        .fillColor('#666666')
        .text('本文书由政务服务平台生成，加盖电子印章，与纸质文书具有同等效力。', left + 110, height - 130, { width: textWidth - 110 });
    },
    { info: { Title: `${RESULT_TITLES[r.kind]} ${r.number}`, Subject: r.number, Author: r.departmentName } },
  );
}
