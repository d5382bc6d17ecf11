/**
 * What a load created, read back with the engine's own command-line client (psql, mariadb, sqlite3): base tables, their
 * columns and row counts. Used by `scripts/evaluate-holdout.ts --load-only` to check a labels file against the loaded
 * corpus (every loaded column labelled, no label without a column) without scanning it. Only names and counts are read,
 * never a value.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface LoadedTable {
  /** Schema as the scanner names it: the PostgreSQL schema, the MariaDB database, `main` for SQLite. */
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

/** How to reach one loaded database with its client. */
export type ClientTarget =
  | { readonly engine: 'PostgreSQL'; readonly database: string; readonly env: NodeJS.ProcessEnv }
  | { readonly engine: 'MariaDB'; readonly database: string; readonly env: NodeJS.ProcessEnv; readonly client: string; readonly host: string; readonly port: number; readonly user: string }
  | { readonly engine: 'SQLite'; readonly file: string };

const COLUMNS_SQL: Record<ClientTarget['engine'], string> = {
  PostgreSQL:
    "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name) WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, c.ordinal_position",
  MariaDB:
    "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE t.table_type = 'BASE TABLE' AND c.table_schema = DATABASE() ORDER BY 1, 2, c.ordinal_position",
  SQLite: "SELECT 'main', m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 2, p.cid",
};

/** Base tables with their columns (in declared order) and row counts. */
export async function loadedTables(target: ClientTarget): Promise<LoadedTable[]> {
  const byTable = new Map<string, { schema: string; table: string; columns: string[] }>();
  for (const [schema, table, column] of await query(target, COLUMNS_SQL[target.engine])) {
    const key = `${schema}.${table}`;
    const entry = byTable.get(key) ?? { schema, table, columns: [] };
    entry.columns.push(column);
    byTable.set(key, entry);
  }
  const tables = [...byTable.values()];
  if (tables.length === 0) return [];
  const counts = await query(target, tables.map((t, i) => `SELECT ${i}, COUNT(*) FROM ${quoted(target, t.schema)}.${quoted(target, t.table)}`).join(' UNION ALL '));
  const rows = new Map(counts.map(([i, n]) => [Number(i), Number(n)]));
  return tables.map((t, i) => ({ ...t, rows: rows.get(i) ?? 0 }));
}

function quoted(target: ClientTarget, name: string): string {
  return target.engine === 'MariaDB' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
}

/** Runs one query with the engine's client; tab-separated rows. */
async function query(target: ClientTarget, sql: string): Promise<string[][]> {
  const [command, args, env] =
    target.engine === 'PostgreSQL'
      ? ['psql', ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-d', target.database, '-c', sql], target.env]
      : target.engine === 'MariaDB'
        ? [target.client, ['--no-defaults', '-h', target.host, '-P', String(target.port), '-u', target.user, '-N', '-B', target.database, '-e', sql], target.env]
        : ['sqlite3', ['-bail', '-separator', '\t', target.file, sql], {}];
  const stdout = await capture(command, args, env);
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

function capture(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${path.basename(command)} failed (exit ${code ?? '?'}): ${stderr.trim()}`))));
  });
}

/** Labelled fields against loaded columns, by `schema.table.column`. */
export interface LabelMatch {
  readonly loaded: number;
  readonly labelled: number;
  /** Loaded columns without a label. */
  readonly unlabelled: readonly string[];
  /** Labels naming no loaded column. */
  readonly withoutColumn: readonly string[];
}

export function matchLabels(tables: readonly LoadedTable[], labelledFields: readonly string[]): LabelMatch {
  const loaded = tables.flatMap((t) => t.columns.map((c) => `${t.schema}.${t.table}.${c}`));
  const loadedSet = new Set(loaded);
  const labelledSet = new Set(labelledFields);
  return {
    loaded: loaded.length,
    labelled: labelledSet.size,
    unlabelled: loaded.filter((f) => !labelledSet.has(f)),
    withoutColumn: [...labelledSet].filter((f) => !loadedSet.has(f)),
  };
}
