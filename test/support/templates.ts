import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Migrating and seeding the demo city took most of the slowest test files' time, so the runner
 * (scripts/test.mjs) builds each phase's databases once (test/support/build-templates.ts) and
 * every test starts from a copy of its own:
 *   - `empty`: a database with nothing in it (`emptyDb()`, an operator's new node): on PGlite
 *     its initdb, which costs 4–5 CPU-s;
 *   - `migrated`: the schema only (`testDb()`);
 *   - `seeded`: the schema and the demo city, as `npm start` leaves an empty database
 *     (`startTestServer()`), with the files the seed stored (the seal's image).
 * A template is a YiWang data directory. On PGlite it holds the embedded database too (`pg/`, as
 * `npm start` keeps it), and a test copies the folder and opens the copy: a third of the CPU of
 * loading a dump into an in-memory database. On PostgreSQL the database is a template database
 * that CREATE DATABASE copies, and the folder holds only the files.
 * YIWANG_TEST_TEMPLATES names the folder the runner made for them; without it (a test file run
 * on its own with node --test) every test migrates and seeds for real, as before.
 */
export type Template = 'empty' | 'migrated' | 'seeded';

export const TEMPLATES_ENV = 'YIWANG_TEST_TEMPLATES';

/** Whether the runner built templates for this phase. */
export const haveTemplates = () => Boolean(process.env[TEMPLATES_ENV]);

function dir(): string {
  const path = process.env[TEMPLATES_ENV];
  if (!path) throw new Error(`${TEMPLATES_ENV} is not set: no templates in this run`);
  if (!existsSync(path)) throw new Error(`${TEMPLATES_ENV}=${path}: no such folder`);
  return path;
}

/** PostgreSQL: the template database. */
export const templateDatabase = (template: Template) => `yw_template_${template}`;

/**
 * PostgreSQL: CREATE DATABASE `name`, a copy of the template database `from` when given. With
 * file_copy the server copies the template's files, a fraction of the work of its default
 * (PostgreSQL 15), which writes every page of the copy to the write-ahead log.
 */
export const createDatabaseSql = (name: string, from?: Template) =>
  `create database ${name}${from ? ` template ${templateDatabase(from)} strategy file_copy` : ''}`;

/** The template's data directory: files, and on PGlite the embedded database. */
export const templateDataDir = (template: Template) => join(dir(), template);

/** What `startServer` returned when it seeded the template (RunningServer.seeded). */
export const templateSummary = () => join(dir(), 'seeded.json');
