import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The CJK font every generated document uses: Noto Sans SC (SIL OFL 1.1) as a full TrueType
 * file from the @expo-google-fonts/noto-sans-sc npm package, so no system font is needed and a
 * PDF looks the same on every machine. PDFs embed only the glyphs they use (pdfkit subsets
 * TrueType fonts), so a one-page licence carries tens of kilobytes of font, not 10 MB.
 */
export const CJK_FONT_FAMILY = 'Noto Sans SC';

const require = createRequire(import.meta.url);

export function cjkFontPath(weight: 'regular' | 'bold' = 'regular'): string {
  const file = weight === 'bold' ? '700Bold/NotoSansSC_700Bold.ttf' : '400Regular/NotoSansSC_400Regular.ttf';
  return require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`);
}

const cache = new Map<string, Buffer>();

/** The font bytes, read once per process: every document and image render reuses them. */
export function cjkFont(weight: 'regular' | 'bold' = 'regular'): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(cjkFontPath(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}

/** What PDFKit needs of a parsed font: fontkit's Font (fontkit ships no types). */
export interface ParsedFont {
  layout(text: string): unknown;
}

const parsed = new Map<string, Promise<ParsedFont>>();

/**
 * The font parsed once per process. PDFKit parses a font it is given as bytes again for every
 * document (fontkit, ~0.1 s for these 10 MB files, and their cmap and glyph tables kept twice),
 * and takes a parsed font as it is; each document still embeds its own subset of the glyphs.
 */
export function parsedCjkFont(weight: 'regular' | 'bold' = 'regular'): Promise<ParsedFont> {
  let font = parsed.get(weight);
  if (!font) {
    // the same fontkit PDFKit imports (loaded with it, on first use)
    font = import('fontkit').then((fontkit) => fontkit.create(cjkFont(weight)));
    parsed.set(weight, font);
  }
  return font;
}
