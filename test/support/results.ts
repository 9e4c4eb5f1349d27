import { mkdirSync } from 'node:fs';

/** Where tests leave pictures and documents for a human to look at (not checked in). */
export const RESULTS = 'test-results';

/** The results folder, made on first use: tests run in any order and on a fresh checkout. */
export function resultsDir(): string {
  mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}
