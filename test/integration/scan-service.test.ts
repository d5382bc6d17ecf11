/**
 * The scan service below the CLI (src/scan-job/): `piiscout scan` and a scheduled source run the same
 * job, so with the same settings they write the same file and report the same drift; the config is
 * parsed once per scan (the classifier, its workers and their fallback get the parsed data).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import YAML, { type YAMLMap, type YAMLSeq } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scanCommand, type ScanCommandOptions } from '../../src/cli/commands/scan.js';
import { parseConfig } from '../../src/config/load-config.js';
import { compareDatasetFiles } from '../../src/drift/drift.js';
import { runSource } from '../../src/sources/run-source.js';
import { runCli } from '../helpers/fixtures.js';

const CONFIG = `
classification:
  categories:
    - key: user.employee_badge
      name: Employee badge
      description: Badge numbers of our staff
      parent: user
  recognizers:
    - id: employee-badge
      category: user.employee_badge
      value_patterns:
        - name: badge number
          regex: 'EMP-\\d{6}'
          score: 0.95
sources:
  - {name: app, url: "sqlite:./app.db", ml: false, output: app.yml}
`;

let dir: string;
let configFile: string;
let dbFile: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-scan-service-'));
  dbFile = path.join(dir, 'app.db');
  configFile = path.join(dir, 'piiscout.config.yml');
  fs.writeFileSync(configFile, CONFIG);
  const db = new Database(dbFile);
  db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, notes TEXT, fax TEXT, code TEXT)');
  db.exec('CREATE TABLE audit (id INTEGER PRIMARY KEY, happened TEXT)');
  const insert = db.prepare('INSERT INTO users (email, notes, fax, code) VALUES (?, ?, ?, ?)');
  for (let i = 0; i < 40; i++) insert.run(`person${i}@example.com`, `parcel ${i} shipped`, `+44 20 7946 ${1000 + i}`, `EMP-${String(100000 + i)}`);
  db.prepare("INSERT INTO audit (happened) VALUES ('boot')").run();
  db.close();
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = () => parseConfig(CONFIG, configFile).sources[0];

/** The scan options the CLI's defaults give, with the settings a source uses. */
const cliOptions = (output: string): ScanCommandOptions => ({
  output,
  sampleSize: 200,
  include: [],
  exclude: [],
  includeViews: false,
  concurrency: 4,
  statementTimeout: 30,
  config: configFile,
  maxValueLength: 512,
  seed: 42,
  merge: true,
  ml: false,
  json: false,
  quiet: true,
  verbose: false,
});

/** Counts the reads of the config file while `run` runs. */
async function configReads(run: () => Promise<unknown>): Promise<number> {
  const read = fs.readFileSync;
  let count = 0;
  vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof file === 'string' && path.resolve(file) === configFile) count++;
    return (read as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync);
  await run();
  vi.restoreAllMocks();
  return count;
}

const withoutTimestamps = (text: string): string => text.replace(/^\s*scanned_at: .*\n/gm, '');

/** A person's decision in a dataset file: `field` of `table` edited to `categories`. */
function decide(file: string, table: string, field: string, categories: string[]): void {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  const collections = doc.getIn(['dataset', 0, 'collections']) as YAMLSeq<YAMLMap>;
  const collection = collections.items.find((c) => c.get('name') === table)!;
  const node = (collection.get('fields') as YAMLSeq<YAMLMap>).items.find((f) => f.get('name') === field)!;
  node.set('data_categories', doc.createNode(categories));
  (node.get('piiscout') as YAMLMap).set('status', 'edited');
  fs.writeFileSync(file, doc.toString());
}

describe('scan service', () => {
  it('parses the config once per scan, for `piiscout scan` and for a scheduled source', async () => {
    const cliFile = path.join(dir, 'cli.yml');
    expect(await configReads(() => scanCommand(`sqlite:${dbFile}`, cliOptions(cliFile)))).toBe(1);
    expect(await configReads(() => runSource(source(), { configFile, ml: false }))).toBe(1);
    // The config took effect: its recognizer classified the badge column.
    for (const file of [cliFile, path.join(dir, 'app.yml')]) expect(fs.readFileSync(file, 'utf8')).toMatch(/name: code\n\s+data_categories: \[user\.employee_badge\]/);
  });

  it('a scheduled source and `piiscout scan` with the same settings write the same file and report the same drift', async () => {
    const cliFile = path.join(dir, 'cli.yml');
    const appFile = path.join(dir, 'app.yml');
    const cli = async (): Promise<void> => {
      const run = await runCli(['scan', `sqlite:${dbFile}`, '-o', cliFile, '--config', configFile, '--no-ml', '-q'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    };
    const scheduled = async () => {
      const result = await runSource(source(), { configFile, ml: false });
      if (result.status !== 'ran') throw new Error('expected a run');
      expect(result.entry.exit_code).toBe(0);
      return result.drift;
    };

    await cli();
    expect(await scheduled()).toBeNull(); // a first scan: nothing to compare with
    expect(withoutTimestamps(fs.readFileSync(appFile, 'utf8'))).toBe(withoutTimestamps(fs.readFileSync(cliFile, 'utf8')));

    // A person decides two fields in both files; the database changes under them.
    for (const file of [cliFile, appFile]) {
      decide(file, 'users', 'notes', ['system.operations']);
      decide(file, 'users', 'email', ['user.contact.email']);
    }
    const db = new Database(dbFile);
    db.exec("ALTER TABLE users DROP COLUMN fax; UPDATE users SET notes = 'buyer' || id || '@example.org'; DROP TABLE audit");
    db.exec('CREATE TABLE t2 (id INTEGER PRIMARY KEY, label TEXT, contact TEXT)');
    const insert = db.prepare('INSERT INTO t2 (label, contact) VALUES (?, ?)');
    for (let i = 0; i < 30; i++) insert.run(`label ${i}`, `contact${i}@example.net`);
    db.close();

    const cliBefore = YAML.parse(fs.readFileSync(cliFile, 'utf8'));
    await cli();
    const drift = await scheduled();
    expect(withoutTimestamps(fs.readFileSync(appFile, 'utf8'))).toBe(withoutTimestamps(fs.readFileSync(cliFile, 'utf8')));
    // The drift the merge reported is the drift between the CLI's file before and after (what `piiscout diff` reports).
    const fromFiles = compareDatasetFiles(cliBefore, YAML.parse(fs.readFileSync(cliFile, 'utf8')));
    expect(drift).toEqual(fromFiles);
    expect(drift).toMatchObject({
      newTables: ['main.t2'],
      removedTables: ['main.audit'],
      removedColumns: ['main.users.fax'],
      becamePersonal: [{ column: 'main.users.notes', old: ['system.operations'], new: ['user.contact.email'], decided: true }],
    });
    expect(drift!.newPersonalColumns).toContain('main.t2.contact');

    // Nothing changed: no drift either way.
    const cliUnchanged = YAML.parse(fs.readFileSync(cliFile, 'utf8'));
    await cli();
    const none = await scheduled();
    expect(none).toEqual(compareDatasetFiles(cliUnchanged, YAML.parse(fs.readFileSync(cliFile, 'utf8'))));
    expect(none).toMatchObject({ newTables: [], removedTables: [], newColumns: [], removedColumns: [], changedProposals: [] });
    expect(withoutTimestamps(fs.readFileSync(appFile, 'utf8'))).toBe(withoutTimestamps(fs.readFileSync(cliFile, 'utf8')));
  });
});
