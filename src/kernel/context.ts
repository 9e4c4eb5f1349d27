import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import type { FileStore } from './files/store.ts';

/** What every module's routes, services and workers are given. No module keeps other state. */
export interface AppContext {
  config: Config;
  db: Db;
  files: FileStore;
  log: FastifyBaseLogger;
}
