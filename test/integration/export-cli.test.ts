/**
 * `piiscout export` end to end with the built CLI: scan a small SQLite database (rules only),
 * review two fields, then export CSV, JSON, XLSX and HTML (to files and stdout), with a Fides
 * system manifest, and check the one-line errors and exit codes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';

const NAMES = ['Alice Smith', 'Bruno Müller', 'Chloé Dubois', 'Dmitri Rossi', 'Emma Tanaka'];
const TABLES: FixtureTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'id', type: 'int', pk: true },
      { name: 'email', type: 'text' },
      { name: 'full_name', type: 'text' },
      { name: 'phone', type: 'text' },
    ],
    rows: Array.from({ length: 40 }, (_, i) => [i + 1, `person${i}@example.com`, NAMES[i % 5], `+49 30 ${String(1000000 + i * 7919)}`]),
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

let work: string;
let scanFile: string;
let datasetKey: string;

beforeAll(async () => {
  const db = await createFixture('sqlite', 'shop', TABLES);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-export-cli-'));
  scanFile = path.join(work, 'shop.yml');
  const scan = await runCli(['scan', db, '-o', scanFile, '--no-ml', '-q']);
  expect(scan.code, scan.stderr).toBe(0);
  const review = await runCli(['review', scanFile, '--accept', 'customers.email', '--set', 'customers.full_name=user.name']);
  expect(review.code, review.stderr).toBe(0);
  datasetKey = YAML.parse(fs.readFileSync(scanFile, 'utf8')).dataset[0].fides_key;
}, 120_000);

const out = (name: string) => path.join(work, name);
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');

describe('piiscout export', () => {
  it('writes CSV to a file (with a BOM) and to stdout (without), one row per personal field', async () => {
    const file = await runCli(['export', scanFile, '-o', out('map.csv')]);
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).toBe('');
    expect(file.stderr).toMatch(/^Wrote .*map\.csv \(csv\): \d+ row\(s\), \d+ field\(s\) with personal data in 1 dataset\(s\)\.\n$/);
    const text = fs.readFileSync(out('map.csv'), 'utf8');
    expect(text.startsWith('\uFEFFdataset,table,field,data_category,')).toBe(true);
    const rows = lines(text);
    expect(rows.find((l) => l.startsWith(`${datasetKey},customers,email,user.contact.email,User Contact Email,user.contact,Contact Data,accepted,`))).toMatch(
      // No systems manifest: the subjects column holds the subject graph's proposal, marked as such.
      /,accepted on \d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}T[^,]+,,,,,Customer \(proposed by piiscout\),$/,
    );
    expect(rows.some((l) => l.startsWith(`${datasetKey},customers,full_name,user.name,Name,user.name,Name,edited,`))).toBe(true);
    expect(rows.some((l) => l.includes(',orders,total,'))).toBe(false); // not personal

    const stdout = await runCli(['export', scanFile, '--format', 'csv', '-o', '-']);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout.startsWith('dataset,')).toBe(true);
    expect(stdout.stdout).toBe(text.slice(1));

    const all = await runCli(['export', scanFile, '--format', 'csv', '-o', '-', '--all-fields']);
    expect(lines(all.stdout).length).toBeGreaterThan(rows.length);
    expect(lines(all.stdout).some((l) => l.includes(',orders,total,'))).toBe(true);
  });

  it('writes JSON, XLSX and HTML, with systems joined from a manifest', async () => {
    const systems = out('systems.yml');
    fs.writeFileSync(
      systems,
      `system:
  - fides_key: webshop
    name: Web shop
    privacy_declarations:
      - name: Orders
        data_use: essential.service
        data_subjects: [customer]
        data_categories: [user.contact]
        dataset_references: [${datasetKey}, warehouse]
`,
    );
    const json = await runCli(['export', scanFile, '-o', '-', '--format', 'json', '--systems', systems]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toContain(`warning: ${systems}: system webshop references dataset warehouse, which is not in the exported files`);
    const doc = JSON.parse(json.stdout);
    const email = doc.rows.find((r: { field: string }) => r.field === 'email');
    expect(email).toMatchObject({
      system: { key: 'webshop', name: 'Web shop' },
      data_uses: [{ key: 'essential.service', name: 'Essential for Service' }],
      data_subjects: [{ key: 'customer', name: 'Customer' }],
      declared_by_system: true,
      status: 'accepted',
    });
    expect(doc.rows.find((r: { field: string }) => r.field === 'full_name').declared_by_system).toBe(false);

    const xlsx = await runCli(['export', scanFile, '-o', out('map.xlsx'), '--systems', systems, '-q']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stderr).not.toContain('Wrote'); // -q
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out('map.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Data map', 'Summary']);
    expect(workbook.getWorksheet('Data map')!.rowCount).toBe(1 + doc.rows.length);

    const html = await runCli(['export', scanFile, '-o', out('map.html'), '--systems', systems]);
    expect(html.code, html.stderr).toBe(0);
    const page = fs.readFileSync(out('map.html'), 'utf8');
    expect(page).toContain('<svg class="chart"');
    expect(page).toContain('Web shop');
    expect(page).not.toMatch(/https?:|\ssrc=/);
  });

  it('fails with one line and exit 1 on unreadable input, exit 2 on bad usage', async () => {
    const missing = await runCli(['export', out('nope.yml'), '-o', out('x.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^piiscout: error: Cannot read .*nope\.yml: no such file\n {2}hint: /);
    fs.writeFileSync(out('bad-systems.yml'), 'system:\n  - name: No key\n');
    const bad = await runCli(['export', scanFile, '-o', out('x.csv'), '--systems', out('bad-systems.yml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe(`piiscout: error: ${out('bad-systems.yml')}: system[0].fides_key: is required`);
    const noDir = await runCli(['export', scanFile, '-o', path.join(work, 'no-such-dir', 'x.csv')]);
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain('Cannot write');
    expect(fs.existsSync(out('x.csv'))).toBe(false);

    const htmlToStdout = await runCli(['export', scanFile, '-o', '-', '--format', 'html']);
    expect(htmlToStdout.code).toBe(2);
    expect(htmlToStdout.stderr).toContain('--format html cannot be written to stdout');
    const unknownExt = await runCli(['export', scanFile, '-o', out('map.txt')]);
    expect(unknownExt.code).toBe(2);
    expect(unknownExt.stderr).toContain('Cannot tell the format from');
    const badFormat = await runCli(['export', scanFile, '-o', out('x.csv'), '--format', 'pdf']);
    expect(badFormat.code).toBe(2);
    expect((await runCli(['export', scanFile])).code).toBe(2); // -o is required
  });
});
