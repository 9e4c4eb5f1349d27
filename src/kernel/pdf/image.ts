import { Resvg } from '@resvg/resvg-js';
import { CJK_FONT_FAMILY, cjkFontPath } from './font.ts';

/**
 * SVG → PNG with resvg (Rust, no browser), text set in the shipped CJK font only: system fonts
 * are not loaded, so the picture does not depend on what the machine happens to have.
 */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontFiles: [cjkFontPath('regular'), cjkFontPath('bold')],
      defaultFontFamily: CJK_FONT_FAMILY,
      sansSerifFamily: CJK_FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
