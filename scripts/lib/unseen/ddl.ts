/**
 * A small reader of the DDL we write for the unseen corpora (schema.sql): CREATE SCHEMA/DATABASE,
 * CREATE TABLE with column definitions and PRIMARY KEY / UNIQUE / FOREIGN KEY / KEY constraints, CREATE
 * [UNIQUE] INDEX, SET and USE. It returns the tables, their columns, keys and foreign keys, and where
 * each name stands, so that the masked variant can rename tables and columns without touching types,
 * keys or anything else. Anything else in schema.sql is an error: a statement we cannot read would be
 * one we cannot mask.
 */

export type Dialect = 'postgres' | 'mysql' | 'sqlite';

interface Token {
  readonly kind: 'space' | 'comment' | 'word' | 'quoted' | 'string' | 'number' | 'punct';
  readonly text: string;
}

export interface DdlColumn {
  readonly name: string;
  /** The type as written, e.g. `varchar(50)`, `numeric(10,2)`. */
  readonly type: string;
}

export interface DdlForeignKey {
  readonly columns: readonly string[];
  readonly table: string;
  readonly refColumns: readonly string[];
}

export interface DdlTable {
  readonly schema?: string;
  readonly name: string;
  readonly columns: DdlColumn[];
  /** Primary key and unique keys (column lists). */
  readonly keys: string[][];
  readonly primaryKey: string[];
  readonly foreignKeys: DdlForeignKey[];
}

/** Where a name stands in the token list, for renaming. */
type NameUse =
  | { readonly index: number; readonly role: 'schema' }
  | { readonly index: number; readonly role: 'table'; readonly table: string }
  | { readonly index: number; readonly role: 'column'; readonly table: string; readonly column: string }
  | { readonly index: number; readonly role: 'constraint' };

export interface ParsedDdl {
  readonly tables: readonly DdlTable[];
  readonly tokens: readonly Token[];
  readonly uses: readonly NameUse[];
}

export class DdlError extends Error {}

const CONSTRAINT_WORDS = new Set(['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'KEY', 'INDEX', 'CHECK', 'FULLTEXT']);
/** Words that end a column's type in its definition. */
const AFTER_TYPE = new Set([
  'NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'REFERENCES', 'UNIQUE', 'AUTO_INCREMENT', 'AUTOINCREMENT', 'CHECK', 'COLLATE',
  'GENERATED', 'COMMENT', 'CONSTRAINT', 'ON',
]);

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const patterns: [Token['kind'], RegExp][] = [
    ['space', /\s+/y],
    ['comment', /--[^\n]*|\/\*[\s\S]*?\*\//y],
    ['string', /'(?:[^']|'')*'/y],
    ['quoted', /"(?:[^"]|"")*"|`[^`]*`/y],
    ['number', /\d+(?:\.\d+)?/y],
    ['word', /[A-Za-z_][A-Za-z0-9_$]*/y],
    ['punct', /[^\s]/y],
  ];
  let at = 0;
  while (at < sql.length) {
    const found = patterns.find(([, re]) => {
      re.lastIndex = at;
      return re.test(sql);
    });
    if (!found) throw new DdlError(`cannot read schema.sql at offset ${at}`);
    const [kind, re] = found;
    tokens.push({ kind, text: sql.slice(at, re.lastIndex) });
    at = re.lastIndex;
  }
  return tokens;
}

