/**
 * The evaluation end to end on real labelled corpora: load a corpus (Cookie House on PostgreSQL,
 * Chinook on SQLite and MariaDB), scan it with the built CLI, run `piiscout evaluate` with and
 * without the PIICatcher baseline, and check that every labelled field was evaluated and that
 * piiscout's F1 beats the baseline's. No absolute numbers: the classifier keeps changing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { corporaDir, labelsDir } from '../helpers/fixture-paths.js';
import { loadCookieHousePostgres, runMysqlSql } from '../helpers/servers.js';

const chinookDir = path.join(corporaDir, 'chinook');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-evaluate-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Report {
  readonly predictor: string;
  readonly matching: { truthFields: number; matched: number; truthOnly: string[]; ambiguous: string[] };
  readonly overall: { f1: number | null };
}

async function scan(url: string, name: string): Promise<string> {
  const output = path.join(work, `${name}.yml`);
  const run = await runCli(['scan', url, '-o', output, '-q']);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(0);
  return output;
}

async function evaluateCli(scanFile: string, truthFile: string, extra: string[] = []): Promise<Report> {
  const run = await runCli(['evaluate', scanFile, '--truth', truthFile, '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

/** Every truth field evaluated, and piiscout's F1 above the PIICatcher baseline's on the same fields. */
async function expectBeatsBaseline(scanFile: string, truthFile: string, extra: string[] = []): Promise<void> {
  const ours = await evaluateCli(scanFile, truthFile, extra);
  const baseline = await evaluateCli(scanFile, truthFile, [...extra, '--baseline', 'piicatcher']);
  expect(ours.predictor).toBe('piiscout');
  expect(baseline.predictor).toBe('piicatcher');
  for (const report of [ours, baseline]) {
    expect(report.matching.truthFields).toBeGreaterThan(0);
    expect(report.matching.truthOnly).toEqual([]);
    expect(report.matching.ambiguous).toEqual([]);
    expect(report.matching.matched).toBe(report.matching.truthFields);
  }
  expect(ours.overall.f1).not.toBeNull();
  expect(ours.overall.f1!).toBeGreaterThan(baseline.overall.f1 ?? 0);
}

describe.runIf(isEngineSelected('postgres'))('evaluation on the Cookie House [postgres]', () => {
  let scanFile: string;
  beforeAll(async () => {
    scanFile = await scan(await loadCookieHousePostgres(), 'cookie-house');
  });

  it('beats PIICatcher against the piiscout labels', async () => {
    await expectBeatsBaseline(scanFile, path.join(labelsDir, 'fides-cookie-house-postgres.labels.yml'));
  });

  it("beats PIICatcher against Fides' own annotations, matched in schema public", async () => {
    const fidesTruth = path.join(corporaDir, 'fides-cookie-house-postgres', 'postgres_example_test_dataset.yml');
    await expectBeatsBaseline(scanFile, fidesTruth, ['--schema', 'public']);
  });
});

describe.runIf(isEngineSelected('sqlite'))('evaluation on Chinook [sqlite]', () => {
  it('loads, scans and beats PIICatcher', async () => {
    // As load_all.sh does (sqlite3 < Chinook_Sqlite.sql), without needing the sqlite3 shell.
    const file = path.join(work, 'chinook.db');
    const db = new Database(file);
    try {
      db.exec(fs.readFileSync(path.join(chinookDir, 'Chinook_Sqlite.sql'), 'utf8'));
    } finally {
      db.close();
    }
    const scanFile = await scan(`sqlite:${file}`, 'chinook-sqlite');
    await expectBeatsBaseline(scanFile, path.join(labelsDir, 'chinook-sqlite.labels.yml'));
  });
});

describe.runIf(isEngineSelected('mysql'))('evaluation on Chinook [mysql]', () => {
  it('loads, scans and beats PIICatcher', async () => {
    // The corpus file creates database `Chinook` itself, the name its labels use.
    await runMysqlSql(fs.readFileSync(path.join(chinookDir, 'Chinook_MySql.sql'), 'utf8'));
    const url = process.env.PIISCOUT_TEST_MYSQL_URL;
    expect(url).toBeTruthy();
    const scanFile = await scan(`${url}Chinook`, 'chinook-my');
    await expectBeatsBaseline(scanFile, path.join(labelsDir, 'chinook-my.labels.yml'));
  });
});
