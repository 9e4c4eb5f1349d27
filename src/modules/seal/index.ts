import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerSealRoutes } from './routes.ts';

export const sealModule: Module = {
  name: 'seal',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerSealRoutes,
};

export {
  SEAL_KINDS,
  createSeal,
  currentSealKeyId,
  getSeal,
  publicKeyList,
  sealCoverage,
  sealImage,
  signWithSeal,
  verifySeal,
} from './service.ts';
export type { SealKind, SealRef, SealSignature } from './service.ts';
export { registerSigner, useProviderForNewKeys } from './signer.ts';
export type { NewKey, Signer, StoredKey } from './signer.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
