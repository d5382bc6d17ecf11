/**
 * The unseen evaluation corpora (test/fixtures/unseen/<corpus>/: corpus.yml, schema.sql, labels.yml;
 * format and rules in that folder's README): reading and validating them, generating their rows
 * (seeded, deterministic, referenced tables first) and the masked variant with meaningless names.
 * Loading into an engine is in ./unseen/load.ts. Nothing here classifies anything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { isPersonalCategory } from '../../src/fides/dataset-file/personal.js';
import { Taxonomy } from '../../src/fides/taxonomy.js';
import { DdlError, parseDdl, renameDdl, type DdlTable, type Dialect, type ParsedDdl } from './unseen/ddl.js';
import { parseColumnSpec, SpecError, ValueGenerator, type ColumnSpec } from './unseen/value-specs.js';

export const UNSEEN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'unseen');

/**
 * The splits: `dev` and `test` by the hash rule of the README; `test2` is the second blind split, built after
 * dev and test had been used (every corpus in it is set by hand).
 */
export const SPLITS = ['dev', 'test', 'test2', 'test3'] as const;
export type Split = (typeof SPLITS)[number];
/** What `--split` accepts: a split, or `all` = dev and test (the first measurement of issue 15; test2 only when named). */
export type SplitSelection = Split | 'all';
const ALL_SPLITS: readonly Split[] = ['dev', 'test'];

