/**
 * A hostile or awkward SQLite file: a view whose SQLite error message quotes a value, views SQLite
 * cannot describe or that use what an untrusted schema may not, and statistics (ANALYZE) that must
 * not change the sample. The CLI scans it: values reach no output, such views are skipped and
 * listed (exit 3), views left out are counted, and scan / ANALYZE / scan gives an empty diff.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqliteTestConnector } from '../helpers/connector-hooks.js';
import { describeEngines } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';

const CANARY = 'cnry' + randomBytes(5).toString('hex');

describeEngines(
  'A hostile SQLite file',
  () => {
    let dir: string;
    let file: string;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-sqlite-hostile-'));
      file = path.join(dir, 'hostile.db');
      const db = new Database(file);
      db.exec(`
        CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT, secret TEXT, doc TEXT);
        INSERT INTO people VALUES (1, 'ann@example.com', '${CANARY}', '{}'), (2, 'bob@example.com', '${CANARY}-2', '{}');
        -- SQLite's error for this view is "bad JSON path: '<secret>'".
        CREATE VIEW v_path AS SELECT id, json_extract(doc, secret) AS x FROM people;
        -- A table-valued pragma is not innocuous: an untrusted schema may not use it.
        CREATE VIEW v_pragma AS SELECT name FROM pragma_table_info('people');
        CREATE VIEW v_ok AS SELECT id, email FROM people;
        CREATE TABLE doomed (a TEXT);
        CREATE VIEW v_broken AS SELECT a FROM doomed;
        DROP TABLE doomed;
      `);
      db.close();
    });

    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('opens the file read-only, query_only, with an untrusted schema', async () => {
      const connector = new SqliteTestConnector({ engine: 'sqlite', file });
      await connector.connect({ statementTimeoutSeconds: 5, concurrency: 1 });
      try {
        expect(connector.runStatementForReadOnlyTest('PRAGMA trusted_schema')).toEqual([{ trusted_schema: 0 }]);
        expect(connector.runStatementForReadOnlyTest('PRAGMA query_only')).toEqual([{ query_only: 1 }]);
        // Defensive mode (better-sqlite3's default): the schema cannot be made writable.
        connector.runStatementForReadOnlyTest('PRAGMA writable_schema = ON');
        expect(connector.runStatementForReadOnlyTest('PRAGMA writable_schema')).toEqual([{ writable_schema: 0 }]);
      } finally {
        await connector.close();
      }
    });

    it('with --include-views: skips and lists the views it cannot read, and no value reaches any output', async () => {
      const out = path.join(dir, 'views.yml');
      const run = await runCli(['scan', `sqlite:${file}`, '--include-views', '--no-ml', '-o', out, '--json']);
      expect(run.code, run.stderr).toBe(3);
      const summary = JSON.parse(run.stdout) as { skipped: { table: string; kind: string; message: string }[]; viewsNotScanned: number };
      expect(summary.skipped.map((s) => s.table).sort()).toEqual(['v_broken', 'v_path', 'v_pragma']);
      expect(summary.skipped.find((s) => s.table === 'v_broken')).toMatchObject({ kind: 'unreadable' });
      expect(summary.skipped.find((s) => s.table === 'v_path')?.message).toMatch(/SQLITE_ERROR.*not shown/);
      expect(summary.viewsNotScanned).toBe(0);
      const yaml = fs.readFileSync(out, 'utf8');
      for (const text of [yaml, run.stdout, run.stderr]) expect(text).not.toContain(CANARY);

      const interrupted = path.join(dir, 'interrupted.yml');
      // Interrupted once every table is done (5: the order tables finish in is the subject graph's), before the file is written.
      const partial = await runCli(['scan', `sqlite:${file}`, '--include-views', '--no-ml', '-o', interrupted], { env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: '5' } });
      expect(partial.code, partial.stderr).toBe(130);
      const checkpoint = fs.readFileSync(`${interrupted}.checkpoint.jsonl`, 'utf8');
      expect(checkpoint).toContain('v_path');
      expect(checkpoint).not.toContain(CANARY);
    });

    it('without --include-views: says how many views were left out and how to scan them', async () => {
      const out = path.join(dir, 'tables.yml');
      const run = await runCli(['scan', `sqlite:${file}`, '--no-ml', '-o', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('Did not scan 4 view(s)');
      expect(run.stderr).toContain('--include-views');
      const json = await runCli(['scan', `sqlite:${file}`, '--no-ml', '-o', out, '--no-merge', '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ viewsNotScanned: 4, tables: 1, schemasWithoutTables: [] });
    });

    it('gives the same proposals before and after ANALYZE (the sample does not follow statistics)', async () => {
      const statsFile = path.join(dir, 'stats.db');
      const db = new Database(statsFile);
      db.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY, c1 TEXT); CREATE INDEX contacts_c1 ON contacts (c1);');
      const insert = db.prepare('INSERT INTO contacts (id, c1) VALUES (?, ?)');
      db.transaction(() => {
        // 200 rows, but rowids in two clusters: 150 e-mail addresses low, 50 codes far above.
        for (let i = 1; i <= 150; i++) insert.run(i, `person${i}@example.org`);
        for (let i = 1; i <= 50; i++) insert.run(100_000 + i, `code-${i}`);
      })();
      db.close();
      const before = path.join(dir, 'before.yml');
      const after = path.join(dir, 'after.yml');
      expect((await runCli(['scan', `sqlite:${statsFile}`, '--no-ml', '-o', before])).code).toBe(0);
      const writer = new Database(statsFile);
      writer.exec('ANALYZE');
      writer.close();
      expect((await runCli(['scan', `sqlite:${statsFile}`, '--no-ml', '-o', after])).code).toBe(0);
      const diff = await runCli(['diff', before, after, '--json']);
      expect(diff.code, diff.stderr).toBe(0);
      expect(JSON.parse(diff.stdout)).toMatchObject({ changed_proposals: [], new_columns: [], removed_columns: [] });
      const method = (f: string) => /sample_method: (\S+)/.exec(fs.readFileSync(f, 'utf8'))?.[1];
      expect(method(after)).toBe(method(before));
    });
  },
  ['sqlite'],
);
