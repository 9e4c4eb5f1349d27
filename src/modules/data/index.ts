import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { dataHandlers } from './handlers.ts';
import { registerDataRoutes } from './routes.ts';

export const dataModule: Module = {
  name: 'data',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerDataRoutes,
  events: topicsIn(events),
  eventHandlers: dataHandlers,
};

export { createResource, publishResource } from './resources.ts';
export { approveDemand, submitDemand } from './demands.ts';
export { loadRecords } from './records.ts';
export { feedLibrary } from './library-feed.ts';
export { bindSystem } from './systems.ts';
export { exchangeGateway, type ExchangeGateway } from './gateway.ts';
// 我的数据使用记录: other modules record a use of a person's data that is not a gateway call (a reveal, a prefill, a licence use)
export { recordDataUse } from './ledger.ts';
// 数据开放: de-identified figures of other modules published as open datasets, small cells suppressed
export { publishAggregate, MIN_CELL, type AggregateRows } from './aggregates.ts';
// 免填报 / 免提交: the values the base libraries hold about an applicant, by the catalogue's base-library keys
export { libraryHolds, libraryValues, setBaseFieldSource, type FillRequest, type LibraryFill, type LibraryHold } from './fills.ts';
export { dataIndicatorInputs, type DataIndicatorInputs } from './indicators.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
