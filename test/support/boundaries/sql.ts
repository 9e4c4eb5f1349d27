/**
 * Finds the tables a piece of SQL names, by position: a word is a table only where SQL expects
 * one (after from, join, into, update, table, references, using, truncate, copy), so a column,
 * alias, quoted value or comment that happens to be spelled like a table is not one.
 */

/** A table named in SQL, and what the statement does to it. */
export interface TableRef {
  table: string;
  access: Access;
}
export type Access = 'read' | 'write' | 'create';

type Token = { kind: 'word'; value: string } | { kind: 'punct'; value: string };

/** `from` inside these calls is part of their syntax, not a FROM clause. */
const FROM_IN_CALL = new Set(['extract', 'substring', 'trim', 'overlay', 'position']);
/** Words a table position may start with that are not the table. */
const TABLE_PREFIX = new Set(['only', 'lateral', 'if', 'not', 'exists', 'table']);

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'") {
      // a quoted value ('' is an escaped quote): never a table
      i++;
      while (i < sql.length && !(sql[i] === "'" && sql[i + 1] !== "'")) i += sql[i] === "'" ? 2 : 1;
      i++;
      tokens.push({ kind: 'punct', value: "''" });
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      tokens.push({ kind: 'word', value: sql.slice(i + 1, end < 0 ? sql.length : end) });
      i = end < 0 ? sql.length : end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const m = WORD.exec(sql)!;
      tokens.push({ kind: 'word', value: m[0].toLowerCase() });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'punct', value: c });
      i++;
    }
  }
  return tokens;
}

/** Names of common table expressions (`name as (` / `name(cols) as (`): local to the query. */
function cteNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word') return;
    let j = i + 1;
    if (tokens[j]?.value === '(') {
      while (j < tokens.length && tokens[j]!.value !== ')') j++;
      j++;
    }
    if (tokens[j]?.value !== 'as') return;
    j++;
    if (tokens[j]?.value === 'not') j++;
    if (tokens[j]?.value === 'materialized') j++;
    if (tokens[j]?.value === '(') names.add(t.value);
  });
  return names;
}

export function tableReferences(sql: string): TableRef[] {
  const tokens = tokenize(sql);
  const local = cteNames(tokens);
  const refs: TableRef[] = [];
  const calls: string[] = []; // the word before each open parenthesis, innermost last
  const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i]!.value : undefined);

  /** Reads a table name at i (schema.table allowed); returns the index after it. */
  const readTable = (start: number, access: Access, parenthesisFollows: 'table' | 'call'): number => {
    let i = start;
    while (word(i) && TABLE_PREFIX.has(word(i)!)) i++;
    let name = word(i);
    if (!name) return i;
    if (tokens[i + 1]?.value === '.' && word(i + 2)) {
      i += 2;
      name = word(i)!;
    }
    // `from unnest(…)` calls a function; `insert into t (cols)` names a table
    if (tokens[i + 1]?.value === '(' && parenthesisFollows === 'call') return i + 1;
    if (!local.has(name)) refs.push({ table: name, access });
    return i + 1;
  };

  /** A FROM list: `a x, b as y, c`. */
  const readFromList = (start: number, access: Access): void => {
    let i = readTable(start, access, 'call');
    for (;;) {
      if (word(i) === 'as') i++;
      if (word(i) && !isClauseWord(word(i)!)) i++; // alias
      if (tokens[i]?.value !== ',') return;
      i = readTable(i + 1, access, 'call');
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.value === '(') calls.push(word(i - 1) ?? '');
    if (t.value === ')') calls.pop();
    if (t.kind !== 'word') continue;
    const prev = word(i - 1);
    switch (t.value) {
      case 'from':
        if (prev === 'distinct' || FROM_IN_CALL.has(calls.at(-1) ?? '')) break;
        readFromList(i + 1, prev === 'delete' ? 'write' : 'read');
        break;
      case 'join':
        readTable(i + 1, 'read', 'call');
        break;
      case 'using':
        // `delete … using t` / `merge … using t`; `join … using (cols)` is no table
        if (tokens[i + 1]?.value !== '(') readTable(i + 1, 'read', 'call');
        break;
      case 'into':
        if (prev === 'insert' || prev === 'merge') readTable(i + 1, 'write', 'table');
        break;
      case 'update':
        // not `on conflict do update`, `for update`, `for no key update`
        if (prev !== 'do' && prev !== 'for' && prev !== 'key') readTable(i + 1, 'write', 'call');
        break;
      case 'table':
        if (prev === 'create' || prev === 'alter' || prev === 'drop' || prev === 'truncate' || prev === 'lock' || prev === 'unlogged' || prev === 'temp' || prev === 'temporary') {
          readTable(i + 1, prev === 'lock' ? 'read' : prev === 'alter' || prev === 'drop' || prev === 'truncate' ? 'write' : 'create', 'table');
        }
        break;
      case 'truncate':
        if (word(i + 1) !== 'table') readTable(i + 1, 'write', 'table');
        break;
      case 'references':
        readTable(i + 1, 'read', 'table');
        break;
      case 'copy':
        readTable(i + 1, 'read', 'table');
        break;
    }
  }
  return refs;
}

/** Words that end a FROM item instead of aliasing it. */
function isClauseWord(w: string): boolean {
  return ['where', 'join', 'left', 'right', 'inner', 'full', 'cross', 'natural', 'on', 'using', 'group', 'order', 'limit', 'offset', 'for', 'returning', 'set', 'union', 'except', 'intersect', 'window', 'having', 'lateral', 'tablesample', 'fetch', 'with', 'do', 'values', 'select'].includes(w);
}
