// The module's HTTP contract: its API schemas (TypeBox) and the types derived from them. The
// web app imports these types (type-only) from here, and other modules' schemas build on them;
// so this file and what it re-exports import nothing but TypeBox and other modules' api.ts.
export * from './content.ts';
export * from './route-schemas.ts';
export * from './bundle-schemas.ts';
export * from './transfer/schemas.ts';
