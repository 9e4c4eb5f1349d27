// The module's HTTP contract: its API schemas (TypeBox) and the types derived from them; the web
// app imports these types (type-only) from here.
export * from './schemas.ts';
