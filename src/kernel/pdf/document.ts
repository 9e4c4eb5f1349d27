import { parsedCjkFont } from './font.ts';
import { qrMatrix } from './qr.ts';

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  size?: string | [number, number];
  layout?: 'portrait' | 'landscape';
  margin?: number;
  info?: { Title?: string; Author?: string; Subject?: string; Keywords?: string };
}

/**
 * Render one PDF with the shipped CJK font registered as `cjk` (regular) and `cjk-bold`, and
 * selected as the current font, so Chinese text works without any set-up in the caller.
 * `draw` lays out the pages; the promise resolves with the finished file.
 */
export async function renderPdf(draw: (doc: Pdf) => void | Promise<void>, options: PdfOptions = {}): Promise<Buffer> {
  // loaded on first use: PDFKit and its font and image code are a quarter second of start-up
  // that a server pays only when it renders a document
  const { default: PDFDocument } = await import('pdfkit');
  const [regular, bold] = await Promise.all([parsedCjkFont('regular'), parsedCjkFont('bold')]);
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 50,
    info: { Creator: 'YiWang', Producer: 'YiWang', ...(options.info ?? {}) },
    // Deterministic object ids are not needed; compression keeps pages small.
    compress: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // PDFKit's types name only bytes and paths; it takes a parsed font too (PDFFontFactory.open)
  doc.registerFont('cjk', regular as unknown as Buffer);
  doc.registerFont('cjk-bold', bold as unknown as Buffer);
  doc.font('cjk');
  try {
    await draw(doc);
  } finally {
    doc.end();
  }
  return done;
}

/**
 * A QR code drawn as vector squares: sharp at any zoom or print resolution, and no image
 * decoding. `size` is the side in points including a quiet zone of 2 modules.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const m = qrMatrix(text);
  const quiet = 2;
  const cell = size / (m.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.isDark(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
