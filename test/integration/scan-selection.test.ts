/**
 * A filter that selects nothing is an error (exit 1) naming each --include pattern that matched
 * nothing and what it could have meant, in a scan and in a dry run, on every engine; nothing is
 * sampled or written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../helpers/engines.js';
import { createFixture, runCli, type CliRun, type FixtureTable } from '../helpers/fixtures.js';

const TABLES: FixtureTable[] = [
  {
    schema: 'crm',
    name: 'customers',
    columns: [
      { name: 'id', type: 'int', pk: true },
      { name: 'email', type: 'text' },
    ],
    rows: [[1, 'a@example.com']],
  },
  { schema: 'crm', name: 'orders', columns: [{ name: 'id', type: 'int', pk: true }, { name: 'total', type: 'decimal' }], rows: [[1, 9.5]] },
];

/** One typo in a name: the first letter that can change becomes another. */
function typo(name: string): string {
  const i = name.search(/[a-z]/);
  return name.slice(0, i) + (name[i] === 'q' ? 'p' : 'q') + name.slice(i + 1);
}

function expectSelectionError(run: CliRun, message: RegExp): void {
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code, run.stderr).toBe(1);
  // Progress lines come first (piiscout x.y.z: scanning …, connecting …); then the error, its hint, nothing more.
  const lines = run.stderr.trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith('piiscout: error: '));
  expect(lines.filter((l) => l.startsWith('piiscout: error: ')), run.stderr).toHaveLength(1);
  expect(lines[at]).toMatch(message);
  expect(lines[at + 1]).toMatch(/^ {2}hint: the database has schema\(s\) /);
  expect(lines.slice(at + 2)).toEqual([]);
}

describeEngines('scan with filters that select nothing', (engine) => {
  let url: string;
  let schema: string;
  let dir: string;
  beforeAll(async () => {
    url = await createFixture(engine, `sel_${engine}_${process.pid}`, TABLES);
    schema = engine === 'mysql' ? new URL(url).pathname.slice(1) : engine === 'sqlite' ? 'main' : 'crm';
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-selection-'));
  });

  it('a schema typo: exit 1 with the schema it could have meant, scan and dry run, nothing written', async () => {
    const out = path.join(dir, 'typo.yml');
    const pattern = `${typo(schema)}.*`;
    for (const extra of [[], ['--dry-run']]) {
      const run = await runCli(['scan', url, '--include', pattern, '-o', out, ...extra]);
      expectSelectionError(run, new RegExp(`--include '${pattern.replace(/[.*]/g, '\\$&')}' matches no table \\(did you mean '${schema}\\.\\*'\\?\\)$`));
      expect(run.stdout).toBe('');
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('names each pattern that matched nothing, with the table it could have meant', async () => {
    const run = await runCli(['scan', url, '--include', '*.customers', '--include', '*.ordrs', '--include', `${schema}.customers.emial`, '--dry-run']);
    expectSelectionError(run, /^piiscout: error: --include '\*\.ordrs' matches no table \(did you mean '\*\.orders'\?\); --include '.*\.customers\.emial' matches no column \(did you mean '.*\.customers\.email'\?\)$/);
    expect(run.stderr).toMatch(/tables in .*: customers, orders/);
  });

  it('include and exclude that leave nothing', async () => {
    const run = await runCli(['scan', url, '--include', '*.customers', '--exclude', '*.cust*', '--dry-run']);
    expectSelectionError(run, /--include\/--exclude leave no table to scan \(1 table\(s\) match --include, --exclude removes them all\)/);
    const all = await runCli(['scan', url, '--exclude', '*.*', '--no-ml', '-o', path.join(dir, 'none.yml')]);
    expectSelectionError(all, /--exclude removes all 2 table\(s\): nothing is left to scan/);
  });

  it('filters that select something still scan', async () => {
    const run = await runCli(['scan', url, '--include', '*.customers', '--include', `${schema.toUpperCase()}.ORDERS`, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/A scan would sample 2 of 2 table\(s\)/);
  });
}, ['postgres', 'mysql', 'sqlite', 'pglite']);