const specString = z.string().min(1);
const CorpusFile = z
  .object({
    name: z.string().regex(/^_?[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
    engine: z.enum(['postgres', 'mysql', 'sqlite']),
    database: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    kind: z.enum(['rows', 'names-only']),
    rows: z.number().int().positive().optional(),
    seed: z.number().int().default(1),
    language: z.string().min(2),
    split: z.enum(SPLITS).optional(),
    tables: z.record(z.string(), z.object({ rows: z.number().int().nonnegative().optional(), columns: z.record(z.string(), specString) }).strict()).optional(),
  })
  .strict();
export type CorpusConfig = z.infer<typeof CorpusFile>;

export interface Corpus {
  readonly name: string;
  readonly dir: string;
  readonly config: CorpusConfig;
  readonly schemaSql: string;
  readonly ddl: ParsedDdl;
  readonly labelsText: string;
  /** The label keys' prefix: the PostgreSQL schema, the MySQL database, or `main`. */
  readonly labelSchema: string;
  /** Column specs by table and column (kind: rows). */
  readonly specs: ReadonlyMap<string, ReadonlyMap<string, ColumnSpec>>;
}

/** Every problem found in the corpora, one line each, naming corpus, table and column. */
export class CorpusError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`unseen corpora have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/**
 * The split a corpus belongs to by the rule of the README: the first hex digit of sha256(name) (UTF-8, no
 * newline) even → dev, odd → test. A corpus.yml may set another split by hand (listed in the README).
 */
export function splitByName(name: string): 'dev' | 'test' {
  return parseInt(createHash('sha256').update(name, 'utf8').digest('hex')[0], 16) % 2 === 0 ? 'dev' : 'test';
}

/** The corpora of a split selection, in the given order; `all` keeps test2 out, so that it stays blind. */
export function corporaOfSplit<C extends { readonly config: Pick<CorpusConfig, 'split'> }>(corpora: readonly C[], selection: SplitSelection): C[] {
  const wanted: readonly (Split | undefined)[] = selection === 'all' ? ALL_SPLITS : [selection];
  return corpora.filter((c) => wanted.includes(c.config.split));
}

/** Folder names of the corpora (each has a corpus.yml), sorted. */
export function listCorpora(dir = UNSEEN_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'corpus.yml')))
    .map((d) => d.name)
    .sort();
}

const dialectOf = (engine: CorpusConfig['engine']): Dialect => engine;

/** Reads and validates one corpus; throws CorpusError listing every problem. */
export function readCorpus(name: string, dir = UNSEEN_DIR): Corpus {
  const folder = path.join(dir, name);
  const problems: string[] = [];
  const say = (where: string, message: string) => problems.push(`corpus ${name}${where ? `: ${where}` : ''}: ${message}`);
  const readText = (file: string): string | undefined => {
    const full = path.join(folder, file);
    if (fs.existsSync(full)) return fs.readFileSync(full, 'utf8');
    say('', `${file} is missing`);
    return undefined;
  };
  const corpusText = readText('corpus.yml');
  const schemaSql = readText('schema.sql');
  const labelsText = readText('labels.yml');
  readText('SOURCE.md');
  if (corpusText === undefined || schemaSql === undefined || labelsText === undefined) throw new CorpusError(problems);

  const parsed = CorpusFile.safeParse(parseYaml(corpusText));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) say(`corpus.yml ${issue.path.join('.')}`, issue.message);
    throw new CorpusError(problems);
  }
  const config = parsed.data;
  if (config.name !== name) say('corpus.yml', `name ${config.name} differs from the folder name`);
  if (config.engine !== 'sqlite' && !config.database) say('corpus.yml', `engine ${config.engine} needs database:`);
  if (config.engine === 'postgres' && !config.schema) say('corpus.yml', 'engine postgres needs schema:');
  if (config.engine === 'mysql' && config.schema && config.schema !== config.database) say('corpus.yml', 'on mysql, schema: must equal database:');
  if (!name.startsWith('_') && !config.split) say('corpus.yml', `split: ${SPLITS.join(', ')} is missing`);
  if (config.kind === 'rows' && !config.rows) say('corpus.yml', 'kind rows needs rows:');
  if (config.kind === 'names-only' && config.tables) say('corpus.yml', 'kind names-only has no tables: (tables are created empty)');
  const labelSchema = config.engine === 'postgres' ? config.schema! : config.engine === 'mysql' ? config.database! : 'main';

  let ddl: ParsedDdl;
  try {
    ddl = parseDdl(schemaSql, dialectOf(config.engine));
  } catch (error) {
    if (!(error instanceof DdlError)) throw error;
    say('schema.sql', error.message);
    throw new CorpusError(problems);
  }
  checkDdl(ddl, config, say);
  const specs = config.kind === 'rows' ? checkSpecs(ddl, config, folder, say) : new Map();
  checkLabels(labelsText, ddl, name, labelSchema, say);
  if (problems.length > 0) throw new CorpusError(problems);
  return { name, dir: folder, config, schemaSql, ddl, labelsText, labelSchema, specs };
}

/** Reads every corpus, collecting the problems of all of them before throwing. */
export function readAllCorpora(dir = UNSEEN_DIR): Corpus[] {
  const corpora: Corpus[] = [];
  const problems: string[] = [];
  for (const name of listCorpora(dir)) {
    try {
      corpora.push(readCorpus(name, dir));
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return corpora;
}

type Say = (where: string, message: string) => void;

function checkDdl(ddl: ParsedDdl, config: CorpusConfig, say: Say): void {
  const seen = new Set<string>();
  for (const t of ddl.tables) {
    if (seen.has(t.name)) say(`table ${t.name}`, 'created twice in schema.sql');
    seen.add(t.name);
    if (config.engine === 'postgres' && t.schema !== config.schema) say(`table ${t.name}`, `must be created in schema ${config.schema} (CREATE TABLE ${config.schema}.${t.name})`);
    if (config.engine !== 'postgres' && t.schema) say(`table ${t.name}`, `no schema prefix on ${config.engine}`);
    const columns = new Set<string>();
    for (const c of t.columns) {
      if (columns.has(c.name)) say(`table ${t.name} column ${c.name}`, 'defined twice');
      columns.add(c.name);
    }
    for (const key of [...t.keys, ...t.foreignKeys.map((f) => f.columns)]) {
      for (const c of key) if (!columns.has(c)) say(`table ${t.name}`, `key names unknown column ${c}`);
    }
    for (const fk of t.foreignKeys) {
      const target = ddl.tables.find((x) => x.name === fk.table);
      if (!target) say(`table ${t.name}`, `foreign key to unknown table ${fk.table}`);
      else for (const c of fk.refColumns) if (!target.columns.some((x) => x.name === c)) say(`table ${t.name}`, `foreign key to unknown column ${fk.table}.${c}`);
    }
  }
  if (config.engine === 'postgres' && !/create\s+schema/i.test(ddl.tokens.map((t) => t.text).join(''))) say('schema.sql', `must create schema ${config.schema}`);
}

function checkSpecs(ddl: ParsedDdl, config: CorpusConfig, folder: string, say: Say): Map<string, Map<string, ColumnSpec>> {
  const all = new Map<string, Map<string, ColumnSpec>>();
  const tables = config.tables ?? {};
  for (const name of Object.keys(tables)) if (!ddl.tables.some((t) => t.name === name)) say(`table ${name}`, 'has value specs but is not in schema.sql');
  for (const t of ddl.tables) {
    const entry = tables[t.name];
    if (!entry) {
      say(`table ${t.name}`, 'has no value specs in corpus.yml (kind rows: every column needs one)');
      continue;
    }
    const specs = new Map<string, ColumnSpec>();
    for (const column of Object.keys(entry.columns)) if (!t.columns.some((c) => c.name === column)) say(`table ${t.name} column ${column}`, 'has a value spec but is not in schema.sql');
    for (const column of t.columns) {
      const source = entry.columns[column.name];
      const where = `table ${t.name} column ${column.name}`;
      if (source === undefined) {
        say(where, 'has no value spec');
        continue;
      }
      try {
        const spec = parseColumnSpec(source);
        specs.set(column.name, spec);
        if (spec.spec.kind === 'ref') {
          const { table, column: refColumn } = spec.spec;
          const target = ddl.tables.find((x) => x.name === table);
          if (!target || !target.columns.some((c) => c.name === refColumn)) say(where, `ref:${table}.${refColumn} names no column of schema.sql`);
        }
        if (spec.spec.kind === 'json') {
          const file = path.join(folder, spec.spec.file);
          if (!fs.existsSync(file)) say(where, `json spec file ${spec.spec.file} is missing`);
          else checkJsonSpec(parseYaml(fs.readFileSync(file, 'utf8')), (m) => say(`${where} ${spec.spec.kind}:${(spec.spec as { file: string }).file}`, m));
        }
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        say(where, error.message);
      }
    }
    for (const fk of t.foreignKeys) {
      fk.columns.forEach((c, i) => {
        const spec = specs.get(c)?.spec;
        const wanted = `${fk.table}.${fk.refColumns[i]}`;
        if (spec && spec.kind !== 'null' && !(spec.kind === 'ref' && `${spec.table}.${spec.column}` === wanted)) {
          say(`table ${t.name} column ${c}`, `has a foreign key to ${wanted} in schema.sql: its spec must be ref:${wanted}`);
        }
      });
    }
    all.set(t.name, specs);
  }
  try {
    generationOrder(ddl.tables, all);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    say('corpus.yml', error.message);
  }
  return all;
}

function checkJsonSpec(shape: unknown, say: (message: string) => void): void {
  if (typeof shape === 'string') {
    try {
      const { spec } = parseColumnSpec(shape);
      if (['ref', 'seq', 'json'].includes(spec.kind)) say(`${spec.kind} is not allowed inside a JSON spec`);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      say(error.message);
    }
  } else if (Array.isArray(shape) && shape.length === 1) checkJsonSpec(shape[0], say);
  else if (shape && typeof shape === 'object' && !Array.isArray(shape)) for (const v of Object.values(shape)) checkJsonSpec(v, say);
  else say('a JSON spec maps keys to spec strings, nested maps or one-element lists');
}

/** Tables in an order where every `ref:` target comes first (self-references allowed). */
function generationOrder(tables: readonly DdlTable[], specs: ReadonlyMap<string, ReadonlyMap<string, ColumnSpec>>): DdlTable[] {
  const order: DdlTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: DdlTable, trail: string[]): void => {
    if (state.get(t.name) === 'done') return;
    if (state.get(t.name) === 'visiting') throw new SpecError(`ref: cycle between tables ${[...trail, t.name].join(' -> ')} (only a table's references to itself may loop)`);
    state.set(t.name, 'visiting');
    for (const { spec } of specs.get(t.name)?.values() ?? []) {
      if (spec.kind === 'ref' && spec.table !== t.name) {
        const target = tables.find((x) => x.name === spec.table);
        if (target) visit(target, [...trail, t.name]);
      }
    }
    state.set(t.name, 'done');
    order.push(t);
  };
  for (const t of tables) visit(t, []);
  return order;
}

// ---------- labels ----------

const LABEL_HEADER = /^# fields (\d+) \| personal (\d+) \| either (\d+) \| non-personal (\d+)$/m;

export interface LabelCounts {
  readonly fields: number;
  readonly personal: number;
  readonly either: number;
  readonly nonPersonal: number;
}

/** personal: every acceptable key is user.*; either: user.* and non-user keys; non-personal: none is user.*. */
export function countLabels(fields: Record<string, unknown>): LabelCounts {
  let personal = 0;
  let either = 0;
  for (const value of Object.values(fields)) {
    const keys = labelKeys(value);
    const user = keys.filter(isPersonalCategory).length;
    if (user === keys.length) personal++;
    else if (user > 0) either++;
  }
  const total = Object.keys(fields).length;
  return { fields: total, personal, either, nonPersonal: total - personal - either };
}

function labelKeys(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object' && Array.isArray((value as { any?: unknown }).any)) return (value as { any: unknown[] }).any.map(String);
  return [];
}

function checkLabels(text: string, ddl: ParsedDdl, name: string, labelSchema: string, say: Say): void {
  const doc = parseYaml(text) as { corpus?: unknown; fields?: Record<string, unknown> } | null;
  if (!doc || typeof doc !== 'object' || !doc.fields || typeof doc.fields !== 'object') {
    say('labels.yml', 'has no fields: map');
    return;
  }
  if (doc.corpus !== name) say('labels.yml', `corpus: ${String(doc.corpus)} differs from ${name}`);
  const taxonomy = Taxonomy.default();
  const expected = new Set(ddl.tables.flatMap((t) => t.columns.map((c) => `${labelSchema}.${t.name}.${c.name}`)));
  for (const [key, value] of Object.entries(doc.fields)) {
    if (!expected.has(key)) say(`labels.yml ${key}`, 'is not a column of schema.sql');
    const keys = labelKeys(value);
    if (keys.length === 0) say(`labels.yml ${key}`, 'must map to a category key, {any: [keys]} or user');
    for (const k of keys) if (!taxonomy.has(k)) say(`labels.yml ${key}`, `${k} is not a fideslang data category`);
  }
  for (const key of expected) if (!(key in doc.fields)) say(`labels.yml ${key}`, 'has no label');
  const header = LABEL_HEADER.exec(text);
  const counts = countLabels(doc.fields);
  const want = `# fields ${counts.fields} | personal ${counts.personal} | either ${counts.either} | non-personal ${counts.nonPersonal}`;
  if (!header) say('labels.yml', `header line missing: ${want}`);
  else if (header[0] !== want) say('labels.yml', `header says "${header[0]}", the labels count "${want}"`);
}

// ---------- rows ----------

export interface TableRows {
  readonly columns: readonly string[];
  readonly rows: unknown[][];
}

/** Generates every table's rows (kind rows), deterministic for the corpus seed; referenced tables first. */
export function generateRows(corpus: Corpus): Map<string, TableRows> {
  const out = new Map<string, TableRows>();
  if (corpus.config.kind !== 'rows') return out;
  const gen = new ValueGenerator(corpus.config.seed, corpus.config.language);
  const jsonCache = new Map<string, unknown>();
  const jsonSpecs = (file: string) => {
    if (!jsonCache.has(file)) jsonCache.set(file, parseYaml(fs.readFileSync(path.join(corpus.dir, file), 'utf8')));
    return jsonCache.get(file);
  };
  for (const table of generationOrder(corpus.ddl.tables, corpus.specs)) {
    const specs = corpus.specs.get(table.name)!;
    const count = corpus.config.tables?.[table.name]?.rows ?? corpus.config.rows!;
    const columns = table.columns.map((c) => c.name);
    const rows: unknown[][] = [];
    const pools = new Map<string, unknown[]>();
    const poolOf = (t: string, c: string, current?: readonly unknown[]): unknown[] => {
      const key = `${t}.${c}`;
      if (t === table.name) {
        // A row may point at an earlier row or at itself (the first user created by itself), never at a later one.
        const i = columns.indexOf(c);
        const own = current?.[i];
        return [...rows.map((r) => r[i]), ...(own === undefined ? [] : [own])].filter((v) => v !== null);
      }
      if (!pools.has(key)) {
        const target = out.get(t)!;
        const i = target.columns.indexOf(c);
        pools.set(key, target.rows.map((r) => r[i]).filter((v) => v !== null));
      }
      return pools.get(key)!;
    };
    // A reference that is itself a key (1:1 tables such as patient -> person) is drawn without replacement.
    const uniqueRefs = new Map<string, unknown[]>();
    for (const key of table.keys.filter((k) => k.length === 1)) {
      const spec = specs.get(key[0])!.spec;
      if (spec.kind === 'ref' && spec.table !== table.name) {
        const pool = [...poolOf(spec.table, spec.column)];
        if (pool.length < count) throw new CorpusError([`corpus ${corpus.name}: table ${table.name} column ${key[0]}: is a key referencing ${spec.table}.${spec.column}, which has only ${pool.length} values for ${count} rows`]);
        for (let i = pool.length - 1; i > 0; i--) {
          const j = gen.int(0, i);
          [pool[i], pool[j]] = [pool[j], pool[i]];
        }
        uniqueRefs.set(key[0], pool);
      }
    }
    const seen = table.keys.map(() => new Set<string>());
    const valueOf = (column: string, index: number, current: readonly unknown[]): unknown => {
      const { spec, nullShare } = specs.get(column)!;
      if (spec.kind === 'seq') return index + 1;
      if (uniqueRefs.has(column)) return uniqueRefs.get(column)!.pop();
      if (gen.chance(nullShare)) return null;
      if (spec.kind === 'ref') {
        const pool = poolOf(spec.table, spec.column, current);
        return pool.length === 0 ? null : pool[gen.int(0, pool.length - 1)];
      }
      return gen.value(spec, jsonSpecs);
    };
    for (let index = 0; index < count; index++) {
      const row: unknown[] = [];
      for (const c of columns) row.push(valueOf(c, index, row));
      // Keys must stay unique: draw a key's columns again (a few times) when the tuple was seen.
      table.keys.forEach((key, k) => {
        const positions = key.map((c) => columns.indexOf(c));
        for (let attempt = 0; ; attempt++) {
          const values = positions.map((p) => row[p]);
          const tuple = JSON.stringify(values);
          if (values.some((v) => v === null) || !seen[k].has(tuple)) {
            seen[k].add(tuple);
            return;
          }
          if (attempt >= 200) throw new CorpusError([`corpus ${corpus.name}: table ${table.name}: cannot make key (${key.join(', ')}) unique for ${count} rows: widen the specs or lower rows`]);
          for (const p of positions) if (specs.get(columns[p])!.spec.kind !== 'seq') row[p] = valueOf(columns[p], index, row);
        }
      });
      rows.push(row);
    }
    out.set(table.name, { columns, rows });
  }
  return out;
}

// ---------- masked variant ----------

export interface MaskedCorpus {
  readonly name: string;
  readonly engine: CorpusConfig['engine'];
  readonly kind: CorpusConfig['kind'];
  readonly database?: string;
  readonly schema?: string;
  readonly labelSchema: string;
  readonly schemaSql: string;
  readonly labelsText: string;
  /** Old name → new name: tables by name, columns by `table.column`. */
  readonly tables: ReadonlyMap<string, string>;
  readonly columns: ReadonlyMap<string, string>;
  /** The same rows under the new names. */
  readonly rows: Map<string, TableRows>;
}

/**
 * Every table (t01, t02, ...) and column (c001, c002, ... numbered across the corpus, so that a
 * column's number says nothing about its place in its table) renamed in the order of schema.sql; the
 * database and schema get neutral names too. Keys, types and values are unchanged; the labels follow.
 */
export function maskCorpus(corpus: Corpus, rows: Map<string, TableRows>): MaskedCorpus {
  const tables = new Map<string, string>();
  const columns = new Map<string, string>();
  const tableWidth = Math.max(2, String(corpus.ddl.tables.length).length);
  const columnCount = corpus.ddl.tables.reduce((n, t) => n + t.columns.length, 0);
  const columnWidth = Math.max(3, String(columnCount).length);
  let columnNo = 0;
  corpus.ddl.tables.forEach((t, i) => {
    tables.set(t.name, `t${String(i + 1).padStart(tableWidth, '0')}`);
    for (const c of t.columns) columns.set(`${t.name}.${c.name}`, `c${String(++columnNo).padStart(columnWidth, '0')}`);
  });
  const tag = createHash('sha256').update(corpus.name).digest('hex').slice(0, 6);
  const database = corpus.config.engine === 'sqlite' ? undefined : `db_${tag}`;
  const schema = corpus.config.engine === 'postgres' ? 's01' : database;
  const labelSchema = corpus.config.engine === 'postgres' ? 's01' : corpus.config.engine === 'mysql' ? database! : 'main';
  const schemaSql = renameDdl(corpus.ddl, { schema: corpus.config.engine === 'postgres' ? schema : database, tables, columns });

  const doc = parseYaml(corpus.labelsText) as { fields: Record<string, unknown> };
  const maskedFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc.fields)) {
    const [, table, ...rest] = key.split('.');
    const column = rest.join('.');
    maskedFields[`${labelSchema}.${tables.get(table)}.${columns.get(`${table}.${column}`)}`] = value;
  }
  const counts = countLabels(doc.fields);
  const labelsText = [
    `# Ground truth for the masked variant of ${corpus.name}: the labels of ../${corpus.name}/labels.yml under meaningless names.`,
    `# fields ${counts.fields} | personal ${counts.personal} | either ${counts.either} | non-personal ${counts.nonPersonal}`,
    stringifyYaml({ corpus: `${corpus.name}-masked`, fields: maskedFields }),
  ].join('\n');

  const maskedRows = new Map<string, TableRows>();
  for (const [table, data] of rows) {
    maskedRows.set(tables.get(table)!, { columns: data.columns.map((c) => columns.get(`${table}.${c}`)!), rows: data.rows });
  }
  return {
    name: `${corpus.name}-masked`,
    engine: corpus.config.engine,
    kind: corpus.config.kind,
    database,
    schema,
    labelSchema,
    schemaSql,
    labelsText,
    tables,
    columns,
    rows: maskedRows,
  };
}

/** The corpus as loadable input: real names. */
export function realCorpusInput(corpus: Corpus, rows: Map<string, TableRows>): LoadInput {
  return { name: corpus.name, engine: corpus.config.engine, database: corpus.config.database, schemaSql: corpus.schemaSql, rows };
}

export function maskedCorpusInput(masked: MaskedCorpus): LoadInput {
  return { name: masked.name, engine: masked.engine, database: masked.database, schemaSql: masked.schemaSql, rows: masked.rows };
}

/** What the loaders need; `rows` holds the tables in insertion order (referenced tables first). */
export interface LoadInput {
  readonly name: string;
  readonly engine: CorpusConfig['engine'];
  readonly database?: string;
  readonly schemaSql: string;
  readonly rows: ReadonlyMap<string, TableRows>;
}