/** Reads schema.sql; identifiers are folded as the engine stores them (PostgreSQL: unquoted to lower case). */
export function parseDdl(sql: string, dialect: Dialect): ParsedDdl {
  const tokens = tokenize(sql);
  const tables: DdlTable[] = [];
  const uses: NameUse[] = [];
  const significant = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind !== 'space' && t.kind !== 'comment');
  const statements: { t: Token; i: number }[][] = [[]];
  for (const s of significant) {
    if (s.t.text === ';') statements.push([]);
    else statements.at(-1)!.push(s);
  }
  const nameOf = (t: Token): string => {
    if (t.kind === 'quoted') return t.text.slice(1, -1);
    if (t.kind !== 'word') throw new DdlError(`expected a name, found ${JSON.stringify(t.text)}`);
    return dialect === 'postgres' ? t.text.toLowerCase() : t.text;
  };
  const isName = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'word' || t.kind === 'quoted');
  const upper = (s: { t: Token } | undefined): string => (s && s.t.kind === 'word' ? s.t.text.toUpperCase() : '');

  for (const st of statements.filter((s) => s.length > 0)) {
    const head = st.slice(0, 3).map(upper).join(' ');
    const describe = st.slice(0, 6).map((s) => s.t.text).join(' ');
    if (upper(st[0]) === 'SET' || upper(st[0]) === 'USE' || upper(st[0]) === 'PRAGMA') continue;
    if (/^CREATE (SCHEMA|DATABASE)/.test(head)) {
      const last = st.at(-1)!;
      uses.push({ index: last.i, role: 'schema' });
      continue;
    }
    let p = 0;
    const expectWord = (word: string) => {
      if (upper(st[p]) !== word) throw new DdlError(`expected ${word} in "${describe} ..."`);
      p++;
    };
    /** schema.table or table; records the uses; returns the table name. */
    const qualifiedName = (): { schema?: string; name: string } => {
      if (!isName(st[p]?.t)) throw new DdlError(`expected a table name in "${describe} ..."`);
      if (st[p + 1]?.t.text === '.') {
        const schema = nameOf(st[p].t);
        uses.push({ index: st[p].i, role: 'schema' });
        const name = nameOf(st[p + 2].t);
        uses.push({ index: st[p + 2].i, role: 'table', table: name });
        p += 3;
        return { schema, name };
      }
      const name = nameOf(st[p].t);
      uses.push({ index: st[p].i, role: 'table', table: name });
      p++;
      return { name };
    };
    /** (a, b, c): records the uses as columns of `table`. */
    const columnList = (table: string): string[] => {
      if (st[p]?.t.text !== '(') throw new DdlError(`expected a column list in "${describe} ..."`);
      p++;
      const names: string[] = [];
      while (p < st.length && st[p].t.text !== ')') {
        if (st[p].t.text !== ',') {
          const column = nameOf(st[p].t);
          uses.push({ index: st[p].i, role: 'column', table, column });
          names.push(column);
        }
        p++;
      }
      p++;
      return names;
    };
    const references = (): { table: string; refColumns: string[] } => {
      expectWord('REFERENCES');
      const target = qualifiedName();
      return { table: target.name, refColumns: columnList(target.name) };
    };

    if (/^CREATE (UNIQUE )?INDEX/.test(head)) {
      p = upper(st[1]) === 'UNIQUE' ? 3 : 2;
      if (upper(st[p]) === 'IF') p += 3;
      uses.push({ index: st[p].i, role: 'constraint' });
      p++;
      expectWord('ON');
      const target = qualifiedName();
      const table = tables.find((t) => t.name === target.name);
      if (!table) throw new DdlError(`index on unknown table ${target.name}`);
      const columns = columnList(target.name);
      if (upper(st[1]) === 'UNIQUE') table.keys.push(columns);
      continue;
    }
    if (upper(st[0]) === 'ALTER' && upper(st[1]) === 'TABLE') {
      // ALTER TABLE t ADD [CONSTRAINT c] FOREIGN KEY (...) REFERENCES u (...): keys declared after both tables.
      p = 2;
      const target = qualifiedName();
      const table = tables.find((t) => t.name === target.name);
      if (!table) throw new DdlError(`ALTER TABLE on unknown table ${target.name}`);
      expectWord('ADD');
      tableConstraint(table);
      continue;
    }
    if (head !== 'CREATE TABLE IF' && !/^CREATE TABLE/.test(head)) throw new DdlError(`unsupported statement "${describe} ..." (schema.sql may hold CREATE SCHEMA/DATABASE, CREATE TABLE, CREATE INDEX, ALTER TABLE ... ADD constraint, SET, USE)`);
    p = 2;
    if (upper(st[p]) === 'IF') p += 3;
    const { schema, name } = qualifiedName();
    const table: DdlTable = { schema, name, columns: [], keys: [], primaryKey: [], foreignKeys: [] };
    tables.push(table);
    if (st[p]?.t.text !== '(') throw new DdlError(`expected ( after CREATE TABLE ${name}`);
    p++;
    // Items end at a comma or the closing parenthesis at depth 0.
    while (p < st.length && st[p].t.text !== ')') {
      const first = upper(st[p]);
      if (CONSTRAINT_WORDS.has(first) && !(st[p + 1] && isTypeStart(st[p + 1].t))) {
        tableConstraint(table);
      } else {
        columnDefinition(table);
      }
      if (st[p]?.t.text === ',') p++;
    }
    if (table.columns.length === 0) throw new DdlError(`table ${name} has no columns`);

    function skipToItemEnd(): void {
      let depth = 0;
      while (p < st.length) {
        const text = st[p].t.text;
        if (depth === 0 && (text === ',' || text === ')')) return;
        if (text === '(') depth++;
        if (text === ')') depth--;
        p++;
      }
    }
    function columnDefinition(t: DdlTable): void {
      const column = nameOf(st[p].t);
      uses.push({ index: st[p].i, role: 'column', table: t.name, column });
      p++;
      const typeParts: string[] = [];
      let depth = 0;
      while (p < st.length) {
        const text = st[p].t.text;
        const charset = upper(st[p]) === 'CHARACTER' && upper(st[p + 1]) === 'SET';
        if (depth === 0 && (text === ',' || text === ')' || charset || AFTER_TYPE.has(upper(st[p])))) break;
        if (text === '(') depth++;
        if (text === ')') depth--;
        typeParts.push(text);
        p++;
      }
      const type = typeParts.join(' ').replace(/ \( /g, '(').replace(/ \)/g, ')').replace(/ , /g, ',').replace(/\( /g, '(');
      t.columns.push({ name: column, type });
      while (p < st.length && st[p].t.text !== ',' && st[p].t.text !== ')') {
        const word = upper(st[p]);
        if (word === 'PRIMARY') {
          t.primaryKey.push(column);
          t.keys.push([column]);
          p += 2;
        } else if (word === 'UNIQUE') {
          t.keys.push([column]);
          p++;
        } else if (word === 'REFERENCES') {
          const ref = references();
          t.foreignKeys.push({ columns: [column], ...ref });
        } else if (word === 'COMMENT') {
          throw new DdlError(`column ${t.name}.${column}: no COMMENT in schema.sql (it would survive masking)`);
        } else if (word === 'CONSTRAINT') {
          uses.push({ index: st[p + 1].i, role: 'constraint' });
          p += 2;
        } else if (st[p].t.text === '(') {
          p++;
          let d = 1;
          while (p < st.length && d > 0) {
            if (st[p].t.text === '(') d++;
            if (st[p].t.text === ')') d--;
            p++;
          }
        } else p++;
      }
    }
    function tableConstraint(t: DdlTable): void {
      if (upper(st[p]) === 'CONSTRAINT') {
        uses.push({ index: st[p + 1].i, role: 'constraint' });
        p += 2;
      }
      const word = upper(st[p]);
      if (word === 'PRIMARY') {
        p += 2;
        const columns = columnList(t.name);
        t.primaryKey.push(...columns);
        t.keys.push(columns);
      } else if (word === 'UNIQUE' || word === 'KEY' || word === 'INDEX' || word === 'FULLTEXT') {
        p++;
        if (upper(st[p]) === 'KEY' || upper(st[p]) === 'INDEX') p++;
        if (st[p] && isName(st[p].t)) {
          uses.push({ index: st[p].i, role: 'constraint' });
          p++;
        }
        const columns = columnList(t.name);
        if (word === 'UNIQUE') t.keys.push(columns);
      } else if (word === 'FOREIGN') {
        p += 2;
        if (st[p] && isName(st[p].t)) {
          uses.push({ index: st[p].i, role: 'constraint' });
          p++;
        }
        const columns = columnList(t.name);
        t.foreignKeys.push({ columns, ...references() });
      } else {
        throw new DdlError(`unsupported constraint ${word} in table ${t.name} (CHECK constraints would name columns in expressions)`);
      }
      skipToItemEnd();
    }
  }
  return { tables, tokens, uses };
}

