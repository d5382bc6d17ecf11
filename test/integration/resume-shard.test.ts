/**
 * Resume and shard, end to end with the built CLI on a SQLite file of many tables:
 * - a scan interrupted after some tables (the test-only hook PIISCOUT_TEST_ABORT_AFTER_TABLES acts
 *   like Ctrl-C) continues with --resume, samples only the rest, and writes what a scan without
 *   interruption writes (apart from the timestamp);
 * - shards 1/3, 2/3, 3/3 joined with `piiscout merge` equal the full scan; merge keeps human decisions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';

const TABLES = 24;
let dir: string;
let connection: string;
let full: string;

function fixture(): FixtureTable[] {
  return Array.from({ length: TABLES }, (_, t) => ({
    name: `t${String(t).padStart(2, '0')}`,
    columns: [
      { name: 'id', type: 'int' as const, pk: true },
      { name: t % 2 ? 'email' : 'contact', type: 'text' as const },
      { name: 'full_name', type: 'text' as const },
      { name: 'amount', type: 'decimal' as const },
    ],
    rows: Array.from({ length: 30 }, (_, r) => [r + 1, `person${r}.${t}@example.org`, `Ann Person${r}`, r * 2.5]),
  }));
}

const scanArgs = (out: string, ...extra: string[]): string[] => ['scan', connection, '-o', out, '--no-ml', '--json', '--concurrency', '1', ...extra];
const withoutTimestamps = (yaml: string): string => yaml.replace(/scanned_at: .*/g, 'scanned_at: X');
const summary = (stdout: string): { queries: number; tables: number; tablesScanned: number } => JSON.parse(stdout);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-resume-'));
  connection = await createFixture('sqlite', 'many', fixture());
  const run = await runCli(scanArgs(path.join(dir, 'full.yml')));
  expect(run.code, run.stderr).toBe(0);
  expect(summary(run.stdout).queries).toBe(TABLES);
  full = fs.readFileSync(path.join(dir, 'full.yml'), 'utf8');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (connection) fs.rmSync(path.dirname(connection.replace(/^sqlite:/, '')), { recursive: true, force: true });
});

describe('resume', () => {
  it('continues an interrupted scan without sampling finished tables again, and writes the same file', async () => {
    const out = path.join(dir, 'resumed.yml');
    const checkpoint = `${out}.checkpoint.jsonl`;
    const interrupted = await runCli(scanArgs(out), { env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: '9' } });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/--resume/);
    expect(fs.existsSync(out)).toBe(false);
    const lines = fs.readFileSync(checkpoint, 'utf8').trim().split('\n');
    expect(lines.length - 1).toBe(9); // header + the 9 finished tables (concurrency 1: none in flight)
    expect(fs.readFileSync(checkpoint, 'utf8')).not.toContain('@example.org'); // no sampled value

    const resumed = await runCli(scanArgs(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    const s = summary(resumed.stdout);
    expect(s.tables).toBe(TABLES);
    expect(s.queries).toBe(TABLES - 9); // only the unfinished tables were sampled
    expect(withoutTimestamps(fs.readFileSync(out, 'utf8'))).toBe(withoutTimestamps(full));
    expect(fs.existsSync(checkpoint)).toBe(false); // removed after success
  });

  it('refuses to resume with other settings, with a hint', async () => {
    const out = path.join(dir, 'changed.yml');
    const interrupted = await runCli(scanArgs(out), { env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: '3' } });
    expect(interrupted.code).toBe(130);
    const changed = await runCli(scanArgs(out, '--resume', '--sample-size', '50'));
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/other settings \(sampleSize changed\)/);
    expect(changed.stderr).toMatch(/without --resume/);
    // Without --resume the scan starts over and replaces the checkpoint.
    const fresh = await runCli(scanArgs(out, '--sample-size', '50'));
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(summary(fresh.stdout).queries).toBe(TABLES);
    expect(fs.existsSync(`${out}.checkpoint.jsonl`)).toBe(false);
  });

  it('refuses to resume after the config file was edited, naming the config', async () => {
    const out = path.join(dir, 'config-edited.yml');
    const config = path.join(dir, 'edited.config.yml');
    fs.writeFileSync(config, 'classification:\n  threshold: 0.3\n');
    const interrupted = await runCli(scanArgs(out, '--config', config), { env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: '3' } });
    expect(interrupted.code, interrupted.stderr).toBe(130);
    // The same path, other content: the classifier would differ from the tables already in the checkpoint.
    fs.writeFileSync(config, '# only a comment changed\nclassification:\n  threshold: 0.3\n');
    const sameContent = await runCli(scanArgs(out, '--config', config, '--resume'), { env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: '1' } });
    expect(sameContent.code, sameContent.stderr).toBe(130);
    fs.writeFileSync(config, 'classification:\n  threshold: 0.6\n');
    const edited = await runCli(scanArgs(out, '--config', config, '--resume'));
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`other settings (the config file ${config} changed)`);
    expect(edited.stderr).toMatch(/without --resume/);
  });
});

