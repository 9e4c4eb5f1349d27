import QRCode from 'qrcode';

/**
 * QR codes (ISO/IEC 18004) through the `qrcode` package. Error correction M: survives a crease
 * or a smudge on a printed page while keeping the symbol small for a URL of ~100 characters.
 */
export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, col) => Boolean(modules.get(row, col)) };
}

/** SVG markup for web pages (no external renderer needed in the browser). */
export function qrSvg(text: string, pixels = 200): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: pixels });
}

export function qrPng(text: string, pixels = 200): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: pixels });
}
