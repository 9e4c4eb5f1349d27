// Loaded into every test process by scripts/test.mjs (`--import`): the platform runs as of
// YIWANG_TEST_NOW, so no result depends on the real date, weekday or time zone. Each test file
// starts at that instant and its clock runs on from there; child processes it starts (the CLI)
// inherit the offset through YIWANG_CLOCK_OFFSET_MS (src/kernel/clock.ts).
import { setClock } from '../../src/kernel/clock.ts';

const at = process.env.YIWANG_TEST_NOW;
if (at) setClock(at);
