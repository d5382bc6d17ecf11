/**
 * Tables and columns named with what YAML 1.1 reads as something else (booleans, null, a merge key,
 * sexagesimal numbers, dates, `1_000`, tabs): on every engine, the scan file, a review of it and a
 * re-scan merged into it load in Fides' own loader with every name exact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { selectedEngines } from '../helpers/engines.js';
import { fidesLoadProblems, pyyamlLoad } from '../helpers/fides-load-check.js';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';

const NAMES = ['yes', 'no', 'on', 'off', 'y', 'n', '~', 'null', '<<', '=', '12:30:45', '2024-01-01', '1_000', '0x1F', '+1', '.inf', 'tab\there'];

function tables(engine: string): FixtureTable[] {
  // Every name as a table (each with all names as columns); on PostgreSQL also as a schema.
  return NAMES.map((name, i) => ({
    ...(engine === 'postgres' || engine === 'pglite' ? { schema: i % 2 ? 'no' : 'yes' } : {}),
    name,
    columns: NAMES.map((column, k) => ({ name: column, type: k === 0 ? ('int' as const) : ('text' as const), pk: k === 0 })),
    rows: Array.from({ length: 3 }, (_, r) => NAMES.map((_, k) => (k === 0 ? r + 1 : `value ${r}`))),
  }));
}

/** Table and column names of every dataset in each file, as PyYAML reads them (one Python run). */
function namesReadByPyYaml(files: readonly string[]): { tables: unknown[]; columns: unknown[]; keys: unknown[] }[] {
  return pyyamlLoad(files.map((file) => fs.readFileSync(file, 'utf8'))).map((read, i) => {
    if ('error' in read) throw new Error(`PyYAML cannot read ${files[i]}: ${read.error}`);
    const datasets = (read.value as { dataset: { fides_key: unknown; collections: { name: unknown; fields: { name: unknown }[] }[] }[] }).dataset;
    return {
      keys: datasets.map((d) => d.fides_key),
      tables: datasets.flatMap((d) => d.collections.map((c) => c.name)),
      columns: datasets.flatMap((d) => d.collections.flatMap((c) => c.fields.map((f) => f.name))),
    };
  });
}

for (const engine of selectedEngines()) {
  describe(`names YAML 1.1 reads as other types, on ${engine}`, () => {
    let url: string;
    let dir: string;
    beforeAll(async () => {
      url = await createFixture(engine, `yaml11_${engine}_${process.pid}`, tables(engine));
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-yaml11-'));
    });

    it('scan, review and re-scan files load in Fides with every name exact', async () => {
      // Each stage's file is kept and all are checked together at the end: each Python start costs seconds.
      const out = path.join(dir, 'scan.yml');
      const scanned = path.join(dir, '1-scanned.yml');
      const reviewed = path.join(dir, '2-reviewed.yml');
      const scan = await runCli(['scan', url, '-o', out, '--no-ml']);
      expect(scan.code, scan.stderr).toBe(0);
      fs.copyFileSync(out, scanned);

      // A review decision on a field whose table and column are both special, then a re-scan merged in.
      const ref = (engine === 'postgres' || engine === 'pglite' ? 'yes.' : '') + 'yes.on';
      const review = await runCli(['review', out, '--set', `${ref}=user.name`, '--accept', (engine === 'postgres' || engine === 'pglite' ? 'yes.' : '') + '<<.=']);
      expect(review.code, review.stderr).toBe(0);
      fs.copyFileSync(out, reviewed);
      const rescan = await runCli(['scan', url, '-o', out, '--no-ml']);
      expect(rescan.code, rescan.stderr).toBe(0);
      expect(rescan.stderr).toMatch(/2 decisions kept/);

      expect(fidesLoadProblems([scanned, reviewed, out])).toEqual([]);
      const [first, last] = namesReadByPyYaml([scanned, out]);
      expect([...first.tables].sort()).toEqual([...NAMES].sort());
      expect(first.columns).toHaveLength(NAMES.length * NAMES.length);
      expect(new Set(first.columns)).toEqual(new Set(NAMES));
      for (const key of first.keys) expect(typeof key).toBe('string');
      expect(new Set(last.columns)).toEqual(new Set(NAMES));
      const decided = YAML.parse(fs.readFileSync(out, 'utf8'))
        .dataset.flatMap((d: { collections: { name: string; fields: { name: string; piiscout: { status: string } }[] }[] }) =>
          d.collections.flatMap((c) => c.fields.filter((f) => f.piiscout.status !== 'proposed').map((f) => `${c.name}.${f.name}`)),
        )
        .sort();
      expect(decided).toEqual(['<<.=', 'yes.on']);
      // Three scans and two Python runs over 289 fields: tens of seconds on a loaded 2-core machine.
    }, 240_000);
  });
}
