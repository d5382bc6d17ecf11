/**
 * End-to-end: the built CLI scans a database on every selected engine, writes valid fideslang,
 * keeps every table and column, and never lets a sampled value escape (privacy markers).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { selectedEngines } from '../helpers/engines.js';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { runPostgresSql } from '../helpers/servers.js';

// A marker no classifier, writer or log line could produce by itself.
const MARK = 'qz' + randomBytes(4).toString('hex');
const FIRST = ['Alice', 'Bruno', 'Chloé', 'Dmitri', 'Emma', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Smith', 'Müller', 'Dubois', 'Rossi', 'Tanaka', 'Kowalski', 'Jansen', 'Silva', 'Garcia', 'Novak'];

function tables(): FixtureTable[] {
  const people = Array.from({ length: 60 }, (_, i) => [
    i + 1,
    FIRST[i % 10],
    LAST[(i * 3) % 10],
    `${FIRST[i % 10].toLowerCase()}.${MARK}${i}@example.com`,
    `+1 415 555 ${String(1000 + i).padStart(4, '0')}`,
    `19${50 + (i % 45)}-0${1 + (i % 9)}-1${i % 9}`,
    i % 7 === 0 ? null : `Called about order; note ${MARK}-note-${i}`,
  ]);
  return [
    {
      schema: 'crm',
      name: 'customers',
      columns: [
        { name: 'id', type: 'int', pk: true },
        { name: 'first_name', type: 'text' },
        { name: 'last_name', type: 'text' },
        { name: 'eml', type: 'text' },
        { name: 'phone', type: 'text' },
        { name: 'date_of_birth', type: 'date' },
        { name: 'notes', type: 'text' },
      ],
      rows: people,
    },
    {
      schema: 'crm',
      name: 'Order Details',
      columns: [
        { name: 'order id', type: 'int', pk: true },
        { name: 'customer_id', type: 'int', references: 'customers.id' },
        { name: 'select', type: 'text' },
        { name: 'naïve café', type: 'decimal' },
        { name: 'x"y', type: 'text' },
      ],
      rows: Array.from({ length: 40 }, (_, i) => [i + 1, (i % 60) + 1, `SKU-${MARK}-${i}`, 10 + i, `${MARK}#${i}`]),
    },
    { schema: 'crm', name: 'empty_table', columns: [{ name: 'id', type: 'int', pk: true }, { name: 'email', type: 'text' }], rows: [] },
    {
      schema: 'crm',
      name: 'all_null',
      columns: [{ name: 'id', type: 'int', pk: true }, { name: 'phone_number', type: 'text' }],
      rows: Array.from({ length: 5 }, (_, i) => [i + 1, null]),
    },
  ];
}

for (const engine of selectedEngines()) {
  describe(`scan CLI on ${engine}`, () => {
    let url: string;
    let dir: string;
    // Scans several tests read (each CLI start costs about a second of CPU): run once, on first use.
    const once = <T>(run: () => Promise<T>): (() => Promise<T>) => {
      let result: Promise<T> | undefined;
      return () => (result ??= run());
    };
    const jsonScan = once(() => runCli(['scan', url, '-o', path.join(dir, 'a.yml'), '--json']));
    const verboseScan = once(() => runCli(['scan', url, '-o', path.join(dir, 'verbose.yml'), '-v']));
    beforeAll(async () => {
      url = await createFixture(engine, `cli_${engine}_${process.pid}`, tables());
      // Settle the planner's row estimates now: autovacuum may otherwise analyze between two scans of the
      // re-scan test, and a changed estimate (written as row_estimate) is a real difference, not a flake.
      if (engine === 'postgres') await runPostgresSql(`cli_${engine}_${process.pid}`, 'ANALYZE;');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-cli-'));
    });

    it('writes valid fideslang with every table and column, PKs and FK references', async () => {
      const out = path.join(dir, 'a.yml');
      const run = await jsonScan();
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      const doc = YAML.parse(fs.readFileSync(out, 'utf8'));
      expect(validateFidesDatasetFile(doc)).toEqual([]);
      expect(fidesLoadProblems([out])).toEqual([]);
      const crm = doc.dataset.find((d: { name: string }) => d.name === (engine === 'mysql' ? url.split('/').pop() : engine === 'sqlite' ? 'main' : 'crm'));
      expect(crm).toBeTruthy();
      const names = crm.collections.map((c: { name: string }) => c.name);
      expect(names).toEqual(['Order Details', 'all_null', 'customers', 'empty_table']);
      const orders = crm.collections[0];
      expect(orders.fields.map((f: { name: string }) => f.name)).toEqual(['customer_id', 'naïve café', 'order id', 'select', 'x"y']);
      const customerId = orders.fields[0];
      expect(customerId.fides_meta.references).toEqual([{ dataset: crm.fides_key, field: 'customers.id' }]);
      expect(orders.fields[2].fides_meta.primary_key).toBe(true);
      const customers = crm.collections[2];
      const byName = Object.fromEntries(customers.fields.map((f: { name: string }) => [f.name, f]));
      expect(byName.eml.data_categories).toEqual(['user.contact.email']);
      expect(byName.eml.piiscout.evidence.length).toBeGreaterThan(0);
      expect(byName.eml.piiscout.confidence).toBeGreaterThan(0.5);
      for (const c of crm.collections) for (const f of c.fields) expect(f.piiscout.status).toBe('proposed');
    });

    it('prints a JSON summary and gives byte-identical files on a re-scan apart from the timestamp', async () => {
      const a = path.join(dir, 'a.yml');
      const b = path.join(dir, 'b.yml');
      const runA = await jsonScan();
      const runB = await runCli(['scan', url, '-o', b, '--quiet']);
      expect(runA.code).toBe(0);
      expect(runB.code).toBe(0);
      expect(runB.stdout).toBe('');
      const summary = JSON.parse(runA.stdout);
      expect(summary).toMatchObject({ tablesSkipped: 0, exitCode: 0 });
      expect(summary.tables).toBeGreaterThanOrEqual(4);
      expect(summary.personalFields.some((f: { field: string }) => f.field === 'eml')).toBe(true);
      const strip = (s: string) => s.replace(/scanned_at: .*/g, '');
      expect(strip(fs.readFileSync(b, 'utf8'))).toBe(strip(fs.readFileSync(a, 'utf8')));
    });

    it('-v prints every field as schema.table.column → categories (confidence); plain logs get a first progress line at once', async () => {
      const run = await verboseScan();
      expect(run.code, run.stderr).toBe(0);
      const schema = engine === 'mysql' ? new URL(url).pathname.slice(1) : engine === 'sqlite' ? 'main' : 'crm';
      expect(run.stderr).toMatch(new RegExp(`^scanned ${schema}\\.customers$`, 'm'));
      expect(run.stderr).toMatch(new RegExp(`^ {2}${schema}\\.customers\\.eml → user\\.contact\\.email \\(0\\.\\d\\d\\)$`, 'm'));
      const fieldLines = run.stderr.split('\n').filter((l) => l.includes(' → '));
      expect(fieldLines).toHaveLength(7 + 5 + 2 + 2); // every column of the four tables
      // Without a terminal: the table count comes right after introspection, before any table is done.
      const lines = run.stderr.split('\n');
      expect(lines.indexOf('scanning: 4 table(s) to scan')).toBeGreaterThan(-1);
      expect(lines.indexOf('scanning: 4 table(s) to scan')).toBeLessThan(lines.findIndex((l) => l.startsWith('scanned ')));
      // The summary names fields the same way.
      expect(run.stderr).toMatch(new RegExp(`user\\.contact\\.email +\\d+ +.*${schema}\\.customers\\.eml`));
    });

    it('never writes a sampled value to the file, stdout or stderr', async () => {
      // Every kind of output: files, the verbose field lines, the JSON summary, the file on stdout.
      const runs = [
        await verboseScan(),
        await jsonScan(),
        await runCli(['scan', url, '-o', '-', '--verbose']),
        await runCli(['scan', url, '-o', path.join(dir, 'p2.yml'), '--json', '--sample-size', '1000']),
      ];
      const files = ['verbose.yml', 'a.yml', 'p2.yml'].map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
      const everything = [...files, ...runs.flatMap((r) => [r.stdout, r.stderr])].join('\n');
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      expect(everything.toLowerCase()).not.toContain(MARK);
      for (const first of ['alice', 'chloé', 'dmitri']) expect(everything.toLowerCase()).not.toContain(first);
    });

    it('applies --include and --exclude patterns', async () => {
      const out = path.join(dir, 'filtered.yml');
      const run = await runCli(['scan', url, '-o', out, '--include', '*.customers', '--include', '*.Order Details', '--exclude', '*.*.notes']);
      expect(run.code).toBe(0);
      const doc = YAML.parse(fs.readFileSync(out, 'utf8'));
      const collections = doc.dataset.flatMap((d: { collections: { name: string; fields: { name: string }[] }[] }) => d.collections);
      expect(collections.map((c: { name: string }) => c.name).sort()).toEqual(['Order Details', 'customers']);
      const customers = collections.find((c: { name: string }) => c.name === 'customers');
      expect(customers.fields.map((f: { name: string }) => f.name)).not.toContain('notes');
    });
  });
}

