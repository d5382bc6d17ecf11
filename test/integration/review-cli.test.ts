/**
 * End-to-end review workflow with the built CLI on SQLite: scan, review from the command line,
 * change the schema, scan again (decisions kept, new/removed marked), and gate with `check`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { runCliInTerminal, terminalAvailable } from '../helpers/terminal.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';

const NAMES = ['Alice Smith', 'Bruno Müller', 'Chloé Dubois', 'Dmitri Rossi', 'Emma Tanaka'];
const TABLES: FixtureTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'id', type: 'int', pk: true },
      { name: 'email', type: 'text' },
      { name: 'full_name', type: 'text' },
      { name: 'notes', type: 'text' },
    ],
    rows: Array.from({ length: 40 }, (_, i) => [i + 1, `person${i}@example.com`, NAMES[i % 5], `called on day ${i}`]),
  },
  {
    name: 'orders',
    columns: [
      { name: 'id', type: 'int', pk: true },
      { name: 'customer_id', type: 'int', references: 'customers.id' },
      { name: 'total', type: 'decimal' },
    ],
    rows: Array.from({ length: 20 }, (_, i) => [i + 1, (i % 40) + 1, 10 + i]),
  },
];

// --no-ml: the column model is another feature; these tests are about review and merge.
const scan = (db: string, out: string, ...extra: string[]) => runCli(['scan', `sqlite:${db}`, '-o', out, '--no-ml', ...extra]);

interface FieldView {
  status: string;
  categories: string[];
  isNew: boolean;
  isRemoved: boolean;
}

/** schema-less view of the file: `table.column` → status, categories, markers. */
function fieldsOf(file: string): Map<string, FieldView> {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const out = new Map<string, FieldView>();
  for (const c of doc.dataset[0].collections) {
    for (const f of c.fields) {
      out.set(`${c.name}.${f.name}`, { status: f.piiscout?.status, categories: f.data_categories, isNew: f.piiscout?.new === true, isRemoved: f.piiscout?.removed === true });
    }
  }
  return out;
}

let dbFile: string;
let work: string;

beforeAll(async () => {
  dbFile = (await createFixture('sqlite', 'shop', TABLES)).replace(/^sqlite:/, '');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-cli-'));
});

/** A fresh copy of the database, named like the original so dataset keys stay the same. */
function copyDb(): string {
  const dir = fs.mkdtempSync(path.join(work, 'db-'));
  const copy = path.join(dir, 'shop.db');
  fs.copyFileSync(dbFile, copy);
  return copy;
}

