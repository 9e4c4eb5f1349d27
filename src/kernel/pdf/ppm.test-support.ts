/** Minimal reader for the binary PPM (P6) pages pdftoppm writes, for pixel checks in tests. */
export interface Ppm {
  width: number;
  height: number;
  pixels: Buffer;
}

export function readPpm(bytes: Buffer): Ppm {
  // Header: "P6" whitespace width whitespace height whitespace maxval single-whitespace data.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [whole, w, h] = header;
  return { width: Number(w), height: Number(h), pixels: bytes.subarray(whole.length) };
}

/** Counts of dark (text, QR) and red (seal ink) pixels. */
export function inkStats(ppm: Ppm): { dark: number; red: number } {
  let dark = 0;
  let red = 0;
  for (let i = 0; i + 2 < ppm.pixels.length; i += 3) {
    const r = ppm.pixels[i]!;
    const g = ppm.pixels[i + 1]!;
    const b = ppm.pixels[i + 2]!;
    if (r < 90 && g < 90 && b < 90) dark++;
    else if (r > 150 && g < 90 && b < 90) red++;
  }
  return { dark, red };
}
