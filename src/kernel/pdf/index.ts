export { CJK_FONT_FAMILY, cjkFont, cjkFontPath } from './font.ts';
export { drawQr, renderPdf } from './document.ts';
export type { Pdf, PdfOptions } from './document.ts';
export { svgToPng } from './image.ts';
export { qrMatrix, qrPng, qrSvg } from './qr.ts';
export type { QrMatrix } from './qr.ts';
