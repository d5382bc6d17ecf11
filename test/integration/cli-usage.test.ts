/**
 * Bad command lines, on the built CLI: every one is a single `piiscout: error:` line with a hint and
 * exit 2, never commander's own format or a stack; numbers are bounded and plain; help shows the
 * bounds and no empty defaults.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/fixtures.js';

/** One error line, one hint line, nothing else (and no stack, no commander format). */
function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(2);
  expect(lines[0]).toMatch(/^piiscout: error: /);
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toMatch(/^ {2}hint: /);
  expect(run.stdout).toBe('');
}

let dir: string;
let dataset: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-usage-'));
  dataset = path.join(dir, 'd.yml');
  fs.writeFileSync(dataset, 'dataset:\n- fides_key: d\n  collections: []\n');
});

describe("commander's errors in piiscout's format", () => {
  it('an unknown option gets the prefix, a hint and a did-you-mean (also for abbreviations)', async () => {
    const run = await runCli(['scan', '--sample', '5', '--demo']);
    expectUsageError(run, /unknown option '--sample' \(did you mean '--sample-size'\?\)$/);
    expect(run.stderr).toContain("hint: run 'piiscout scan --help' for its options");
    expectUsageError(await runCli(['scan', '--sampel-size', '5', '--demo']), /did you mean '--sample-size'\?/);
    expectUsageError(await runCli(['check', dataset, '--coverge', '90']), /unknown option '--coverge' \(did you mean '--coverage'\?\)/);
  });

  it('never echoes what follows = in an unknown option (it may be a password)', async () => {
    const run = await runCli(['scan', '--pasword=hunter2secret', '--demo']);
    expectUsageError(run, /unknown option '--pasword=…'/);
    expect(run.stderr).not.toContain('hunter2secret');
  });

  it('an unknown command and an unknown choice get a did-you-mean', async () => {
    expectUsageError(await runCli(['scna', '--demo']), /unknown command 'scna' \(did you mean 'scan'\?\)/);
    expectUsageError(await runCli(['review', dataset, '--status', 'propsed']), /'propsed' is not one of proposed, .* \(did you mean 'proposed'\?\)/);
  });

  it('missing and excess arguments are usage errors in the same format', async () => {
    expectUsageError(await runCli(['review']), /missing required argument 'file'/);
    expectUsageError(await runCli(['scan', '--demo', '-o']), /option '-o, --output <file>' argument missing/);
    expectUsageError(await runCli(['evaluate', dataset]), /required option '--truth <file>' not specified/);
    const excess = await runCli(['scan', 'sqlite:a.db', 'crm.users', 'crm.orders']);
    expectUsageError(excess, /too many arguments for 'scan'/);
    expect(excess.stderr).toMatch(/quote glob patterns/);
  });

  it('no command prints the help and exits 2; --help and --version exit 0', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: piiscout/);
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('numeric options are bounded plain numbers', () => {
  const bad: [string[], RegExp][] = [
    [['scan', '--demo', '--sample-size', '1e9'], /--sample-size must be a whole number from 0 to 10,000, got '1e9'/],
    [['scan', '--demo', '--sample-size', '1e20'], /--sample-size must be a whole number from 0 to 10,000/],
    [['scan', '--demo', '--sample-size', '10001'], /--sample-size must be a whole number from 0 to 10,000/],
    [['scan', '--demo', '--sample-size', '1.5'], /--sample-size must be a whole number/],
    [['scan', '--demo', '--sample-size', ''], /--sample-size must be a whole number/],
    [['scan', '--demo', '--sample-size', '0x10'], /--sample-size must be a whole number/],
    [['scan', '--demo', '--statement-timeout', '1e12'], /--statement-timeout must be a whole number of seconds from 1 to 3,600/],
    [['scan', '--demo', '--statement-timeout', '0'], /--statement-timeout must be a whole number of seconds from 1 to 3,600/],
    [['scan', '--demo', '--concurrency', '1000'], /--concurrency must be a whole number from 1 to 64/],
    [['scan', '--demo', '--max-value-length', '1000000'], /--max-value-length must be a whole number from 16 to 4,096/],
    [['scan', '--demo', '--seed', '-1'], /--seed must be a whole number from 0 to 2,147,483,647/],
    [['scan', '--demo', '--shard', '1/100000'], /--shard must be i\/n with 1 ≤ i ≤ n ≤ 10,000/],
    [['evaluate', 'x.yml', '--truth', 'y.yml', '--top', '1e3'], /--top must be a whole number from 1 to 1,000/],
    [['review', 'x.yml', '--serve', '--port', '70000'], /--port must be a whole number from 1 to 65,535, got '70000'/],
    [['review', 'x.yml', '--accept-above', '1e-1'], /--accept-above must be a number from 0 to 1/],
    [['review', 'x.yml', '--accept-above', '1.5'], /--accept-above must be a number from 0 to 1/],
    [['check', 'x.yml', '--coverage', '101'], /--coverage must be a percentage from 0 to 100/],
    [['check', 'x.yml', '--coverage', 'Infinity'], /--coverage must be a percentage from 0 to 100/],
    [['schedule', '--stop-timeout', '1e9'], /--stop-timeout must be a whole number of seconds from 0 to 3,600/],
  ];
  it.each(bad)('%j', async (args, message) => {
    expectUsageError(await runCli(args, { cwd: dir }), message);
  });

  it('a very long value is cut in the message', async () => {
    const run = await runCli(['scan', '--demo', '--sample-size', '9'.repeat(100_000)]);
    expectUsageError(run, /got '9{40}… \(100,000 characters\)'$/);
    expect(run.stderr.length).toBeLessThan(400);
  });
});

describe('help', () => {
  it('shows no empty defaults, shows the bounds, and points at the README that is there', async () => {
    const scan = await runCli(['scan', '--help']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).not.toMatch(/default: \[\]|default: false/);
    const text = scan.stdout.replace(/\s+/g, ' '); // help wraps lines
    expect(text).toMatch(/rows sampled per table, one query per table \(0 to 10,000\) \(default: 200\)/);
    expect(text).toMatch(/timeout for each SQL statement \(1 to 3,600\)/);
    const top = await runCli(['--help']);
    const docs = /Docs: (\S+) \(the README of this version\), or (https:\/\/\S+)/.exec(top.stdout);
    expect(docs, top.stdout).not.toBeNull();
    expect(fs.existsSync(docs![1])).toBe(true);
    for (const command of ['review', 'check', 'schedule', 'export', 'merge', 'diff', 'evaluate', 'init']) {
      const help = await runCli([command, '--help']);
      expect(help.stdout, command).not.toMatch(/default: \[\]|default: false/);
    }
  });
});
