/**
 * Builds the demo database in a PGlite data directory: DDL, the generated rows in batched multi-row
 * INSERTs inside one transaction, then ANALYZE so row estimates and pg_stats are there for the scanner.
 */
import { generateDemoData } from './demo-data.js';
import { DEMO_DDL } from './demo-schema.js';
import type { DemoTable, DemoValue } from './demo-table.js';

/** Minimal slice of PGlite used here (PGlite itself is imported lazily: its WASM is large). */
interface SqlRunner {
  exec(sql: string): Promise<unknown>;
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Bind parameters per statement; well under PostgreSQL's 65,535 and quick to parse. */
const MAX_PARAMS_PER_INSERT = 10_000;

export async function loadDemoDatabase(dataDir: string, progress: (message: string) => void = () => {}): Promise<void> {
  const tables = generateDemoData();
  const { PGlite } = await import('@electric-sql/pglite');
  // initdb straight onto disk is 2-3x slower than in memory, so build in memory and write one image out.
  const memory = await PGlite.create();
  let image: Blob;
  try {
    await memory.exec('BEGIN');
    await memory.exec(DEMO_DDL);
    for (const table of tables) await insertRows(memory, table);
    await memory.exec('COMMIT');
    await memory.exec('ANALYZE');
    await memory.exec('CHECKPOINT');
    progress(`Loaded ${tables.length} tables, ${tables.reduce((sum, table) => sum + table.rows.length, 0)} rows`);
    image = await memory.dumpDataDir('none');
  } finally {
    await memory.close();
  }
  const disk = await PGlite.create({ dataDir, loadDataDir: image });
  await disk.close();
}

async function insertRows(db: SqlRunner, table: DemoTable): Promise<void> {
  const width = table.columns.length;
  const batchSize = Math.max(1, Math.floor(MAX_PARAMS_PER_INSERT / width));
  const head = `INSERT INTO ${quoteIdent(table.schema)}.${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) VALUES `;
  for (let start = 0; start < table.rows.length; start += batchSize) {
    const batch = table.rows.slice(start, start + batchSize);
    const tuples = batch.map((_, rowIndex) => `(${table.columns.map((__, column) => `$${rowIndex * width + column + 1}`).join(', ')})`);
    const params: DemoValue[] = batch.flat();
    await db.query(head + tuples.join(', '), params);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