describe('shards and merge', () => {
  let shardFiles: string[];

  beforeAll(async () => {
    shardFiles = [1, 2, 3].map((i) => path.join(dir, `shard-${i}.yml`));
    const runs = await Promise.all(shardFiles.map((file, i) => runCli(scanArgs(file, '--shard', `${i + 1}/3`))));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const counts = runs.map((r) => summary(r.stdout).tables);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(TABLES);
    for (const c of counts) expect(c).toBeGreaterThan(0);
  });

  it('shards 1/3, 2/3, 3/3 merged equal the full scan', async () => {
    const out = path.join(dir, 'merged.yml');
    const merged = await runCli(['merge', ...shardFiles, '-o', out, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ files: 3, tables: TABLES, overlappingFields: 0 });
    expect(withoutTimestamps(fs.readFileSync(out, 'utf8'))).toBe(withoutTimestamps(full));
    expect(fidesLoadProblems([out, ...shardFiles])).toEqual([]);
  });

  it('keeps a human decision over a later proposal, and stops on two different decisions', async () => {
    // A reviewed shard file, merged with a later full scan that proposes something else.
    const reviewed = YAML.parseDocument(fs.readFileSync(shardFiles[0], 'utf8'));
    const field = reviewed.getIn(['dataset', 0, 'collections', 0, 'fields', 0]) as YAML.YAMLMap;
    const table = reviewed.getIn(['dataset', 0, 'collections', 0, 'name']) as string;
    const fieldName = field.get('name') as string;
    field.set('data_categories', reviewed.createNode(['user.unique_id']));
    (field.get('piiscout') as YAML.YAMLMap).set('status', 'edited');
    const reviewedFile = path.join(dir, 'reviewed.yml');
    fs.writeFileSync(reviewedFile, reviewed.toString({ lineWidth: 0 }));
    const laterFull = path.join(dir, 'later-full.yml');
    fs.writeFileSync(laterFull, full.replace(/scanned_at: .*/g, "scanned_at: '2999-01-01T00:00:00.000Z'"));

    for (const order of [[reviewedFile, laterFull], [laterFull, reviewedFile]]) {
      const out = path.join(dir, 'kept.yml');
      const run = await runCli(['merge', ...order, '-o', out, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).decisionsKept).toBe(1);
      const doc = YAML.parse(fs.readFileSync(out, 'utf8'));
      const kept = doc.dataset[0].collections.find((c: { name: string }) => c.name === table).fields.find((f: { name: string }) => f.name === fieldName);
      expect(kept.data_categories).toEqual(['user.unique_id']);
      expect(kept.piiscout.status).toBe('edited');
      expect(doc.dataset[0].collections).toHaveLength(TABLES);
    }

    const other = YAML.parseDocument(fs.readFileSync(reviewedFile, 'utf8'));
    (other.getIn(['dataset', 0, 'collections', 0, 'fields', 0]) as YAML.YAMLMap).set('data_categories', other.createNode(['user.name']));
    const otherFile = path.join(dir, 'other-review.yml');
    fs.writeFileSync(otherFile, other.toString({ lineWidth: 0 }));
    const conflict = await runCli(['merge', reviewedFile, otherFile, '-o', path.join(dir, 'conflict.yml')]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/different human decisions/);
    expect(fs.existsSync(path.join(dir, 'conflict.yml'))).toBe(false);
  });

  it('rejects a bad --shard', async () => {
    const run = await runCli(scanArgs(path.join(dir, 'bad.yml'), '--shard', '0/3'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/1-based|numbered from 1/);
  });
});
