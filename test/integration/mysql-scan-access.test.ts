/**
 * MariaDB scans as real, limited users: a server scan by a least-privilege reader (no warning, an
 * empty database left out, views counted and --include-views named), a writer (warned), a user
 * holding only column grants (the granted columns sampled, the table marked partly readable, and a
 * merge into a full scan keeps the hidden columns), and statistics that change while the data does
 * not (scan, stale statistics, scan, ANALYZE TABLE, scan: `piiscout diff` reports nothing).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { describeEngines } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createMysqlDatabase, createMysqlLoginUser, mysqlAdminUrl, runMysqlSql, workerScopedName } from '../helpers/servers.js';

const SHOP = workerScopedName('access_shop');
const EMPTY = workerScopedName('access_empty');
const READER = workerScopedName('access_reader');
const WRITER = workerScopedName('access_writer');
const COLUMNS_ONLY = workerScopedName('access_cols');

// 3,000 rows each; by key (and in storage order) the first 200 hold e-mail addresses, the rest codes.
const SHOP_SQL = `
CREATE TABLE customer (id INT PRIMARY KEY, first_name VARCHAR(40), email VARCHAR(100));
INSERT INTO customer SELECT seq, CONCAT('Name', seq), CONCAT('c', seq, '@example.org') FROM seq_1_to_40;
CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), ssn VARCHAR(20));
INSERT INTO people SELECT seq, CONCAT('Person ', seq), CONCAT('p', seq, '@example.org'), '078-05-1120' FROM seq_1_to_30;
CREATE VIEW customer_list AS SELECT id, email FROM customer;
CREATE VIEW people_list AS SELECT id, name FROM people;
CREATE TABLE keyed_contacts (id INT PRIMARY KEY, c1 VARCHAR(100));
INSERT INTO keyed_contacts SELECT seq, IF(seq <= 200, CONCAT('someone', seq, '@example.org'), CONCAT('code-', seq)) FROM seq_1_to_3000;
CREATE TABLE heap_contacts (n INT NOT NULL, c1 VARCHAR(100));
INSERT INTO heap_contacts SELECT seq, IF(seq <= 200, CONCAT('someone', seq, '@example.org'), CONCAT('code-', seq)) FROM seq_1_to_3000;
ANALYZE TABLE keyed_contacts, heap_contacts;
`;

interface ScanJson {
  warnings: string[];
  viewsNotScanned: number;
  schemasWithoutTables: string[];
  partlyReadable: { schema: string; table: string; message: string }[];
  tables: number;
  exitCode: number;
}

describeEngines(
  'MariaDB scans as limited users',
  () => {
    let dir: string;
    let host: string;
    let readerUrl: string;
    let writerUrl: string;
    let columnsOnlyUrl: string;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-my-access-'));
      host = new URL(mysqlAdminUrl()).hostname;
      await createMysqlDatabase(SHOP, { sql: SHOP_SQL });
      await createMysqlDatabase(EMPTY);
      // The least-privilege user of docs/database-access.md.
      readerUrl = await createMysqlLoginUser(READER, [
        `GRANT SELECT, SHOW VIEW ON \`${SHOP}\`.* TO '${READER}'@'${host}'`,
        `GRANT SELECT, SHOW VIEW ON \`${EMPTY}\`.* TO '${READER}'@'${host}'`,
      ]);
      writerUrl = await createMysqlLoginUser(WRITER, [`GRANT SELECT, INSERT, DELETE ON \`${SHOP}\`.* TO '${WRITER}'@'${host}'`]);
      columnsOnlyUrl = await createMysqlLoginUser(COLUMNS_ONLY, [`GRANT SELECT (name, email) ON \`${SHOP}\`.people TO '${COLUMNS_ONLY}'@'${host}'`]);
    });

    afterAll(async () => {
      await runMysqlSql(
        [READER, WRITER, COLUMNS_ONLY].map((u) => `DROP USER IF EXISTS '${u}'@'${host}';`).join('\n') +
          `\nDROP DATABASE IF EXISTS \`${SHOP}\`; DROP DATABASE IF EXISTS \`${EMPTY}\`;`,
      );
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const scan = async (url: string, out: string, ...extra: string[]) => {
      const run = await runCli(['scan', url, '--no-ml', '-o', out, ...extra]);
      return { ...run, json: extra.includes('--json') ? (JSON.parse(run.stdout) as ScanJson) : undefined };
    };

    describe('a server scan by a least-privilege reader', () => {
      it('warns about nothing, writes no dataset for the empty database, and counts the views it left out', async () => {
        const out = path.join(dir, 'reader.yml');
        const run = await scan(readerUrl, out);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).not.toContain('warning:');
        expect(run.stderr).toContain(`Left out 1 database(s) with no table to scan (no dataset written): ${EMPTY}.`);
        expect(run.stderr).toContain('Did not scan 2 view(s)');
        expect(run.stderr).toContain('pass --include-views to scan them');
        const datasets = (YAML.parse(fs.readFileSync(out, 'utf8')) as { dataset: { name: string; collections: unknown[] }[] }).dataset;
        expect(datasets.map((d) => d.name)).toEqual([SHOP]);
        expect(datasets[0].collections).toHaveLength(4);

        const json = (await scan(readerUrl, out, '--json', '--no-merge')).json!;
        expect(json).toMatchObject({ warnings: [], viewsNotScanned: 2, schemasWithoutTables: [EMPTY], tables: 4, exitCode: 0 });
        const withViews = (await scan(readerUrl, out, '--json', '--no-merge', '--include-views')).json!;
        expect(withViews).toMatchObject({ viewsNotScanned: 0, tables: 6 });
      });
    });

    it('warns, on stderr and in --json, when the scanning user may write', async () => {
      const run = await scan(writerUrl, path.join(dir, 'writer.yml'), '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(run.json!.warnings).toHaveLength(1);
      expect(run.json!.warnings[0]).toContain(`may write to the scanned databases (INSERT, DELETE on ${SHOP}.*)`);
      expect(run.stderr).toContain(`warning: the scanning user may write to the scanned databases (INSERT, DELETE on ${SHOP}.*)`);
    });

    it('samples the columns a column grant allows, marks the table partly readable, and a merge keeps the hidden columns', async () => {
      const out = path.join(dir, 'columns.yml');
      const full = await runCli(['scan', mysqlAdminUrl(SHOP), '--no-ml', '--include', `${SHOP}.people`, '-o', out]);
      expect(full.code, full.stderr).toBe(0);

      const run = await scan(columnsOnlyUrl, out, '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(run.json!.partlyReadable).toEqual([{ schema: SHOP, table: 'people', message: expect.stringContaining('only the 2 column(s) granted') }]);
      const people = (
        YAML.parse(fs.readFileSync(out, 'utf8')) as {
          dataset: {
            collections: {
              name: string;
              piiscout: Record<string, unknown>;
              fields: { name: string; data_categories?: string[]; piiscout: Record<string, unknown> }[];
            }[];
          }[];
        }
      ).dataset[0].collections.find((c) => c.name === 'people')!;
      expect(people.piiscout).toMatchObject({ status: 'scanned', rows_sampled: 30, partly_readable: expect.stringContaining('column-level GRANT') });
      // Hidden columns are not "removed": the earlier full scan's fields stay as they were.
      expect(people.fields.map((f) => f.name)).toEqual(['email', 'id', 'name', 'ssn']);
      for (const field of people.fields) expect(field.piiscout.removed).toBeUndefined();
      expect(people.fields.find((f) => f.name === 'email')!.piiscout.evidence).toEqual(
        expect.arrayContaining([expect.objectContaining({ factor: 'values', category: 'user.contact.email' })]),
      );

      const text = await runCli(['scan', columnsOnlyUrl, '--no-ml', '-o', path.join(dir, 'columns-only.yml')]);
      expect(text.stderr).toContain(`Read 1 table(s) only in part:\n  ${SHOP}.people: only the 2 column(s) granted`);
    });

    it('gives the same proposals whatever the statistics say: scan, stale statistics, scan, ANALYZE TABLE, scan', async () => {
      const include = ['--include', `${SHOP}.keyed_contacts`, '--include', `${SHOP}.heap_contacts`];
      const files = ['analyzed', 'stale', 'reanalyzed'].map((name) => path.join(dir, `${name}.yml`));
      const scanTo = async (file: string) => {
        const run = await runCli(['scan', mysqlAdminUrl(SHOP), '--no-ml', '--no-merge', ...include, '-o', file]);
        expect(run.code, run.stderr).toBe(0);
      };
      await scanTo(files[0]);
      // The estimate goes stale (as after a bulk load) without a row changing: InnoDB reloads its
      // persistent statistics when the table is reopened under a new name and back.
      await runMysqlSql(
        `UPDATE mysql.innodb_table_stats SET n_rows = 10 WHERE database_name = '${SHOP}' AND table_name IN ('keyed_contacts', 'heap_contacts');
         RENAME TABLE keyed_contacts TO keyed_tmp, keyed_tmp TO keyed_contacts, heap_contacts TO heap_tmp, heap_tmp TO heap_contacts;`,
        SHOP,
      );
      await scanTo(files[1]);
      expect(YAML.parse(fs.readFileSync(files[1], 'utf8')).dataset[0].collections.map((c: { piiscout: { row_estimate: number } }) => c.piiscout.row_estimate)).toEqual([
        10, 10,
      ]);
      await runMysqlSql('ANALYZE TABLE keyed_contacts, heap_contacts;', SHOP);
      await scanTo(files[2]);

      for (const [before, after] of [
        [files[0], files[1]],
        [files[1], files[2]],
      ]) {
        const diff = await runCli(['diff', before, after, '--json']);
        expect(diff.code, diff.stderr).toBe(0);
        expect(JSON.parse(diff.stdout)).toMatchObject({ changed_proposals: [], new_columns: [], removed_columns: [] });
      }
      const methods = files.map((f) => [...fs.readFileSync(f, 'utf8').matchAll(/sample_method: (\S+)/g)].map((m) => m[1]));
      expect(methods).toEqual([
        ['tablesample-bernoulli', 'random-key-windows'],
        ['tablesample-bernoulli', 'random-key-windows'],
        ['tablesample-bernoulli', 'random-key-windows'],
      ]);
    });
  },
  ['mysql'],
);
