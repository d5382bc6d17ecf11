/**
 * The same data gives the same sample and the same proposals, whatever the statistics say (issue
 * 14.3): scan a never-analyzed table, ANALYZE it (the row estimate goes from unknown to exact),
 * scan again. Sampling used to follow the estimate (LIMIT or a TABLESAMPLE percentage from it), so
 * after autovacuum or ANALYZE the rows changed and `piiscout diff` reported drift.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { TableSample } from '../../src/core/sample.js';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import { describeEngines, type TestEngine } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createPostgresDatabase, workerScopedName } from '../helpers/servers.js';

const FIRST = ['Alice', 'Bruno', 'Chloé', 'Dmitri', 'Emma', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const FIXTURE_SQL = `
CREATE SCHEMA crm;
CREATE TABLE crm.contacts (id int PRIMARY KEY, first_name text, contact text, note text) WITH (autovacuum_enabled = off);
INSERT INTO crm.contacts
SELECT g, (ARRAY['${FIRST.join("','")}'])[1 + g % 10],
       CASE WHEN g % 3 = 0 THEN 'person' || g || '@example.com' ELSE '+1 415 555 ' || lpad((g % 10000)::text, 4, '0') END,
       'order ' || g
FROM generate_series(1, 6000) g;
`;

interface Fixture {
  readonly url: string;
  readonly analyze: () => Promise<void>;
  readonly cleanup: () => Promise<void>;
}

async function load(engine: TestEngine): Promise<Fixture> {
  if (engine === 'postgres') {
    const url = await createPostgresDatabase(workerScopedName('pg_stability'), { sql: FIXTURE_SQL });
    const analyze = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('ANALYZE crm.contacts');
      await client.end();
    };
    return { url, analyze, cleanup: async () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-stability-'));
  const dataDir = path.join(dir, 'db');
  const db = await PGlite.create({ dataDir });
  await db.exec(FIXTURE_SQL);
  await db.close();
  const analyze = async (): Promise<void> => {
    const writer = await PGlite.create({ dataDir });
    await writer.exec('ANALYZE crm.contacts');
    await writer.close();
  };
  return { url: `pglite:${dataDir}`, analyze, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Introspects and samples crm.contacts as a scan would (200 rows, seed 42). */
async function sampleContacts(url: string): Promise<{ rowEstimate?: number; sample: TableSample }> {
  const connector = await createConnector(parseConnectionString(url, { env: {} }));
  await connector.connect({ statementTimeoutSeconds: 30, concurrency: 1 });
  try {
    const meta = await connector.introspect({ includeViews: false });
    const table = meta.tables.find((t) => t.schema === 'crm' && t.name === 'contacts')!;
    const sample = await connector.sample(table, { rows: 200, columns: table.columns, maxValueLength: 512, seed: 42 });
    return { rowEstimate: table.rowEstimate, sample };
  } finally {
    await connector.close();
  }
}

/** The dataset file without what legitimately differs between two scans (time, row estimate). */
function comparable(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(scanned_at|row_estimate):/.test(line))
    .join('\n');
}

describeEngines(
  'samples do not follow statistics',
  (engine) => {
    let fixture: Fixture;
    let dir: string;

    beforeAll(async () => {
      fixture = await load(engine);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-stability-out-'));
    });

    afterAll(async () => {
      await fixture?.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('scan, ANALYZE, scan: the same rows, the same file, and diff reports nothing', async () => {
      const before = await sampleContacts(fixture.url);
      const first = path.join(dir, 'first.yml');
      const firstRun = await runCli(['scan', fixture.url, '-o', first]);
      expect(firstRun.code).toBe(0);

      await fixture.analyze();

      const after = await sampleContacts(fixture.url);
      expect(before.rowEstimate).not.toBe(6000); // never analyzed: unknown (before: a guess from the size)
      expect(after.rowEstimate).toBe(6000); // the statistics did change
      expect(after.sample.rowsRead).toBe(200);
      expect(after.sample.columns).toEqual(before.sample.columns);
      expect(after.sample.method).toBe(before.sample.method);

      const second = path.join(dir, 'second.yml');
      const secondRun = await runCli(['scan', fixture.url, '-o', second]);
      expect(secondRun.code).toBe(0);
      expect(comparable(second)).toBe(comparable(first));
      const diff = await runCli(['diff', first, second, '--json', '--fail-on', 'any']);
      expect(diff.code).toBe(0);
      expect(JSON.parse(diff.stdout).changed_proposals).toEqual([]);
    });
  },
  ['postgres', 'pglite'],
);