describe('piiscout review / check / merging scans (sqlite)', () => {
  it('reviews from the command line, keeps decisions through a schema change, and gates with check', async () => {
    const db = copyDb();
    const out = path.join(work, 'flow.yml');
    expect((await scan(db, out)).code).toBe(0);

    const list = await runCli(['review', out, '--list', '--status', 'proposed']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/proposed\s+\d\.\d\d\s+main\.customers\.email\s+user\.contact\.email/);
    expect(list.stdout).toContain('7 proposed of 7 field(s) shown; 7 proposed, 0 accepted, 0 edited, 0 ignored.');

    const check0 = await runCli(['check', out]);
    expect(check0.code).toBe(1);
    expect(check0.stdout).toContain('FAILED: 7 of 7 field(s) need review');

    const review = await runCli([
      'review', out,
      '--accept', 'main.customers.email',
      '--set', 'customers.full_name=user.name',
      '--set', 'shop.customers.notes=user.content.private,user.name',
      '--ignore', 'orders.total',
    ]);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stderr).toContain('main.orders.total: ignored'); // schema.table.column, as diff and --include name it
    expect(review.stderr).toContain('Saved');
    let fields = fieldsOf(out);
    expect(fields.get('customers.email')).toMatchObject({ status: 'accepted', categories: ['user.contact.email'] });
    expect(fields.get('customers.full_name')).toMatchObject({ status: 'edited', categories: ['user.name'] });
    expect(fields.get('customers.notes')).toMatchObject({ status: 'edited', categories: ['user.content.private', 'user.name'] });
    expect(fields.get('orders.total')?.status).toBe('ignored');
    expect(fidesLoadProblems([out])).toEqual([]);

    // A person adds a comment and a description by hand.
    fs.writeFileSync(out, fs.readFileSync(out, 'utf8').replace('      - name: customers\n', '      - name: customers # reviewed with legal\n        description: Our customers\n'));

    // Schema change: add a column and a table, drop a reviewed column.
    const conn = new Database(db);
    conn.exec('ALTER TABLE customers ADD COLUMN phone TEXT; ALTER TABLE customers DROP COLUMN notes; CREATE TABLE addresses (id INTEGER PRIMARY KEY, city TEXT);');
    conn.close();
    const rescan = await scan(db, out);
    expect(rescan.code, rescan.stderr).toBe(0);
    expect(rescan.stderr).toContain(`${out}: merged: 1 new table, 3 new fields, 0 removed tables, 1 removed field, 0 changed proposals, 4 decisions kept`);

    fields = fieldsOf(out);
    expect(fields.get('customers.email')).toMatchObject({ status: 'accepted', categories: ['user.contact.email'] });
    expect(fields.get('customers.full_name')).toMatchObject({ status: 'edited', categories: ['user.name'] });
    expect(fields.get('customers.notes')).toMatchObject({ status: 'edited', categories: ['user.content.private', 'user.name'], isRemoved: true });
    expect(fields.get('orders.total')?.status).toBe('ignored');
    expect(fields.get('customers.phone')).toMatchObject({ status: 'proposed', isNew: true });
    expect(fields.get('addresses.city')).toMatchObject({ status: 'proposed', isNew: true });
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('- name: customers # reviewed with legal\n        description: Our customers\n');
    expect(validateFidesDatasetFile(YAML.parse(text))).toEqual([]);
    expect(fidesLoadProblems([out])).toEqual([]);

    // The gate: unreviewed and removed fields fail it; --coverage passes at or below the share reviewed.
    const check1 = await runCli(['check', out]);
    expect(check1.code).toBe(1);
    expect(check1.stdout).toMatch(/main\.customers\.notes\s+removed/);
    expect(check1.stdout).toMatch(/main\.customers\.phone\s+new/);
    const json = await runCli(['check', out, '--json']);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: false, exitCode: 1, total: 10, reviewed: 3, coverage: 30 });
    expect(report.files[0].unreviewed.map((f: { ref: string }) => f.ref)).toContain('main.customers.notes');
    expect((await runCli(['check', out, '--coverage', '30'])).code).toBe(0);
    expect((await runCli(['check', out, '--coverage', '31'])).code).toBe(1);

    // Confirm the removal, accept the rest: the gate passes.
    expect((await runCli(['review', out, '--remove', 'customers.notes', '--accept-above', '0', '--yes'])).code).toBe(0);
    const check2 = await runCli(['check', out]);
    expect(check2.stdout).toContain('OK: all 9 field(s) reviewed.');
    expect(check2.code).toBe(0);
    expect(fieldsOf(out).has('customers.notes')).toBe(false);
  });

  it('checks references and categories before changing anything, with did-you-mean hints', async () => {
    const out = path.join(work, 'typos.yml');
    expect((await scan(copyDb(), out)).code).toBe(0);
    const before = fs.readFileSync(out, 'utf8');

    const badCategory = await runCli(['review', out, '--accept', 'customers.email', '--set', 'customers.full_name=user.nmae']);
    expect(badCategory.code).toBe(1);
    expect(badCategory.stderr).toContain("piiscout: error: Unknown data category 'user.nmae' (did you mean 'user.name'?)");
    const badRef = await runCli(['review', out, '--accept', 'custmers.emial']);
    expect(badRef.code).toBe(1);
    expect(badRef.stderr).toContain("no field custmers.emial (did you mean 'customers.email'?)");
    const twoDecisions = await runCli(['review', out, '--accept', 'customers.email', '--ignore', 'main.customers.email']);
    expect(twoDecisions.code).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe(before); // nothing half-applied
  });

  it('bulk-accepts confident proposals and prints JSON', async () => {
    const out = path.join(work, 'bulk.yml');
    expect((await scan(copyDb(), out)).code).toBe(0);
    const res = await runCli(['review', out, '--accept-above', '0.9', '--json', '--yes']);
    expect(res.code).toBe(0);
    const body = JSON.parse(res.stdout);
    expect(body.changed.length).toBeGreaterThan(0);
    expect(body.changed.map((c: { field: string }) => c.field)).toContain('main.customers.email');
    const doc = YAML.parse(fs.readFileSync(out, 'utf8'));
    for (const c of doc.dataset[0].collections) {
      for (const f of c.fields) expect(f.piiscout.status === 'accepted').toBe(f.piiscout.confidence >= 0.9);
    }
    const listed = JSON.parse((await runCli(['review', out, '--list', '--status', 'accepted', '--json'])).stdout);
    expect(listed.fields.length).toBe(body.changed.length);
  });

  it('--accept-above shows what it would accept and changes the file only when confirmed', async () => {
    const out = path.join(work, 'confirm.yml');
    expect((await scan(copyDb(), out)).code).toBe(0);
    const before = fs.readFileSync(out, 'utf8');
    // What the summary must say, counted here from the file.
    const doc = YAML.parse(before);
    const chosen = doc.dataset[0].collections
      .flatMap((c: { fields: { piiscout: { confidence: number }; data_categories: string[] }[] }) => c.fields)
      .filter((f: { piiscout: { confidence: number } }) => f.piiscout.confidence >= 0.5);
    const high = chosen.filter((f: { piiscout: { confidence: number } }) => f.piiscout.confidence >= 0.9).length;
    const medium = chosen.length - high;
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(0);
    const perCategory = new Map<string, number>();
    for (const f of chosen) for (const c of f.data_categories) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
    const expectSummary = (text: string) => {
      expect(text).toContain(`--accept-above 0.5 would accept ${chosen.length} proposed fields:\n`);
      expect(text).toContain(`  by confidence: ${high} high (90% or more), ${medium} medium (50% to under 90%)\n`);
      for (const [category, n] of perCategory) expect(text).toMatch(new RegExp(`^ +${n}  [^\n]+ \\(${category.replace(/\./g, '\\.')}\\)$`, 'm'));
    };

    // No terminal and no --yes (a CI job): the summary, exit 2, nothing written.
    const refused = await runCli(['review', out, '--accept-above', '0.5']);
    expect(refused.code).toBe(2);
    expectSummary(refused.stderr);
    expect(refused.stderr).toContain(`piiscout: error: --accept-above would accept ${chosen.length} fields no one has looked at; add --yes to confirm (nothing was changed)`);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
    expect((await runCli(['review', out, '--accept-above', '0.5', '--json'])).code).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);

    // --dry-run: the summary and every field it would accept; nothing written.
    const dry = await runCli(['review', out, '--accept-above', '0.5', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expectSummary(dry.stderr);
    expect(dry.stderr).toContain('main.customers.email: would be accepted');
    expect(dry.stderr).toContain(`Dry run: ${chosen.length} changes checked, nothing written to ${out}.`);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
    const dryJson = JSON.parse((await runCli(['review', out, '--accept-above', '0.5', '--dry-run', '--json'])).stdout);
    expect(dryJson).toMatchObject({ dryRun: true, acceptAbove: { threshold: 0.5, summary: { fields: chosen.length } } });
    expect(dryJson.changed).toHaveLength(chosen.length);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);

    // --yes: accepted without a question.
    const yes = await runCli(['review', out, '--accept-above', '0.95', '--yes']);
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stderr).toMatch(/--accept-above 0\.95 would accept \d+ proposed fields?:/);
    expect(yes.stderr).toMatch(/Saved .* \(\d+ changes?\)\./);
    const after = YAML.parse(fs.readFileSync(out, 'utf8'));
    for (const c of after.dataset[0].collections) {
      for (const f of c.fields) expect(f.piiscout.status, f.name).toBe(f.piiscout.confidence >= 0.95 ? 'accepted' : 'proposed');
    }
  });

  it.skipIf(!terminalAvailable())('--accept-above on a terminal asks, and only "y" changes the file', async () => {
    const out = path.join(work, 'terminal.yml');
    expect((await scan(copyDb(), out)).code).toBe(0);
    const before = fs.readFileSync(out, 'utf8');
    const no = await runCliInTerminal(['review', out, '--accept-above', '0.5'], 'n\n');
    expect(no.stdout).toMatch(/would accept (\d+) proposed fields:[\s\S]*Accept these \1 fields\? \[y\/N\]/);
    expect(no.stdout).toContain('Cancelled: nothing was changed.');
    expect(no.code).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
    const enter = await runCliInTerminal(['review', out, '--accept-above', '0.5'], '\n');
    expect(enter.code).toBe(1); // the default is no
    expect(fs.readFileSync(out, 'utf8')).toBe(before);

    const yes = await runCliInTerminal(['review', out, '--accept-above', '0.5'], 'y\n');
    expect(yes.code, yes.stdout).toBe(0);
    expect(yes.stdout).toMatch(/Saved .*terminal\.yml \(\d+ changes\)/);
    const accepted = [...fieldsOf(out).values()].filter((f) => f.status === 'accepted').length;
    expect(yes.stdout).toContain(`would accept ${accepted} proposed fields:`);
    expect(accepted).toBeGreaterThan(0);
  });

  it('takes custom categories from the config file', async () => {
    const out = path.join(work, 'custom.yml');
    expect((await scan(copyDb(), out)).code).toBe(0);
    const config = path.join(work, 'piiscout.config.yml');
    fs.writeFileSync(config, 'classification:\n  categories:\n    - key: user.customer_note\n      name: Customer note\n      parent: user\n');
    const res = await runCli(['review', out, '--config', config, '--set', 'customers.notes=user.customer_note']);
    expect(res.code, res.stderr).toBe(0);
    expect(fieldsOf(out).get('customers.notes')?.categories).toEqual(['user.customer_note']);
    expect((await runCli(['review', out, '--set', 'customers.notes=user.customer_note'])).code).toBe(1); // not without the config
  });

  it('overwrites with --no-merge, and refuses to merge into a broken file without touching it', async () => {
    const out = path.join(work, 'overwrite.yml');
    const db = copyDb();
    expect((await scan(db, out)).code).toBe(0);
    expect((await runCli(['review', out, '--ignore', 'orders.total'])).code).toBe(0);
    expect((await scan(db, out, '--no-merge')).code).toBe(0);
    expect(fieldsOf(out).get('orders.total')?.status).toBe('proposed');

    const broken = fs.readFileSync(out, 'utf8').replace('  - fides_key: shop\n', '  - fides_key: shop\n   bad: [\n');
    fs.writeFileSync(out, broken);
    const res = await scan(db, out);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/piiscout: error: .*overwrite\.yml: invalid YAML at line \d+, column \d+: .*; cannot merge into it\n {2}hint: .*--no-merge/);
    expect(fs.readFileSync(out, 'utf8')).toBe(broken);

    const check = await runCli(['check', out]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('invalid YAML');
  });
});
