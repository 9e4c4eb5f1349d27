import { drawQr, renderPdf } from '../../kernel/pdf/index.ts';
import { yuan } from './money.ts';
import type { Receipt } from './receipts.ts';

/**
 * The receipt as a printable A5 page. The QR code opens the portal's receipt check with the
 * three codes a verifier needs (票据代码, 票据号码, 校验码), the same ones printed on the page.
 */
export function receiptPdf(r: Receipt, verifyBase: string): Promise<Buffer> {
  const c = r.content;
  return renderPdf(
    (doc) => {
      doc.font('cjk-bold').fontSize(16).text(c.title, { align: 'center' });
      doc.moveDown(0.5);
      doc.font('cjk').fontSize(9);
      doc.text(`票据代码：${c.receiptCode}    票据号码：${c.receiptNumber}    校验码：${r.checkCode}`);
      doc.text(`缴款码：${c.paymentCode}`);
      doc.text(`缴款人：${c.payerName}`);
      doc.text(`执收单位：${c.collectingUnit.name}`);
      doc.moveDown(0.5);
      for (const item of c.items) {
        doc.text(`${item.name}    ${item.quantity} × ${yuan(item.unitFen)} 元    = ${yuan(item.amountFen)} 元`);
      }
      doc.moveDown(0.5);
      doc.font('cjk-bold').fontSize(11).text(`合计（人民币）：${c.amountYuan} 元`);
      doc.font('cjk').fontSize(9);
      doc.text(`缴款渠道：${c.channel}    交易流水号：${c.channelTxnId}`);
      doc.text(`缴款时间：${c.paidAt}    开票时间：${c.issuedAt}`);
      doc.moveDown(0.5);
      doc.fontSize(7).text(`电子签名（SM2，${r.signerKind.startsWith('seal:') ? '执收单位电子印章' : '执收单位签名密钥'} ${r.signerKeyId}）：${r.signature}`);
      const verify = `${verifyBase}/payments/verify?code=${c.receiptCode}&number=${c.receiptNumber}&check=${r.checkCode}`;
      drawQr(doc, verify, doc.page.width - 130, 40, 80);
    },
    { size: 'A5', layout: 'landscape', margin: 30, info: { Title: `${c.title} ${c.receiptCode}-${c.receiptNumber}` } },
  );
}
