// A node --test reporter that writes one line per test file, "<milliseconds>\t<path>", and
// nothing else; scripts/test.mjs runs it beside the spec reporter and prints the slowest files.
// Node runs each file in a process of its own and reports that process as a test named by the
// file's path, so its duration is the file's wall time (set-up and hooks included).
export default async function* fileTimes(source) {
  for await (const event of source) {
    const { file, name, nesting, details } = event.data ?? {};
    if (event.type === 'test:complete' && nesting === 0 && file && name === file) {
      yield `${Math.round(details?.duration_ms ?? 0)}\t${file}\n`;
    }
  }
}
