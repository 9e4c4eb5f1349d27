import { escapeHtml } from '../../kernel/html.ts';

/**
 * The familiar red round seal: outer ring, the department name set along the upper arc with
 * each character upright to the centre, a five-pointed star, the purpose (专用章 title) under
 * the star and the seal code small along the bottom. Pure SVG; PNG via kernel/pdf svgToPng.
 */
const RED = '#d4161c';
const C = 100;

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${RED}"/>`;
}

/** Characters placed on an arc of radius r, centred on the top (or bottom) of the seal. */
function arcText(text: string, r: number, spanDegrees: number, fontSize: number, bottom = false): string {
  const chars = [...text];
  const n = chars.length;
  if (n === 0) return '';
  const step = n > 1 ? spanDegrees / (n - 1) : 0;
  return chars
    .map((ch, i) => {
      const deg = n > 1 ? -spanDegrees / 2 + i * step : 0;
      const theta = ((bottom ? 180 - deg : deg) * Math.PI) / 180;
      const x = C + r * Math.sin(theta);
      const y = C - r * Math.cos(theta);
      const rotate = bottom ? -deg : deg;
      return `<text transform="translate(${x.toFixed(2)} ${y.toFixed(2)}) rotate(${rotate.toFixed(2)})" x="0" y="${(fontSize * 0.36).toFixed(2)}" text-anchor="middle" font-size="${fontSize}" font-weight="700" fill="${RED}">${escapeHtml(ch)}</text>`;
    })
    .join('');
}

export interface SealPicture {
  /** Set along the upper arc: the department name. */
  name: string;
  /** Horizontal under the star, e.g. 行政审批专用章; empty for the official seal. */
  subtitle: string;
  /** Small digits along the bottom arc (印章编码). */
  code: string;
}

export function sealSvg(p: SealPicture): string {
  const n = [...p.name].length;
  // Long names get a wider arc and smaller characters, short ones stay readable.
  const span = Math.min(250, Math.max(120, n * 19));
  const fontSize = Math.max(13, Math.min(24, ((((span * Math.PI) / 180) * 70) / Math.max(n, 1)) * 0.85));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" font-family="Noto Sans SC">`,
    `<circle cx="${C}" cy="${C}" r="94" fill="none" stroke="${RED}" stroke-width="6"/>`,
    arcText(p.name, 70, span, Number(fontSize.toFixed(1))),
    star(C, C, 26),
    p.subtitle
      ? `<text x="${C}" y="148" text-anchor="middle" font-size="15" font-weight="700" fill="${RED}">${escapeHtml(p.subtitle)}</text>`
      : '',
    arcText(p.code, 82, Math.min(100, [...p.code].length * 5), 7, true),
    `</svg>`,
  ].join('');
}