describe('scan CLI errors', () => {
  it('exits 2 with one line on bad usage', async () => {
    const run = await runCli(['scan']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')[0]).toMatch(/^piiscout: error: Nothing to scan/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const bad = await runCli(['scan', 'oracle://x@y/z']);
    expect(bad.code).toBe(2);
    const opt = await runCli(['scan', '--demo', '--sample-size', 'lots']);
    expect(opt.code).toBe(2);
  });

  it('exits 1 with a hint when a SQLite file does not exist, and creates nothing', async () => {
    const missing = path.join(os.tmpdir(), `missing-${process.pid}.db`);
    const run = await runCli(['scan', `sqlite:${missing}`, '-o', path.join(os.tmpdir(), `x-${process.pid}.yml`)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/hint:/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('merges into a file with human decisions instead of overwriting them; --no-merge overwrites', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-cli-'));
    const file = path.join(dir, 'reviewed.yml');
    const reviewed = 'dataset:\n- fides_key: x\n  collections:\n  - name: t\n    fields:\n    - name: a\n      data_categories: [user.contact.email]\n      piiscout: {status: accepted, confidence: 1}\n';
    fs.writeFileSync(file, reviewed);
    const db = path.join(dir, 'tiny.db');
    const { default: Database } = await import('better-sqlite3');
    const h = new Database(db);
    h.exec('CREATE TABLE t (a TEXT)');
    h.close();
    const run = await runCli(['scan', `sqlite:${db}`, '-o', file, '--no-ml']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/merged: .*1 decision kept/);
    const merged = fs.readFileSync(file, 'utf8');
    // The hand-written dataset is kept as it was; the scanned database is added beside it.
    expect(YAML.parse(merged).dataset[0]).toEqual(YAML.parse(reviewed).dataset[0]);
    expect(merged).toContain('- fides_key: tiny');
    expect(fidesLoadProblems([file])).toEqual([]);
    const forced = await runCli(['scan', `sqlite:${db}`, '-o', file, '--no-merge', '--no-ml']);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('fides_key: x');
  });
});

/** Limited accounts: one table unreadable. The scan reports it, keeps the rest, exits 3, and leaks nothing. */
describe.each(selectedEngines().filter((e) => e === 'postgres' || e === 'mysql'))('scan CLI with a table it may not read (%s)', (engine) => {
  it('skips the table, reports it on stderr and in the YAML, scans the rest, exits 3', async () => {
    const { createPostgresLoginRole, createMysqlLoginUser } = await import('../helpers/servers.js');
    const name = `cli_perm_${engine}_${process.pid}`;
    const admin = await createFixture(engine, name, tables());
    const db = new URL(admin).pathname.slice(1);
    const url =
      engine === 'postgres'
        ? await createPostgresLoginRole(db, `reader_${process.pid}`, [
            `GRANT USAGE ON SCHEMA crm TO reader_${process.pid}`,
            `GRANT SELECT ON ALL TABLES IN SCHEMA crm TO reader_${process.pid}`,
            `REVOKE SELECT ON crm.customers FROM reader_${process.pid}`,
          ])
        : await createMysqlLoginUser(
            `reader_${process.pid}`,
            ['Order Details', 'empty_table', 'all_null'].map((t) => `GRANT SELECT ON \`${db}\`.\`${t}\` TO 'reader_${process.pid}'@'127.0.0.1'`).concat(
              // Any privilege makes a table visible in information_schema; without SELECT the sample fails.
              `GRANT INSERT ON \`${db}\`.\`customers\` TO 'reader_${process.pid}'@'127.0.0.1'`,
            ),
            db,
          );
    const password = decodeURIComponent(new URL(url).password);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-perm-'));
    const out = path.join(dir, 'perm.yml');
    const run = await runCli(['scan', url, '-o', out, '--verbose']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/skipped .*customers/);
    const doc = YAML.parse(fs.readFileSync(out, 'utf8'));
    expect(validateFidesDatasetFile(doc)).toEqual([]);
    const collections = doc.dataset.flatMap((d: { collections: unknown[] }) => d.collections);
    const customers = collections.find((c: { name: string }) => c.name === 'customers');
    expect(customers.piiscout.status).toBe('skipped');
    expect(customers.piiscout.reason).toMatch(/permission|denied|may not read/i);
    // Its columns are still there, classified from name and type.
    expect(customers.fields.find((f: { name: string }) => f.name === 'first_name').data_categories).toEqual(['user.name.first']);
    const orders = collections.find((c: { name: string }) => c.name === 'Order Details');
    expect(orders.piiscout.status).toBe('scanned');
    const everything = [run.stdout, run.stderr, fs.readFileSync(out, 'utf8')].join('\n');
    expect(everything.toLowerCase()).not.toContain(MARK);
    expect(everything).not.toContain(password);
  });
});
