/**
 * Fides' own "Cookie House" sample databases: the scan finds every table and column that Fides'
 * hand-written dataset describes, the primary keys declared in the SQL, and writes valid fideslang.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { corporaDir } from '../helpers/fixture-paths.js';
import { loadCookieHouseMariadb, loadCookieHousePostgres } from '../helpers/servers.js';

interface Field { name: string; data_categories?: string[]; fides_meta?: { primary_key?: boolean; references?: unknown[] } }
interface Collection { name: string; fields: Field[] }
interface Dataset { fides_key: string; name: string; collections: Collection[] }

/** Primary keys as declared in the corpus SQL (`id ... PRIMARY KEY` or `PRIMARY KEY (a, b)`). */
function primaryKeysFromSql(sql: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of sql.matchAll(/CREATE TABLE\s+(?:public\.)?(\w+)\s*\(([\s\S]*?)\n\);/gi)) {
    const [, table, body] = m;
    const composite = /PRIMARY KEY\s*\(([^)]*)\)/i.exec(body);
    if (composite) out.set(table, composite[1].split(',').map((s) => s.trim()));
    else {
      const inline = /^\s*(\w+)\s+[^,\n]*PRIMARY KEY/im.exec(body);
      if (inline) out.set(table, [inline[1]]);
    }
  }
  return out;
}

async function scan(url: string): Promise<Dataset[]> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-ch-')), 'scan.yml');
  const run = await runCli(['scan', url, '-o', out]);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(0);
  const doc = YAML.parse(fs.readFileSync(out, 'utf8'));
  expect(validateFidesDatasetFile(doc)).toEqual([]);
  return doc.dataset;
}

function checkAgainstFides(ours: Dataset, fidesFile: string, sqlFile: string): void {
  const fides: Dataset = YAML.parse(fs.readFileSync(fidesFile, 'utf8')).dataset[0];
  const ourCollections = new Map(ours.collections.map((c) => [c.name, c]));
  for (const collection of fides.collections) {
    const mine = ourCollections.get(collection.name);
    expect(mine, `collection ${collection.name}`).toBeTruthy();
    const fieldNames = new Set(mine!.fields.map((f) => f.name));
    for (const field of collection.fields) expect(fieldNames.has(field.name), `${collection.name}.${field.name}`).toBe(true);
  }
  const pks = primaryKeysFromSql(fs.readFileSync(sqlFile, 'utf8'));
  expect(pks.size).toBeGreaterThan(5);
  for (const [table, columns] of pks) {
    const mine = ourCollections.get(table);
    expect(mine, `table ${table}`).toBeTruthy();
    const ourPk = mine!.fields.filter((f) => f.fides_meta?.primary_key).map((f) => f.name).sort();
    expect(ourPk, `primary key of ${table}`).toEqual([...columns].sort());
  }
  // Every field carries a proposal with evidence-bearing review record.
  for (const c of ours.collections) for (const f of c.fields) expect(f.data_categories?.length).toBeGreaterThan(0);
}

describe.runIf(isEngineSelected('postgres'))('Cookie House on PostgreSQL', () => {
  it('scans every table and column with primary keys', async () => {
    const url = await loadCookieHousePostgres();
    const datasets = await scan(url);
    expect(datasets.map((d) => d.name).sort()).toEqual(['backup_schema', 'public']);
    const corpus = path.join(corporaDir, 'fides-cookie-house-postgres');
    checkAgainstFides(datasets.find((d) => d.name === 'public')!, path.join(corpus, 'postgres_example_test_dataset.yml'), path.join(corpus, 'postgres_sample.sql'));
  });
});

describe.runIf(isEngineSelected('mysql'))('Cookie House on MariaDB', () => {
  it('scans every table and column with primary keys', async () => {
    const url = await loadCookieHouseMariadb();
    const datasets = await scan(url);
    const corpus = path.join(corporaDir, 'fides-cookie-house-mariadb');
    const db = new URL(url).pathname.slice(1);
    const ours = datasets.find((d) => d.name === db);
    expect(ours).toBeTruthy();
    checkAgainstFides(ours!, path.join(corpus, 'mariadb_example_test_dataset.yml'), path.join(corpus, 'mariadb_example_schema.sql'));
  });
});
