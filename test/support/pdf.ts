import { execFileSync } from 'node:child_process';
import { resultsDir } from './results.ts';

// poppler's tools read the document from stdin ('-'), so no test needs a scratch folder for them.

/** The text of a PDF as pdftotext reads it; `layout` keeps the words of a line in their columns. */
export function pdfText(pdf: Buffer | Uint8Array, options: { layout?: boolean } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return execFileSync('pdftotext', args, { input: pdf, encoding: 'utf8' });
}

/** Renders the first page to test-results/<name>.png at `dpi`, for a person to look at. */
export function pdfPicture(pdf: Buffer | Uint8Array, name: string, dpi = 70): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', '-', `${resultsDir()}/${name}`], { input: pdf });
}
