// The module's HTTP contract: its API schemas (TypeBox) and the types derived from them. The
// web app imports these types (type-only) from here (other modules use index.ts, which re-exports
// them); so this file and what it re-exports import only TypeBox and server-free kernel files.
export * from './schemas.ts';
export {
  CALLBACK_RESULTS,
  CHANNELS,
  EXTENSION_MAX_DAYS,
  EXTENSIONS_PER_TICKET,
  KINDS,
  KIND_NAMES,
  STATUSES,
  WARNINGS,
  type CallbackResult,
  type Channel,
  type Kind,
  type Status,
  type Warning,
} from './vocab.ts';
export * from './report-schemas.ts';
export * from './knowledge-schemas.ts';
