import { AppError } from '../../../kernel/errors.ts';

/** Largest material accepted (the HTTP route refuses bigger bodies before reading them all). */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

export type MaterialMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * The type is decided by the content's signature, never by the file name or the client's
 * Content-Type: a renamed executable is refused whatever it is called.
 */
export function sniffType(content: Buffer): MaterialMime | undefined {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return undefined;
}

/**
 * PDF names may hide letters as #xx escapes (/J#61vaScript); decode them before looking for
 * actions that run code or launch programs. Streams compressed inside object streams are not
 * inflated: such a file passes this check, which is why viewers must still disable scripts.
 */
export function pdfActiveContent(content: Buffer): string | undefined {
  const text = content.toString('latin1').replace(/#([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  const m = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)(?![A-Za-z0-9])/.exec(text);
  return m?.[1];
}

/** Checks an upload and returns its type; throws a 4xx with a stable code otherwise. */
export function checkMaterial(content: Buffer): MaterialMime {
  if (content.length === 0) throw new AppError('MATERIAL_EMPTY', 422);
  if (content.length > MAX_MATERIAL_BYTES) throw new AppError('MATERIAL_TOO_LARGE', 413, { max: MAX_MATERIAL_BYTES / 1024 / 1024 });
  const mime = sniffType(content);
  if (!mime) throw new AppError('MATERIAL_TYPE_REFUSED', 415, {}, { allowed: ['pdf', 'jpeg', 'png'] });
  if (mime === 'application/pdf') {
    const found = pdfActiveContent(content);
    if (found) throw new AppError('MATERIAL_PDF_ACTIVE', 422, { what: found }, { what: found });
  }
  return mime;
}

/** A file name for display only (never a path): control characters and separators removed. */
export function cleanFileName(name: string | undefined, mime: MaterialMime): string {
  const base = [...(name ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '/' && ch !== '\\')
    .join('')
    .trim()
    .slice(0, 120);
  return base || `material.${mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg'}`;
}
