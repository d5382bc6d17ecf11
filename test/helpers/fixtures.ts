/**
 * Builds the same small database on any test engine from a dialect-neutral description, and runs
 * the built CLI against it. Tables are described as data so each dialect's quoting is exercised.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestEngine } from './engines.js';
import { builtCli, createMysqlDatabase, createPostgresDatabase, repoRoot } from './servers.js';

export type FixtureType = 'int' | 'text' | 'date' | 'bool' | 'decimal';

export interface FixtureTable {
  readonly schema?: string; // Postgres-like only; MySQL/SQLite put everything in the one database
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: FixtureType; readonly pk?: boolean; readonly references?: string }[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

type Dialect = 'postgres' | 'mysql' | 'sqlite';

function quote(dialect: Dialect, name: string): string {
  return dialect === 'mysql' ? '`' + name.replaceAll('`', '``') + '`' : '"' + name.replaceAll('"', '""') + '"';
}

function literal(dialect: Dialect, value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE';
  const escaped = value.replaceAll("'", "''");
  return dialect === 'mysql' ? `'${escaped.replaceAll('\\', '\\\\')}'` : `'${escaped}'`;
}

const TYPES: Record<Dialect, Record<FixtureType, string>> = {
  postgres: { int: 'integer', text: 'text', date: 'date', bool: 'boolean', decimal: 'numeric(10,2)' },
  mysql: { int: 'int', text: 'varchar(255)', date: 'date', bool: 'boolean', decimal: 'decimal(10,2)' },
  sqlite: { int: 'INTEGER', text: 'TEXT', date: 'DATE', bool: 'BOOLEAN', decimal: 'NUMERIC' },
};

export function renderSql(dialect: Dialect, tables: readonly FixtureTable[]): string {
  const out: string[] = [];
  const schemas = new Set(tables.map((t) => t.schema).filter((s): s is string => dialect === 'postgres' && !!s));
  for (const s of schemas) out.push(`CREATE SCHEMA ${quote(dialect, s)};`);
  const qualified = (t: { schema?: string; name: string }): string =>
    dialect === 'postgres' && t.schema ? `${quote(dialect, t.schema)}.${quote(dialect, t.name)}` : quote(dialect, t.name);
  for (const t of tables) {
    const cols = t.columns.map((c) => {
      let def = `${quote(dialect, c.name)} ${TYPES[dialect][c.type]}`;
      if (c.pk) def += ' PRIMARY KEY';
      if (c.references) {
        const [table, column] = c.references.split('.');
        const target = tables.find((x) => x.name === table);
        def += ` REFERENCES ${qualified({ schema: target?.schema, name: table })}(${quote(dialect, column)})`;
      }
      return def;
    });
    out.push(`CREATE TABLE ${qualified(t)} (${cols.join(', ')});`);
    if (t.rows.length > 0) {
      const values = t.rows.map((r) => `(${r.map((v) => literal(dialect, v)).join(', ')})`);
      for (let i = 0; i < values.length; i += 500) {
        out.push(`INSERT INTO ${qualified(t)} VALUES ${values.slice(i, i + 500).join(', ')};`);
      }
    }
  }
  return out.join('\n');
}

/** Creates the fixture on `engine` and returns a connection string piiscout accepts. */
export async function createFixture(engine: TestEngine, name: string, tables: readonly FixtureTable[]): Promise<string> {
  switch (engine) {
    case 'postgres':
      return createPostgresDatabase(name, { sql: renderSql('postgres', tables) });
    case 'mysql':
      return createMysqlDatabase(name, { sql: renderSql('mysql', tables) });
    case 'sqlite': {
      const { default: Database } = await import('better-sqlite3');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-fixture-')), `${name}.db`);
      const db = new Database(file);
      db.exec(renderSql('sqlite', tables));
      db.close();
      return `sqlite:${file}`;
    }
    case 'pglite': {
      const { PGlite } = await import('@electric-sql/pglite');
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-fixture-')), name);
      const db = new PGlite(dir);
      await db.exec(renderSql('postgres', tables));
      await db.close();
      return `pglite:${dir}`;
    }
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI (dist/bundle/, what the package's `bin` runs) with a clean environment apart from what is given. With `killAfterMs`,
 * a run that hangs is killed (code -1) instead of hanging the test (not a timing assertion: the bound
 * is far above what the run needs).
 */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; killAfterMs?: number } = {}): Promise<CliRun> {
  const bin = builtCli;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PIISCOUT_CACHE_DIR: process.env.PIISCOUT_CACHE_DIR, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
