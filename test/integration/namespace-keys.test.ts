/**
 * Human decisions stay with their schema (PostgreSQL) or database (MariaDB) when another one
 * appears. Names that clean up alike (`клиенты` and `заказы`; `a b`, `a;b`, `a_b`) used to share a
 * key plus a counter, so a new schema shifted the counters and a re-scan moved decisions to another
 * schema's dataset, marked [removed], where `review --remove` would delete them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isEngineSelected, type TestEngine } from '../helpers/engines.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { renderSql, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { createPostgresDatabase, mysqlAdminUrl, runMysqlSql, runPostgresSql } from '../helpers/servers.js';

const BASE = ['клиенты', 'заказы', 'a b', 'a;b', 'a_b'];
/** Sort before the others and clean up to the same key as some of them. */
const LATER = ['архив', 'a a'];
const DECISIONS: Record<string, string[]> = {
  клиенты: ['--accept'],
  заказы: ['--set', '=user.name'],
  'a b': ['--ignore'],
  'a;b': ['--set', '=user.contact.phone_number'],
  a_b: ['--set', '=user.unique_id'],
};
const EXPECTED: Record<string, { status: string; categories: string[] }> = {
  клиенты: { status: 'accepted', categories: ['user.contact.email'] },
  заказы: { status: 'edited', categories: ['user.name'] },
  'a b': { status: 'ignored', categories: ['user.contact.email'] },
  'a;b': { status: 'edited', categories: ['user.contact.phone_number'] },
  a_b: { status: 'edited', categories: ['user.unique_id'] },
};

const people = (schema?: string): FixtureTable => ({
  ...(schema ? { schema } : {}),
  name: 'people',
  columns: [
    { name: 'id', type: 'int', pk: true },
    { name: 'email', type: 'text' },
  ],
  rows: Array.from({ length: 30 }, (_, i) => [i + 1, `person${i}@example.com`]),
});

interface Setup {
  url: string;
  extra: string[];
  /** The schema (MariaDB: database) name for a base name. */
  schema(name: string): string;
  addLater(): Promise<void>;
}

async function setUp(engine: TestEngine): Promise<Setup> {
  const tag = `w${process.env.VITEST_POOL_ID ?? '0'}p${process.pid}`;
  if (engine === 'postgres') {
    const database = `ns_keys_${tag}`;
    const url = await createPostgresDatabase(database, { sql: renderSql('postgres', BASE.map(people)) });
    return {
      url,
      extra: [],
      schema: (name) => name,
      addLater: () => runPostgresSql(database, renderSql('postgres', LATER.map(people))),
    };
  }
  // MariaDB: one database per name, scanned server-wide and limited to this run's databases.
  const schema = (name: string): string => `${name}_${tag}`;
  const create = async (names: readonly string[]): Promise<void> => {
    for (const name of names) {
      const db = schema(name).replaceAll('`', '``');
      await runMysqlSql(`DROP DATABASE IF EXISTS \`${db}\`;\nCREATE DATABASE \`${db}\` CHARACTER SET utf8mb4;\nUSE \`${db}\`;\n${renderSql('mysql', [people()])}`);
    }
  };
  await create(BASE);
  return { url: mysqlAdminUrl(), extra: ['--include', `*_${tag}`], schema, addLater: () => create(LATER) };
}

/** Dataset name (schema) → the people.email field. */
function emailFields(file: string): Map<string, { status: string; categories: string[]; removed: boolean }> {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as {
    dataset: {
      name: string;
      collections: {
        name: string;
        fields: { name: string; data_categories: string[]; piiscout: { status: string; removed?: boolean } }[];
      }[];
    }[];
  };
  const out = new Map<string, { status: string; categories: string[]; removed: boolean }>();
  for (const d of doc.dataset) {
    const email = d.collections.find((c) => c.name === 'people')?.fields.find((f) => f.name === 'email');
    if (email) out.set(d.name, { status: email.piiscout.status, categories: email.data_categories, removed: email.piiscout.removed === true });
  }
  return out;
}

for (const engine of (['postgres', 'mysql'] as const).filter(isEngineSelected)) {
  describe(`decisions stay with their ${engine === 'postgres' ? 'schema' : 'database'} when another appears [${engine}]`, () => {
    let setup: Setup;
    let dir: string;
    beforeAll(async () => {
      setup = await setUp(engine);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-ns-'));
    });

    it('keeps every decision exactly, marks nothing removed, and leaves nothing for review --remove', async () => {
      const out = path.join(dir, 'scan.yml');
      const scan = await runCli(['scan', setup.url, '-o', out, '--no-ml', ...setup.extra]);
      expect(scan.code, scan.stderr).toBe(0);
      // PostgreSQL's empty `public` schema is a dataset too.
      const keys = (YAML.parse(fs.readFileSync(out, 'utf8')).dataset as { fides_key: string; name: string }[]).map((d) => [d.name, d.fides_key]).filter(([name]) => name !== 'public');
      expect(keys.map(([name]) => name).sort()).toEqual(BASE.map(setup.schema).sort());
      expect(new Set(keys.map(([, k]) => k)).size).toBe(BASE.length);

      const args = BASE.flatMap((name) => {
        const [flag, categories] = DECISIONS[name];
        return [flag, `${setup.schema(name)}.people.email${categories ?? ''}`];
      });
      const review = await runCli(['review', out, ...args]);
      expect(review.code, review.stderr).toBe(0);

      await setup.addLater();
      const rescan = await runCli(['scan', setup.url, '-o', out, '--no-ml', ...setup.extra]);
      expect(rescan.code, rescan.stderr).toBe(0);
      expect(rescan.stderr).toMatch(/merged: 2 new tables, 4 new fields, 0 removed tables, 0 removed fields, .*5 decisions kept/);

      const fields = emailFields(out);
      for (const name of BASE) expect(fields.get(setup.schema(name)), name).toEqual({ ...EXPECTED[name], removed: false });
      for (const name of LATER) expect(fields.get(setup.schema(name))).toMatchObject({ status: 'proposed', removed: false });
      // Each dataset kept its key.
      const after = new Map((YAML.parse(fs.readFileSync(out, 'utf8')).dataset as { fides_key: string; name: string }[]).map((d) => [d.name, d.fides_key]));
      for (const [name, key] of keys) expect(after.get(name), name).toBe(key);
      expect(fidesLoadProblems([out])).toEqual([]);

      // Nothing is marked removed, so nothing can be deleted by mistake.
      const remove = await runCli(['review', out, '--remove', `${setup.schema('клиенты')}.people.email`]);
      expect(remove.code).toBe(1);
      expect(remove.stderr).toContain('is not marked removed');
      const check = await runCli(['check', out, '--json']);
      const unreviewed = (JSON.parse(check.stdout).files[0].unreviewed as { removed: boolean }[]).filter((f) => f.removed);
      expect(unreviewed).toEqual([]);
    });
  });
}
