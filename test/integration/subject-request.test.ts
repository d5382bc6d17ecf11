/**
 * Subject-request readiness on real databases (issue 15): a scan proposes `identity` and directed
 * `references` under piiscout's keys only; once a reviewer accepts the fields that carry them (CLI
 * `review --accept`, or the review page's action), Fides loads the file and its DSR graph reaches
 * every person-linked table from an identity, walked the way Fides walks it. On Cookie House the
 * accepted graph also matches Fides' own hand-written dataset. A re-scan keeps what was accepted;
 * the data map shows the proposed data subjects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { applyAction } from '../../src/review/review-actions.js';
import { ReviewFile } from '../../src/review/review-file.js';
import { Taxonomy } from '../../src/fides/taxonomy.js';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { corporaDir } from '../helpers/fixture-paths.js';
import { createPostgresDatabase, loadCookieHouseMariadb, loadCookieHousePostgres, workerScopedName } from '../helpers/servers.js';
import { fidesReach, type Dataset, type Field } from '../helpers/fides-dsr-graph.js';

const DVD = path.join(corporaDir, 'dvdstore3-small-subset');
/** Scans, CLI runs and Python loads on a machine other tests share. */
const TIMEOUT = 300_000;

function tempFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-dsr-')), name);
}

async function scan(url: string, out: string): Promise<void> {
  const run = await runCli(['scan', url, '-o', out]);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(0);
  expect(fidesLoadProblems([out])).toEqual([]);
}

function read(file: string): Dataset[] {
  return YAML.parse(fs.readFileSync(file, 'utf8')).dataset;
}

/** `schema.table.column` of every field that carries a proposed identity or reference. */
function fieldsWithProposals(datasets: readonly Dataset[]): string[] {
  return datasets.flatMap((d) => d.collections.flatMap((c) => c.fields.filter((f) => f.piiscout?.proposed_fides_meta).map((f) => `${d.name}.${c.name}.${f.name}`)));
}

/** `collection` names of a dataset whose tables piiscout proposes data subjects for: people and rows that belong to one. */
function personLinked(dataset: Dataset): string[] {
  return dataset.collections.filter((c) => (c.piiscout?.data_subjects?.length ?? 0) > 0).map((c) => c.name).sort();
}

function field(datasets: readonly Dataset[], schema: string, collection: string, name: string): Field {
  const f = datasets.find((d) => d.name === schema)?.collections.find((c) => c.name === collection)?.fields.find((x) => x.name === name);
  expect(f, `${schema}.${collection}.${name}`).toBeTruthy();
  return f!;
}

/**
 * Accept through the CLI, then: Fides loads the file, every person-linked table of `schema` and
 * every table Fides' own dataset reaches is reached, and each of Fides' references is ours too.
 */
async function acceptAndCheck(file: string, schema: string, fidesDatasetFile: string, extraReached: readonly string[] = []): Promise<Dataset[]> {
  const proposed = read(file);
  // Before review nothing is in fides_meta: Fides finds no identity at all.
  expect(fidesReach(proposed).size).toBe(0);
  const refs = fieldsWithProposals(proposed);
  expect(refs.length).toBeGreaterThan(5);
  const review = await runCli(['review', file, ...refs.flatMap((r) => ['--accept', r])]);
  expect(review.stderr).not.toMatch(/error/i);
  expect(review.code).toBe(0);
  expect(fidesLoadProblems([file])).toEqual([]);

  const accepted = read(file);
  expect(fieldsWithProposals(accepted)).toEqual([]);
  const ours = accepted.find((d) => d.name === schema)!;
  const reached = fidesReach(accepted);
  const linked = personLinked(ours);
  expect(linked.length).toBeGreaterThan(3);
  for (const table of [...linked, ...extraReached]) expect(reached.has(`${ours.fides_key}.${table}`), `${table} reached from an identity`).toBe(true);

  // Fides' own dataset of the same database: whatever it reaches, ours reaches, along the same references.
  const fides: Dataset = YAML.parse(fs.readFileSync(fidesDatasetFile, 'utf8')).dataset[0];
  const theirs = fidesReach([fides]);
  expect(theirs.size).toBeGreaterThan(5);
  for (const key of theirs) expect(reached.has(`${ours.fides_key}.${key.slice(fides.fides_key.length + 1)}`), `${key} (reached in Fides' own dataset)`).toBe(true);
  for (const c of fides.collections) {
    for (const f of c.fields) {
      for (const r of f.fides_meta?.references ?? []) {
        const mine = field(accepted, schema, c.name, f.name).fides_meta?.references ?? [];
        expect(mine, `${c.name}.${f.name}`).toContainEqual({ dataset: ours.fides_key, field: r.field, direction: r.direction });
      }
    }
  }
  return accepted;
}

