// fontkit ships no types; this is the one call the kernel makes (font.ts).
declare module 'fontkit' {
  export function create(data: Uint8Array): import('./font.ts').ParsedFont;
}
