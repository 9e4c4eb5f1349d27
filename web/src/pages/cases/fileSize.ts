/**
 * A file's size for people: KB under a megabyte, MB above, one decimal while the number is small.
 * A non-empty file never reads "0 KB" (the demo's scans are a few hundred bytes): the smallest
 * figure shown is 0.1 KB.
 */
export function fileSizeText(bytes: number): string {
  if (bytes <= 0) return '0 KB';
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${mb < 10 ? mb.toFixed(1) : mb.toFixed(0)} MB`;
  const kb = Math.max(bytes / 1024, 0.1);
  return `${kb < 10 ? kb.toFixed(1) : kb.toFixed(0)} KB`;
}
