/**
 * The runner runs the date-sensitive files again as of fixed dates, in other time zones
 * (scripts/test.mjs, FIXED_DATES), with YIWANG_TEST_FIXED_DATE set. A suite or test of such a file
 * whose outcome cannot depend on the date (access, bad input, concurrency, idempotency) takes
 * `anyDate` and runs once, as of the default date: a rerun would cost time and find nothing.
 * Unmarked tests run on every date, so a test that forgets the mark costs time, not coverage.
 */
export const anyDate = { skip: process.env.YIWANG_TEST_FIXED_DATE ? 'does not depend on the date; runs as of the default date' : false };
