import { drawQr, renderPdf } from '../../kernel/pdf/index.ts';
import type { FieldSpec } from './fields.ts';
import type { LicenceDocument } from './store.ts';

const RED = '#b3121a';

export interface LicencePdfInput {
  doc: LicenceDocument;
  fields: FieldSpec[];
  title?: string;
  note?: string;
  sealPng: Buffer;
  /** Verification URL with a presentation token: no personal data in the QR. */
  qrUrl: string;
}

const chineseDate = (day: string) => {
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** One A4 page: title, holder and fields, validity, issuer with the red seal, QR and identifier. */
export function renderLicencePdf(input: LicencePdfInput): Promise<Buffer> {
  const { doc } = input;
  const labelOf = new Map(input.fields.map((f) => [f.key, f.label]));
  const holderLabels = doc.holder.kind === 'enterprise' ? ['持证主体', '统一社会信用代码'] : ['持证人', doc.holder.codeType === 'passport' ? '护照号码' : '公民身份号码'];
  const rows: [string, string][] = [
    [holderLabels[0]!, doc.holder.name],
    [holderLabels[1]!, doc.holder.code],
    ...Object.entries(doc.fields).map(([k, v]): [string, string] => [labelOf.get(k) ?? k, String(v)]),
    ['有效期限', `${chineseDate(doc.validFrom)} 至 ${doc.validTo ? chineseDate(doc.validTo) : '长期'}`],
  ];
  return renderPdf(
    (pdf) => {
      const { width, height } = pdf.page;
      pdf
        .lineWidth(3)
        .strokeColor(RED)
        .rect(24, 24, width - 48, height - 48)
        .stroke();
      pdf
        .lineWidth(0.8)
        .rect(32, 32, width - 64, height - 64)
        .stroke();

      pdf
        .font('cjk-bold')
        .fillColor('#111111')
        .fontSize(30)
        .text(input.title ?? doc.type.name, 50, 80, { align: 'center', width: width - 100 });
      pdf
        .font('cjk')
        .fontSize(11)
        .fillColor('#666666')
        .text(`电子证照 · ${doc.type.code}`, { align: 'center', width: width - 100 });

      let y = 170;
      const labelX = 80;
      const valueX = 200;
      for (const [label, value] of rows) {
        pdf.font('cjk-bold').fontSize(13).fillColor('#333333').text(label, labelX, y, { width: 110 });
        pdf
          .font('cjk')
          .fontSize(13)
          .fillColor('#111111')
          .text(value, valueX, y, { width: width - valueX - 80 });
        y = Math.max(pdf.y, y + 20) + 12;
      }
      if (input.note)
        pdf
          .fontSize(10)
          .fillColor('#666666')
          .text(input.note, labelX, y + 6, { width: width - 160 });

      // Issuer and date at the lower right, the seal stamped across them as on paper.
      const issuerY = height - 250;
      pdf.font('cjk').fontSize(13).fillColor('#111111');
      pdf.text(`发证机关：${doc.issuer.name}`, width - 330, issuerY, { width: 260, align: 'right' });
      pdf.text(chineseDate(doc.issuedAt), width - 330, issuerY + 24, { width: 260, align: 'right' });
      pdf.image(input.sealPng, width - 230, issuerY - 60, { width: 150 });

      drawQr(pdf, input.qrUrl, 70, height - 230, 120);
      pdf
        .fontSize(9)
        .fillColor('#444444')
        .text('扫码核验真伪与状态', 70, height - 106, { width: 120, align: 'center' });
      pdf
        .fontSize(8)
        .fillColor('#444444')
        .text(`证照标识：${doc.identifier}`, 70, height - 80, { width: width - 140 });
    },
    { info: { Title: `${doc.type.name} ${doc.identifier}`, Subject: doc.identifier, Author: doc.issuer.name } },
  );
}
