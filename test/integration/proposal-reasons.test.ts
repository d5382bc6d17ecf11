/**
 * Every proposal comes with at least one reason (issue 14.11): no field of a scan has `factors: {}` or
 * `evidence: []`, including the fields where nothing personal was found (once `confidence: 0.5` and
 * nothing else), on the demo (with and without the model), on the Chinook corpus, and on every engine
 * for columns without values to judge (empty tables, all-null columns).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { describeEngines, isEngineSelected } from '../helpers/engines.js';
import { chinookSqliteFile } from '../helpers/fixture-paths.js';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { workerScopedName } from '../helpers/servers.js';

interface Field {
  readonly name: string;
  readonly fields?: readonly Field[];
  readonly piiscout?: { readonly factors?: Record<string, number>; readonly evidence?: readonly { readonly reason?: string }[] };
}

/** `collection.field` of every field (nested ones too) without a factor, without evidence, or with an empty reason. */
function fieldsWithoutReasons(file: string): { fields: number; without: string[] } {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const without: string[] = [];
  let fields = 0;
  const visit = (field: Field, at: string): void => {
    fields++;
    const p = field.piiscout;
    const ok = Object.keys(p?.factors ?? {}).length > 0 && (p?.evidence?.length ?? 0) > 0 && p!.evidence!.every((e) => (e.reason ?? '').trim() !== '');
    if (!ok) without.push(`${at}.${field.name}`);
    for (const child of field.fields ?? []) visit(child, `${at}.${field.name}`);
  };
  for (const dataset of doc.dataset) for (const c of dataset.collections) for (const f of c.fields) visit(f, `${dataset.name}.${c.name}`);
  return { fields, without };
}

async function scanned(args: readonly string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-reasons-'));
  const out = path.join(dir, 'scan.yml');
  const run = await runCli(['scan', ...args, '-o', out, '-q']);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

describe.runIf(isEngineSelected('pglite'))('reasons on the demo', () => {
  it.each([[[]], [['--no-ml']]])('scan --demo %j: every field has factors and evidence', { timeout: 240_000 }, async (flags) => {
    const { fields, without } = fieldsWithoutReasons(await scanned(['--demo', ...flags]));
    expect(fields).toBeGreaterThan(100);
    expect(without).toEqual([]);
  });
});

describe.runIf(isEngineSelected('sqlite'))('reasons on a corpus', () => {
  it.each([[[]], [['--no-ml']], [['--ml-only']]])('Chinook %j: every field has factors and evidence', async (flags) => {
    const { fields, without } = fieldsWithoutReasons(await scanned([`sqlite:${await chinookSqliteFile()}`, ...flags]));
    expect(fields).toBe(64);
    expect(without).toEqual([]);
  });
});

const NOTHING_TO_JUDGE: FixtureTable[] = [
  { name: 'empty_table', columns: [{ name: 'id', type: 'int', pk: true }, { name: 'code', type: 'text' }, { name: 'amount', type: 'decimal' }], rows: [] },
  {
    name: 'sparse',
    columns: [{ name: 'id', type: 'int', pk: true }, { name: 'flag', type: 'bool' }, { name: 'nothing', type: 'text' }, { name: 'ref_no', type: 'text' }],
    rows: Array.from({ length: 30 }, (_, i) => [i + 1, i % 2 === 0, null, `R-${1000 + i}`]),
  },
];

describeEngines('reasons for columns without values to judge', (engine) => {
  let url: string;
  beforeAll(async () => {
    url = await createFixture(engine, workerScopedName(`reasons_${engine}`), NOTHING_TO_JUDGE);
  });

  it('every field has factors and evidence, with and without the model', async () => {
    for (const flags of [[], ['--no-ml']]) {
      const { fields, without } = fieldsWithoutReasons(await scanned([url, ...flags]));
      expect(fields).toBe(7);
      expect(without, flags.join(' ')).toEqual([]);
    }
  });
});
