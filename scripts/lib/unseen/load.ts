/**
 * Loads an unseen corpus (real or masked names) into an engine: a SQLite file, or a fresh database on
 * a PostgreSQL or MariaDB server given by an admin URL. Creates the database, runs schema.sql, inserts
 * the rows in batches (referenced tables first). `dropCorpusDatabase` removes it again.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { LoadInput } from '../unseen-corpora.js';

/** Rows per INSERT: large enough to be quick, small enough for any engine's placeholder limit. */
const MAX_PARAMETERS = 20_000;

const engineValue = (value: unknown, engine: LoadInput['engine']): unknown => (typeof value === 'boolean' && engine !== 'postgres' ? (value ? 1 : 0) : value);

function batches<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Loads into a new SQLite file (an existing one is replaced). */
export function loadSqlite(input: LoadInput, file: string): void {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  try {
    db.exec(input.schemaSql);
    db.transaction(() => {
      for (const [table, data] of input.rows) {
        if (data.rows.length === 0) continue;
        const insert = db.prepare(`INSERT INTO "${table}" (${data.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${data.columns.map(() => '?').join(', ')})`);
        for (const row of data.rows) insert.run(row.map((v) => engineValue(v, 'sqlite')));
      }
    })();
  } finally {
    db.close();
  }
}

/** `adminUrl`: postgres://user:password@host:port/postgres. Creates input.database (dropping an old one). */
export async function loadPostgres(input: LoadInput, adminUrl: string): Promise<void> {
  const database = requireDatabase(input);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(input.schemaSql);
    const schema = /create\s+schema\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?/i.exec(input.schemaSql)?.[1];
    if (schema) await client.query(`SET search_path TO "${schema}"`);
    for (const [table, data] of input.rows) {
      for (const batch of batches(data.rows, data.columns.length)) {
        let n = 0;
        const values = batch.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO "${table}" (${data.columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, batch.flat());
      }
    }
  } finally {
    await client.end();
  }
}

/** `adminUrl`: mysql://user:password@host:port. Creates input.database (dropping an old one). */
export async function loadMysql(input: LoadInput, adminUrl: string): Promise<void> {
  const database = requireDatabase(input);
  const admin = await mysql.createConnection({ uri: adminUrl, multipleStatements: true });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
    await admin.query(`USE \`${database}\``);
    await admin.query(input.schemaSql);
    for (const [table, data] of input.rows) {
      for (const batch of batches(data.rows, data.columns.length)) {
        const values = batch.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
        await admin.query(`INSERT INTO \`${table}\` (${data.columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${values}`, batch.flat().map((v) => engineValue(v, 'mysql')));
      }
    }
  } finally {
    await admin.end();
  }
}

export async function dropCorpusDatabase(input: LoadInput, adminUrl: string): Promise<void> {
  const database = requireDatabase(input);
  if (input.engine === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  } else if (input.engine === 'mysql') {
    const admin = await mysql.createConnection({ uri: adminUrl });
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    } finally {
      await admin.end();
    }
  }
}

/** Rows per table as the engine has them, for the load check. */
export async function countRows(input: LoadInput, target: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const tables = [...input.rows.keys()];
  if (input.engine === 'sqlite') {
    const db = new Database(target, { readonly: true });
    try {
      for (const t of tables) counts.set(t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  } else if (input.engine === 'postgres') {
    const url = new URL(target);
    url.pathname = `/${requireDatabase(input)}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const schema = /create\s+schema\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?/i.exec(input.schemaSql)?.[1] ?? 'public';
      for (const t of tables) counts.set(t, Number((await client.query(`SELECT count(*) AS n FROM "${schema}"."${t}"`)).rows[0].n));
    } finally {
      await client.end();
    }
  } else {
    const conn = await mysql.createConnection({ uri: target, database: requireDatabase(input) });
    try {
      for (const t of tables) counts.set(t, Number(((await conn.query(`SELECT count(*) AS n FROM \`${t}\``))[0] as { n: number }[])[0].n));
    } finally {
      await conn.end();
    }
  }
  return counts;
}

function requireDatabase(input: LoadInput): string {
  if (!input.database) throw new Error(`corpus ${input.name}: engine ${input.engine} needs a database name`);
  return input.database;
}
