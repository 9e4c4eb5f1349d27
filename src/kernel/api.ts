// The kernel's part of the HTTP contract: the error body, the page of a list and the role codes
// every module's answers use. The web app imports these types (type-only) from here, as it does
// each module's api.ts; so this file and what it re-exports import nothing but TypeBox.
export { ErrorBody } from './http/error-schema.ts';
export { Page, PageQuery, type PageResult } from './sql/paging.ts';
export { ROLES, type Role } from './actor.ts';
// The service-guide parts several modules read (the catalogue authors them, cases use them).
export * from './guide/form.ts';
export * from './guide/material.ts';
export * from './guide/special-procedures.ts';
