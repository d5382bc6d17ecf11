/**
 * A config file changes only what it declares (issue 14.2): a scan with a config that declares no
 * classification (`sources: []`, the file `piiscout init` writes, an empty file) writes the same
 * dataset as a scan without one, on every engine. Once, any config dropped the column model's
 * "not personal" votes for the whole scan: film titles became person names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faker } from '@faker-js/faker';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../helpers/engines.js';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { workerScopedName } from '../helpers/servers.js';

const ROWS = 120;

/** A small rental shop: people, film titles, product words, codes and dates, where the model has a say. */
function tables(): FixtureTable[] {
  faker.seed(14);
  const rows = <T>(make: (i: number) => T): T[] => Array.from({ length: ROWS }, (_, i) => make(i));
  return [
    {
      name: 'film',
      columns: [
        { name: 'film_id', type: 'int', pk: true },
        { name: 'title', type: 'text' },
        { name: 'description', type: 'text' },
        { name: 'release_year', type: 'int' },
        { name: 'rental_rate', type: 'decimal' },
        { name: 'rating', type: 'text' },
      ],
      rows: rows((i) => [i + 1, faker.word.words({ count: 2 }).toUpperCase(), faker.lorem.sentence(), 1990 + (i % 30), 0.99 + (i % 3), ['G', 'PG', 'R', 'NC-17'][i % 4]]),
    },
    {
      name: 'actor',
      columns: [
        { name: 'actor_id', type: 'int', pk: true },
        { name: 'first_name', type: 'text' },
        { name: 'last_name', type: 'text' },
        { name: 'last_update', type: 'date' },
      ],
      rows: rows((i) => [i + 1, faker.person.firstName().toUpperCase(), faker.person.lastName().toUpperCase(), '2006-02-15']),
    },
    {
      name: 'product',
      columns: [
        { name: 'id', type: 'int', pk: true },
        { name: 'product_name', type: 'text' },
        { name: 'code', type: 'text' },
        { name: 'label', type: 'text' },
      ],
      rows: rows((i) => [i + 1, faker.commerce.productName(), faker.string.alphanumeric(8).toUpperCase(), faker.word.noun()]),
    },
    {
      name: 'store',
      columns: [
        { name: 'store_id', type: 'int', pk: true },
        { name: 'manager', type: 'text' },
        { name: 'city', type: 'text' },
        { name: 'phone', type: 'text' },
        { name: 'opened', type: 'date' },
      ],
      rows: rows((i) => [i + 1, faker.person.fullName(), faker.location.city(), faker.phone.number(), faker.date.past({ years: 3, refDate: '2024-01-01' }).toISOString().slice(0, 10)]),
    },
  ];
}

/**
 * The file without what changes between two scans by itself: the time, and the engine's row estimate
 * (autovacuum may ANALYZE the fresh tables between two scans; InnoDB re-samples its statistics).
 */
// row_estimate is the server's statistic: autovacuum may analyze a table between two scans (it appears then).
const comparable = (text: string): string => text.replace(/scanned_at: .*/g, 'scanned_at: <time>').replace(/^ *row_estimate: \d+\n/gm, '');

describeEngines('a config that declares no classification changes no field', (engine) => {
  let url: string;
  let dir: string;
  let baseline: string;

  beforeAll(async () => {
    url = await createFixture(engine, workerScopedName(`noop_config_${engine}`), tables());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-noop-config-'));
    const run = await runCli(['scan', url, '-o', 'none.yml', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    baseline = comparable(fs.readFileSync(path.join(dir, 'none.yml'), 'utf8'));
    // The model speaks in this fixture, so dropping its votes would show.
    expect(baseline).toContain('source: column-model@');
  });

  const configs: [string, (file: string) => Promise<void>][] = [
    ['sources: []', async (file) => fs.writeFileSync(file, 'sources: []\n')],
    ['an empty file', async (file) => fs.writeFileSync(file, '')],
    ['empty classification lists', async (file) => fs.writeFileSync(file, 'classification:\n  disable: []\n  recognizers: []\n  categories: []\n')],
    [
      'the starter file of piiscout init',
      async (file) => {
        const run = await runCli(['init', path.basename(file)], { cwd: path.dirname(file) });
        expect(run.code, run.stderr).toBe(0);
      },
    ],
  ];

  it.each(configs)('%s', async (label, write) => {
    const name = label.replace(/[^a-z]+/gi, '-');
    const configFile = path.join(dir, `${name}.config.yml`);
    await write(configFile);
    const run = await runCli(['scan', url, '--config', configFile, '-o', `${name}.yml`, '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(comparable(fs.readFileSync(path.join(dir, `${name}.yml`), 'utf8'))).toBe(baseline);
  });
});