/** A column named like a constraint word (`key`, `index`) is followed by its type. */
function isTypeStart(t: Token): boolean {
  return /^(int|integer|bigint|smallint|tinyint|mediumint|varchar|char|text|longtext|mediumtext|tinytext|date|datetime|timestamp|time|numeric|decimal|float|double|real|boolean|bool|bit|blob|longblob|json|jsonb|uuid|serial|bigserial|bytea|enum|year|binary|varbinary|character)$/i.test(t.text);
}

export interface Renaming {
  readonly schema?: string;
  readonly tables: ReadonlyMap<string, string>;
  /** key `table.column` */
  readonly columns: ReadonlyMap<string, string>;
}

/**
 * The DDL with every table, column and constraint/index name replaced, comments dropped and types,
 * keys and everything else unchanged.
 */
export function renameDdl(parsed: ParsedDdl, renaming: Renaming): string {
  const replaced = new Map<number, string>();
  let constraintNo = 0;
  for (const use of parsed.uses) {
    if (use.role === 'schema') {
      if (renaming.schema) replaced.set(use.index, renaming.schema);
    } else if (use.role === 'table') replaced.set(use.index, renaming.tables.get(use.table) ?? fail(`no new name for table ${use.table}`));
    else if (use.role === 'column') replaced.set(use.index, renaming.columns.get(`${use.table}.${use.column}`) ?? fail(`no new name for column ${use.table}.${use.column}`));
    else replaced.set(use.index, `k${String(++constraintNo).padStart(3, '0')}`);
  }
  return parsed.tokens
    .map((t, i) => replaced.get(i) ?? (t.kind === 'comment' ? '' : t.text))
    .join('')
    .replace(/\n[ \t]*\n(?=[ \t]*\n)/g, '\n');
}

function fail(message: string): never {
  throw new DdlError(message);
}
