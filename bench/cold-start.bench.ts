/**
 * Cold start of `npm start` on the embedded database: time from spawning the process until
 * /readyz answers 200. Measured on an empty data directory (migrations + demo city) and again
 * on the same directory (migrations already applied). The web app is built first so the
 * figure is the server's own start, not Vite's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/pg-server.ts';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/web/index.html'))) {
  spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
}

async function coldStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), YIWANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 180_000) throw new Error('npm start did not become ready within 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-cold-'));
try {
  const empty = await coldStart(dataDir);
  const warm = await coldStart(dataDir);
  console.log(`npm start → /readyz 200, empty database (migrate + demo city): ${(empty / 1000).toFixed(2)} s`);
  console.log(`npm start → /readyz 200, existing database:                   ${(warm / 1000).toFixed(2)} s`);
  console.log(`ratio first start / later start: ${(empty / warm).toFixed(2)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
