#!/usr/bin/env node
// The `yiwang` command line. Node.js runs the TypeScript sources as they are (type stripping,
// Node.js 22.18 and later); npm puts the Node.js the project installs (package.json) first on
// the PATH, so `npm start` and `npx yiwang` use it whatever the machine has.
if (!process.features.typescript) {
  console.error(
    `yiwang needs Node.js 22.18 or later (this is ${process.version}); run it through npm (npm start, npx yiwang …), which uses the Node.js the project installs`,
  );
  process.exit(1);
}
await import('../src/cli.ts');
