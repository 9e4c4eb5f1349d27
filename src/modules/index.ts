import type { Module } from '../kernel/module.ts';
import { identityModule } from './identity/index.ts';
import { orgModule } from './org/index.ts';
import { platformModule } from './platform/index.ts';

/**
 * Every module of the deployable, in dependency order: migrations run in this order, and a
 * module may reference tables of modules listed before it. New modules are added here.
 */
export const MODULES: Module[] = [orgModule, identityModule, platformModule];
