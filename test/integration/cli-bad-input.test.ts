/**
 * Hostile or careless input to the built CLI: malformed percent-encoding, NUL and escape sequences in
 * a URL, huge and backtracking-prone patterns, YAML alias bombs, impossible combinations. Each is one
 * `piiscout: error:` line and a hint with exit 2 (usage) or 1, never a stack trace (exit 70), and no
 * control character reaches the terminal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../helpers/engines.js';
import { createFixture, runCli, type CliRun } from '../helpers/fixtures.js';

function expectOneLine(run: CliRun, code: number, message: RegExp): void {
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code, run.stderr).toBe(code);
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('piiscout: error:'));
  expect(errors, run.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(run.stderr).toMatch(/\n {2}hint: /);
  expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
}

/** A billion-laughs document: nine levels of nine aliases (9^9 strings once expanded). */
function aliasBomb(tail = ''): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n' + tail;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-bad-input-'));
});

describeEngines(
  'malformed connection strings',
  (engine) => {
    let url: URL;
    beforeAll(async () => {
      url = new URL(await createFixture(engine, `badurl_${engine}_${process.pid}`, [{ name: 't', columns: [{ name: 'id', type: 'int', pk: true }], rows: [] }]));
    });

    it('malformed percent-encoding in the password, user or database: usage error that never shows the password', async () => {
      const secret = 'zz9secret';
      const withPassword = `${url.protocol}//${url.username}:%${secret}@${url.host}${url.pathname}`;
      const run = await runCli(['scan', withPassword, '--dry-run']);
      expectOneLine(run, 2, /^piiscout: error: Malformed percent-encoding in the password of the connection string$/);
      expect(run.stderr + run.stdout).not.toContain(secret);
      expectOneLine(await runCli(['scan', `${url.protocol}//u%zz@${url.host}${url.pathname}`, '--dry-run']), 2, /in the user name/);
      expectOneLine(await runCli(['scan', `${url.protocol}//${url.username}@${url.host}/db%e2%28`, '--dry-run']), 2, /in the database name/);
    });

    it('NUL in a name is refused; other control characters are shown escaped', async () => {
      const nul = await runCli(['scan', `${url.protocol}//${url.username}@${url.host}/d%00b`, '--dry-run']);
      expectOneLine(nul, 2, /The database name in the connection string contains a NUL character \(%00\)/);
      const escape = await runCli(['scan', `${url.protocol}//${url.username}@${url.host}/d%0a%1b%5b31mb`, '--dry-run']);
      expect(escape.code).toBe(1); // no such database
      expect(escape.stderr).toContain('d\\x0a\\x1b[31mb');
      expect(escape.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    });
  },
  ['postgres', 'mysql'],
);

describe('file connection strings', () => {
  it('sqlite: and pglite: paths with %zz or %00 are usage errors', async () => {
    expectOneLine(await runCli(['scan', 'sqlite:./a%zz.db']), 2, /Malformed percent-encoding in the file path/);
    expectOneLine(await runCli(['scan', 'sqlite:./a%00b.db']), 2, /The file path in the connection string contains a NUL character/);
    expectOneLine(await runCli(['scan', 'pglite:./d%00']), 2, /contains a NUL character/);
  });
});

describe('patterns', () => {
  let db: string;
  beforeAll(async () => {
    db = await createFixture('sqlite', `longname_${process.pid}`, [{ name: 'a'.repeat(300), columns: [{ name: 'id', type: 'int', pk: true }], rows: [[1]] }]);
  });

  it('a 100,000-character --include is a usage error', async () => {
    const run = await runCli(['scan', '--demo', '--include', 'p'.repeat(100_000), '--dry-run']);
    expectOneLine(run, 2, /^piiscout: error: Pattern too long: 100,000 characters, at most 1,000$/);
  });

  it('a pattern that makes a regex backtrack is matched in linear time against a 300-character table name', async () => {
    const run = await runCli(['scan', db, '--include', `main.${'*a'.repeat(15)}*b`, '--dry-run'], { killAfterMs: 50_000 });
    expectOneLine(run, 1, /--include 'main\.(\*a){15}\*b' matches no table/);
    const hit = await runCli(['scan', db, '--include', `main.${'*a'.repeat(15)}*`, '--dry-run'], { killAfterMs: 50_000 });
    expect(hit.code, hit.stderr).toBe(0);
    expect(hit.stdout).toContain('A scan would sample 1 of 1 table(s)');
  });

  it('brace explosions and unclosed classes are usage errors', async () => {
    expectOneLine(await runCli(['scan', '--demo', '--include', `public.${'{a,b}'.repeat(20)}`]), 2, /more than 256 alternatives/);
    expectOneLine(await runCli(['scan', '--demo', '--include', 'public.[ab']), 2, /'\[' without a matching '\]'/);
  });
});

describe('YAML alias bombs', () => {
  it('as --config of scan, review and schedule: one line, exit 2', async () => {
    fs.writeFileSync(path.join(dir, 'bomb.yml'), aliasBomb());
    const message = /bomb\.yml: its aliases \(\*name\) expand too much; refused as a resource-exhaustion attack$/;
    expectOneLine(await runCli(['scan', '--demo', '--config', 'bomb.yml', '--dry-run'], { cwd: dir }), 2, message);
    expectOneLine(await runCli(['schedule', '--once', '--config', 'bomb.yml'], { cwd: dir }), 2, message);
    fs.writeFileSync(path.join(dir, 'empty.yml'), 'dataset:\n- fides_key: d\n  collections: []\n');
    expectOneLine(await runCli(['review', 'empty.yml', '--config', 'bomb.yml'], { cwd: dir }), 2, message);
  });

  it('as --systems of export and as a dataset file of diff: one line, exit 1', async () => {
    fs.writeFileSync(path.join(dir, 'systems.yml'), aliasBomb('system: []\n'));
    fs.writeFileSync(path.join(dir, 'd.yml'), 'dataset:\n- fides_key: d\n  collections: []\n');
    fs.writeFileSync(path.join(dir, 'bomb-dataset.yml'), aliasBomb('dataset: []\n'));
    const message = /its aliases \(\*name\) expand too much/;
    expectOneLine(await runCli(['export', 'd.yml', '--systems', 'systems.yml', '-o', 'x.csv'], { cwd: dir }), 1, message);
    expectOneLine(await runCli(['diff', 'bomb-dataset.yml', 'd.yml'], { cwd: dir }), 1, message);
  });
});

describe('contradictory or impossible options', () => {
  it('-o - with --resume is a usage error (a scan to stdout keeps no checkpoint)', async () => {
    expectOneLine(await runCli(['scan', '--demo', '-o', '-', '--resume']), 2, /--resume needs an output file: a scan to stdout \(-o -\) keeps no checkpoint/);
  });

  it('schedule --once with an invalid config exits 2, as documented', async () => {
    fs.writeFileSync(path.join(dir, 'bad-sources.yml'), 'sources:\n  - name: x\n    url: sqlite:./x.db\n    schedule: "every day"\n');
    const run = await runCli(['schedule', '--once', '--config', 'bad-sources.yml'], { cwd: dir });
    expectOneLine(run, 2, /bad-sources\.yml: sources\[0\]\.schedule: /);
  });
});
