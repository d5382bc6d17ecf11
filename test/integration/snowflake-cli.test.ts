/**
 * The built CLI (dist/, build with `npx tsc -p tsconfig.json`) scanning the Snowflake protocol double:
 * the double runs in this process, the CLI finds it through PIISCOUT_SNOWFLAKE_ACCESS_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../helpers/fixtures.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { startSnowflakeDouble, type SnowflakeDouble } from '../helpers/snowflake-double.js';
import { doubleOptions } from '../helpers/snowflake-fixture.js';

const PASSWORD = doubleOptions().password!;
const URL_ = 'snowflake://scanner@testorg-testacct/ANALYTICS?warehouse=SCAN_WH&role=PIISCOUT_READER';
let double: SnowflakeDouble;
let cwd: string;

beforeAll(async () => {
  double = await startSnowflakeDouble(doubleOptions());
});
afterEach(() => {
  double.reset();
  fs.rmSync(cwd, { recursive: true, force: true });
});
afterAll(() => double.close());

function run(args: string[], env: NodeJS.ProcessEnv = { SNOWFLAKE_PASSWORD: PASSWORD }) {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-sf-cli-'));
  // --no-ml: the column model's files are another feature's; these tests are about the connector.
  return runCli([...args, '--no-ml'], { cwd, env: { PIISCOUT_SNOWFLAKE_ACCESS_URL: double.url, ...env } });
}

it('scans, writes valid fideslang with nested VARIANT fields, and exits 3 for the unreadable table', async () => {
  const r = await run(['scan', URL_, '-o', 'out.yml']);
  expect(r.stderr).toMatch(/skipped CRM\.SALARIES: Not authorized/);
  expect(r.code).toBe(3);
  expect(r.stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK/);
  const doc = YAML.parse(fs.readFileSync(path.join(cwd, 'out.yml'), 'utf8'));
  expect(validateFidesDatasetFile(doc)).toEqual([]);
  const crm = doc.dataset.find((d: { name: string }) => d.name === 'CRM');
  expect(crm.collections.map((c: { name: string }) => c.name)).toEqual(['CUSTOMERS', 'Customers', 'Orders', 'SALARIES']);
  const profile = crm.collections.find((c: { name: string }) => c.name === 'Customers').fields.find((f: { name: string }) => f.name === 'PROFILE');
  expect(profile.fields.map((f: { name: string }) => f.name)).toEqual(['contact', 'loyalty']);
  // Only the out file: the driver's default snowflake.log is switched off.
  expect(fs.readdirSync(cwd)).toEqual(['out.yml']);
  const everything = r.stdout + r.stderr + fs.readFileSync(path.join(cwd, 'out.yml'), 'utf8');
  for (const secret of [PASSWORD, '@example.org', '+44 20 7946']) expect(everything).not.toContain(secret);
  expect(double.logins[0].sessionParameters.QUERY_TAG).toBe('piiscout');
});

it('prints a bad password as one error line with a hint, exit 1', async () => {
  const r = await run(['scan', URL_, '-o', 'out.yml'], { SNOWFLAKE_PASSWORD: 'not-the-password-42' });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/Authentication failed for user scanner at Snowflake account testorg-testacct \(390100\)/);
  expect(r.stderr).not.toContain('not-the-password-42');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
  expect(fs.existsSync(path.join(cwd, 'out.yml'))).toBe(false);
});

it('--dry-run lists what it would sample and the query count, and writes nothing', async () => {
  const r = await run(['scan', URL_, '--dry-run', '--include-views', '-o', 'out.yml']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('CRM.Customers');
  expect(r.stdout).toContain('CRM.CUSTOMER_EMAILS');
  expect(r.stdout).toMatch(/sample 6 of 6 table\(s\) with 6 sampling queries/);
  expect(fs.readdirSync(cwd)).toEqual([]);
  expect(double.queries.some((q) => / FROM "ANALYTICS"\."CRM"\./.test(q.sqlText))).toBe(false);
});

it('stops on a suspended warehouse unless --allow-warehouse-resume', async () => {
  const r = await run(['scan', URL_.replace('SCAN_WH', 'SLEEPY_WH'), '-o', 'out.yml']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/warehouse SLEEPY_WH is suspended/);
  expect(r.stderr).toMatch(/--allow-warehouse-resume/);
  expect(double.stats.warehouseResumes).toBe(0);
});

it('rejects Snowflake flags on other engines and plain http to a non-loopback host', async () => {
  const a = await run(['scan', 'sqlite:./x.db', '--allow-warehouse-resume']);
  expect(a.code).toBe(2);
  expect(a.stderr).toMatch(/--allow-warehouse-resume only applies to snowflake:\/\/ connections/);
  const b = await run(['scan', URL_, '--dry-run'], { SNOWFLAKE_PASSWORD: PASSWORD, PIISCOUT_SNOWFLAKE_ACCESS_URL: 'http://example.com:8080' });
  expect(b.code).toBe(2);
  expect(b.stderr).toMatch(/Refusing Snowflake access URL http:\/\/example.com:8080/);
});
