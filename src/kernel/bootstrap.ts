import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { useAuditKey } from './audit/audit.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDb } from './db/index.ts';
import { localFileStore } from './files/local.ts';
import { loggerOptions } from './http/app.ts';
import { migrate, type MigrationSource } from './migrate.ts';
import type { Module } from './module.ts';

export const KERNEL_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
/** Kernel migrations that apply to every module's tables, so they run after all of them. */
export const KERNEL_AFTER_MIGRATIONS = fileURLToPath(new URL('./migrations-after', import.meta.url));

export function migrationSources(modules: Module[]): MigrationSource[] {
  return [
    { name: 'kernel', dir: KERNEL_MIGRATIONS },
    ...modules.flatMap((m) => (m.migrationsDir ? [{ name: m.name, dir: m.migrationsDir, steps: m.migrationSteps }] : [])),
    { name: 'kernel-after', dir: KERNEL_AFTER_MIGRATIONS },
  ];
}

/** Open the database and file store and bring the schema up to date. */
export async function createContext(config: Config, modules: Module[]): Promise<AppContext> {
  const log = pino(loggerOptions(config.logLevel));
  // the audit chain is keyed by the master key, which stays outside the database
  useAuditKey(config.masterKey);
  const db = await openDb(config);
  const applied = await migrate(db, migrationSources(modules), { masterKey: config.masterKey });
  if (applied.length) log.info({ applied }, 'migrations applied');
  const files = localFileStore(`${config.dataDir}/files`);
  return { config, db, files, log };
}