describe.runIf(isEngineSelected('postgres'))('subject-request readiness on PostgreSQL', () => {
  it('Cookie House: accepted identities and references reach every person-linked table, as in Fides\' own dataset; a re-scan keeps them', async () => {
    const url = await loadCookieHousePostgres(workerScopedName('dsr_cookie_house'));
    const file = tempFile('cookie-house.yml');
    await scan(url, file);
    const proposed = read(file);
    expect(field(proposed, 'public', 'customer', 'email').piiscout?.proposed_fides_meta).toEqual({ identity: 'email' });
    expect(field(proposed, 'public', 'customer', 'email').fides_meta?.identity).toBeUndefined();
    const publicKey = proposed.find((d) => d.name === 'public')!.fides_key;
    expect(field(proposed, 'public', 'orders', 'customer_id').piiscout?.proposed_fides_meta).toEqual({
      references: [{ dataset: publicKey, field: 'customer.id', direction: 'from' }],
    });
    const publicSet = proposed.find((d) => d.name === 'public')!;
    expect(publicSet.meta?.piiscout?.data_subjects).toEqual(['customer', 'employee']);
    expect(publicSet.collections.find((c) => c.name === 'orders')?.piiscout?.data_subjects).toEqual(['customer']);
    expect(publicSet.collections.find((c) => c.name === 'service_request')?.piiscout?.data_subjects).toEqual(['employee']);

    // The data map shows the proposed subjects, and says they are proposed.
    const json = tempFile('datamap.json');
    const exported = await runCli(['export', file, '-o', json, '--all-fields']);
    expect(exported.code).toBe(0);
    const rows = (JSON.parse(fs.readFileSync(json, 'utf8')) as { rows: { dataset: string; table: string; data_subjects: { key: string }[]; data_subjects_proposed: boolean }[] }).rows;
    const subjectsOf = (table: string) => new Set(rows.filter((r) => r.dataset === publicKey && r.table === table).map((r) => `${r.data_subjects.map((x) => x.key).join()}${r.data_subjects_proposed ? ' (proposed)' : ''}`));
    expect(subjectsOf('orders')).toEqual(new Set(['customer (proposed)']));
    expect(subjectsOf('service_request')).toEqual(new Set(['employee (proposed)']));
    expect(subjectsOf('product')).toEqual(new Set(['']));

    const corpus = path.join(corporaDir, 'fides-cookie-house-postgres');
    await acceptAndCheck(file, 'public', path.join(corpus, 'postgres_example_test_dataset.yml'));

    // A re-scan merged into the reviewed file keeps the accepted fides_meta and proposes nothing again.
    await scan(url, file);
    const again = read(file);
    expect(field(again, 'public', 'customer', 'email').fides_meta?.identity).toBe('email');
    expect(field(again, 'public', 'orders', 'customer_id').fides_meta?.references).toContainEqual({ dataset: publicKey, field: 'customer.id', direction: 'from' });
    expect(fieldsWithProposals(again).filter((r) => r.startsWith('public.'))).toEqual([]);
  }, TIMEOUT);

  it('DVD Store (no declared keys): references inferred from names and values, accepted through the review page\'s action, reach every customer table', async () => {
    const url = await createPostgresDatabase(workerScopedName('dsr_dvdstore'), { files: [path.join(DVD, 'pgsqlds3_create_tbl.sql'), path.join(DVD, 'load-postgres.sql')] });
    const file = tempFile('dvdstore.yml');
    await scan(url, file);
    const proposed = read(file);
    const ds = proposed.find((d) => d.name === 'public')!;
    expect(fidesReach(proposed).size).toBe(0);
    // The tables of a customer's rows, by hand: orders, history, order lines, reviews and their ratings,
    // and `membership`, a one-to-one extension keyed by `customerid` alone (no declared key).
    const customerTables = ['cust_hist', 'customers', 'membership', 'orderlines', 'orders', 'reviews', 'reviews_helpfulness'];
    expect(personLinked(ds)).toEqual(expect.arrayContaining(customerTables));

    const review = ReviewFile.load(file, { taxonomy: Taxonomy.default() });
    const addresses = review
      .fields()
      .filter((f) =>
        proposed.some(
          (d) =>
            d.fides_key === f.address.dataset &&
            d.collections.some(
              (c) =>
                c.name === f.address.collection &&
                c.fields.some((x) => x.name === f.address.field && x.piiscout?.proposed_fides_meta),
            ),
        ),
      );
    expect(addresses.length).toBeGreaterThan(5);
    // The review page's action, as its server runs it: on the loaded file, which it saves.
    applyAction(review, { action: 'accept', addresses: addresses.map((f) => f.address), expectedVersion: review.version });
    expect(fidesLoadProblems([file])).toEqual([]);

    const accepted = read(file);
    const reached = fidesReach(accepted);
    for (const table of new Set([...customerTables, ...personLinked(ds)])) expect(reached.has(`${ds.fides_key}.${table}`), `${table} reached from an identity`).toBe(true);
    expect(field(accepted, 'public', 'customers', 'email').fides_meta?.identity).toBe('email');
    expect(field(accepted, 'public', 'orders', 'customerid').fides_meta?.references).toEqual([{ dataset: ds.fides_key, field: 'customers.customerid', direction: 'from' }]);
    expect(field(accepted, 'public', 'membership', 'customerid').fides_meta?.references).toEqual([{ dataset: ds.fides_key, field: 'customers.customerid', direction: 'from' }]);
  }, TIMEOUT);
});

describe.runIf(isEngineSelected('mysql'))('subject-request readiness on MariaDB', () => {
  it('Cookie House: accepted identities and references reach every person-linked table, as in Fides\' own dataset', async () => {
    const url = await loadCookieHouseMariadb(workerScopedName('dsr_cookie_house'));
    const file = tempFile('cookie-house-mariadb.yml');
    await scan(url, file);
    const db = new URL(url).pathname.slice(1);
    await acceptAndCheck(file, db, path.join(corporaDir, 'fides-cookie-house-mariadb', 'mariadb_example_test_dataset.yml'));
  }, TIMEOUT);
});
