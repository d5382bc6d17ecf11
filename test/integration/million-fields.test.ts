/**
 * Everything that only reads a dataset file handles files far above what a spread can take: `check`
 * and `review` used to crash above about 120,000 fields (`Math.max(...array)`: stack overflow, exit
 * 70), and reading through a YAML Document took minutes and gigabytes. 200,000 fields keep the test
 * above that limit (it fails with the spread put back); the speed and memory of a million fields are
 * measured, not asserted: `npm run bench -- --only big-file` (docs/large-estates.md has the figures).
 * The file is written by the real streaming writer; the commands run two at a time (two cores).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigDatasetFile } from '../../scripts/lib/big-dataset-file.js';
import { runCli, type CliRun } from '../helpers/fixtures.js';

const TABLES = 2_000;
const COLUMNS = 100;
const FIELDS = TABLES * COLUMNS;
/** Every third column is proposed as an email address (see scripts/lib/big-dataset-file.ts). */
const PERSONAL = Math.ceil(COLUMNS / 3) * TABLES;

let dir: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-million-'));
  file = path.join(dir, 'big.yml');
  writeBigDatasetFile(file, TABLES, COLUMNS);
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lastLine = (run: CliRun): string => run.stdout.trimEnd().split('\n').at(-1) ?? '';

describe(`a dataset file of ${FIELDS.toLocaleString('en')} fields`, () => {
  it('check, review --list, diff and export csv/json all read it', async () => {
    const csv = path.join(dir, 'map.csv');
    const json = path.join(dir, 'map.json');
    const [check, list] = await Promise.all([runCli(['check', file]), runCli(['review', file, '--list'])]);
    const [diff, csvRun] = await Promise.all([runCli(['diff', file, file]), runCli(['export', file, '--format', 'csv', '-o', csv])]);
    const jsonRun = await runCli(['export', file, '--format', 'json', '-o', json]);

    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    expect(lastLine(check)).toBe(`FAILED: ${FIELDS} of ${FIELDS} field(s) need review (run piiscout review, or pass --coverage N).`);

    expect(list.code, list.stderr).toBe(0);
    expect(lastLine(list)).toBe(`${FIELDS} of ${FIELDS} field(s) shown; ${FIELDS} proposed, 0 accepted, 0 edited, 0 ignored.`);
    expect(list.stdout.split('\n')).toHaveLength(FIELDS + 2);

    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('No drift');

    for (const run of [csvRun, jsonRun]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`${PERSONAL} row(s), ${PERSONAL} field(s) with personal data in 1 dataset(s)`);
    }
    const csvLines = fs.readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(csvLines).toHaveLength(PERSONAL + 1);
    const exported = JSON.parse(fs.readFileSync(json, 'utf8')) as { rows: { field: string; data_category: string }[] };
    expect(exported.rows).toHaveLength(PERSONAL);
    expect(exported.rows.every((r) => r.data_category === 'user.contact.email')).toBe(true);
  }, 600_000);
});
