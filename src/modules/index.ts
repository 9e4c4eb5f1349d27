import type { Module } from '../kernel/module.ts';
import { casesModule } from './cases/index.ts';
import { catalogModule } from './catalog/index.ts';
import { dataModule } from './data/index.ts';
import { hotlineModule } from './hotline/index.ts';
import { identityModule } from './identity/index.ts';
import { indicatorsModule } from './indicators/index.ts';
import { licenseModule } from './license/index.ts';
import { orgModule } from './org/index.ts';
import { paymentModule } from './payment/index.ts';
import { platformModule } from './platform/index.ts';
import { ratingsModule } from './ratings/index.ts';
import { sealModule } from './seal/index.ts';

/**
 * Every module of the deployable, in dependency order: migrations run in this order, and a
 * module may reference tables of modules listed before it. New modules are added here.
 */
export const MODULES: Module[] = [orgModule, identityModule, sealModule, licenseModule, platformModule, catalogModule, paymentModule, casesModule, ratingsModule, dataModule, hotlineModule, indicatorsModule];
