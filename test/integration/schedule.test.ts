/**
 * Configured sources end to end with the built CLI: `schedule --once` against PostgreSQL (first run,
 * a review decision, a changed table, the drift in the history and from `piiscout diff`), and
 * `init`, `scan --source`, `scan --all` and the long-running `schedule` with SIGTERM on SQLite.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { builtCli, createPostgresDatabase, runPostgresSql, workerScopedName } from '../helpers/servers.js';

const tmp = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const historyLines = (file: string): Record<string, any>[] =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];

function fieldOf(yamlFile: string, table: string, field: string): Record<string, any> | undefined {
  const doc = YAML.parse(fs.readFileSync(yamlFile, 'utf8'));
  for (const d of doc.dataset) for (const c of d.collections) if (c.name === table) return c.fields.find((f: { name: string }) => f.name === field);
  return undefined;
}

const PEOPLE = Array.from({ length: 40 }, (_, i) => `(${i + 1}, 'client${i}@mailbox.example', 'left at door ${i}', '+1 212 555 ${1000 + i}')`).join(',\n');

describe.skipIf(!isEngineSelected('postgres'))('schedule --once [postgres]', () => {
  it('first run writes the YAML and a history line; after a table change the next run merges and records drift', async () => {
    const name = workerScopedName('piiscout_schedule');
    const adminUrl = new URL(
      await createPostgresDatabase(name, {
        sql: `CREATE TABLE customers (id integer PRIMARY KEY, email text, remarks text, fax text);
INSERT INTO customers VALUES ${PEOPLE};
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers(id), total numeric(10,2));
INSERT INTO orders SELECT g, 1 + g % 40, g * 1.5 FROM generate_series(1, 30) g;`,
      }),
    );
    const password = decodeURIComponent(adminUrl.password);
    adminUrl.password = '${SHOP_DB_PASSWORD}';
    const dir = tmp('piiscout-schedule-pg-');
    const config = path.join(dir, 'piiscout.config.yml');
    fs.writeFileSync(
      config,
      `sources:
  - name: shop
    url: ${decodeURIComponent(adminUrl.href)}
    ml: false
    output: shop.yml
    schedule: '* * * * * *'   # every second: each --once below is due again
  - name: orders-daily
    url: ${decodeURIComponent(adminUrl.href)}
    include: ['public.orders']
    ml: false
    output: orders.yml
    schedule: '0 3 * * *'
`,
    );
    const env = { SHOP_DB_PASSWORD: password };
    const shopYml = path.join(dir, 'shop.yml');
    const shopHistory = `${shopYml}.history.jsonl`;

    const first = await runCli(['schedule', '--once', '--config', config], { env, cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/shop: done in [\d.]+s, 2 tables, 7 columns, \d+ personal$/m);
    expect(historyLines(shopHistory)).toEqual([
      expect.objectContaining({ source: 'shop', exit_code: 0, output: 'shop.yml', tables: 2, columns: 7, skipped_tables: 0, errors: [], drift: null }),
    ]);
    expect(historyLines(path.join(dir, 'orders.yml.history.jsonl'))).toHaveLength(1);
    expect(fieldOf(shopYml, 'customers', 'remarks')?.data_categories.some((c: string) => c.startsWith('user'))).toBe(false);

    // A person accepts a field; the table then changes: remarks start to hold emails, a notes column appears, fax goes.
    const review = await runCli(['review', shopYml, '--accept', 'public.customers.email'], { cwd: dir });
    expect(review.code, review.stderr).toBe(0);
    const beforeSecond = path.join(dir, 'shop-before.yml');
    fs.copyFileSync(shopYml, beforeSecond);
    await runPostgresSql(
      name,
      `UPDATE customers SET remarks = 'buyer' || id || '@post.example';
ALTER TABLE customers ADD COLUMN notes text;
UPDATE customers SET notes = 'contact' || id || '@notes.example';
ALTER TABLE customers DROP COLUMN fax;`,
    );
    await new Promise((r) => setTimeout(r, 1100)); // the next tick of '* * * * * *'

    const second = await runCli(['schedule', '--once', '--config', config], { env, cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/orders-daily: not due \(last run .*, schedule 0 3 \* \* \*\)/);
    expect(second.stderr).toContain('shop: BECAME PERSONAL public.customers.remarks');
    expect(historyLines(path.join(dir, 'orders.yml.history.jsonl'))).toHaveLength(1);

    const lines = historyLines(shopHistory);
    expect(lines).toHaveLength(2);
    const drift = lines[1].drift;
    expect(drift).toMatchObject({
      new_tables: [],
      removed_tables: [],
      new_columns: ['public.customers.notes'],
      removed_columns: ['public.customers.fax'],
      new_personal_columns: ['public.customers.notes'],
      became_personal: [{ column: 'public.customers.remarks', new: ['user.contact.email'], decided: false }],
    });
    // The review decision survived the merge; the dropped column is marked, not deleted.
    expect(fieldOf(shopYml, 'customers', 'email')?.piiscout.status).toBe('accepted');
    expect(fieldOf(shopYml, 'customers', 'fax')?.piiscout.removed).toBe(true);
    expect(fieldOf(shopYml, 'customers', 'remarks')?.data_categories).toEqual(['user.contact.email']);

    // piiscout diff reports the same drift for the two files.
    const diffJson = await runCli(['diff', beforeSecond, shopYml, '--json'], { cwd: dir });
    expect(diffJson.code, diffJson.stderr).toBe(0);
    expect(JSON.parse(diffJson.stdout)).toEqual(drift);
    const diffText = await runCli(['diff', beforeSecond, shopYml, '--fail-on', 'personal'], { cwd: dir });
    expect(diffText.code).toBe(1);
    expect(diffText.stdout.split('\n').slice(1, 3)).toEqual(['! 1 column became personal data:', '    public.customers.remarks: system.operations → user.contact.email']);

    // Privacy: no password and no sampled value in any file piiscout wrote or printed.
    const written = [shopYml, shopHistory, path.join(dir, 'orders.yml')].map((f) => fs.readFileSync(f, 'utf8')).join('\n') + first.stderr + second.stderr + diffText.stdout;
    expect(written).not.toContain(password);
    expect(written).not.toMatch(/mailbox\.example|post\.example|notes\.example|left at door/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});

describe('configured sources on SQLite', () => {
  function setup(): { dir: string; db: string } {
    const dir = tmp('piiscout-sources-');
    const db = path.join(dir, 'app.db');
    const sqlite = new Database(db);
    sqlite.exec('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, note TEXT)');
    const insert = sqlite.prepare('INSERT INTO users (email, note) VALUES (?, ?)');
    for (let i = 0; i < 30; i++) insert.run(`user${i}@example.com`, `note ${i}`);
    sqlite.close();
    return { dir, db };
  }

  it('schedule --once retries a failed source with a backoff, saying when it failed and why', async () => {
    const { dir } = setup();
    fs.writeFileSync(path.join(dir, 'piiscout.config.yml'), 'sources:\n  - {name: app, url: "sqlite:./later.db", schedule: "0 3 * * *", ml: false}\n');
    const history = path.join(dir, 'piiscout-app.yml.history.jsonl');
    const first = await runCli(['schedule', '--once'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(historyLines(history).map((e) => e.exit_code)).toEqual([1]);

    // Right after the failure: not due yet, and the log says why and when it is retried.
    const soon = await runCli(['schedule', '--once'], { cwd: dir });
    expect(soon.code, soon.stderr).toBe(0);
    expect(soon.stderr).toMatch(/app: not due: last run \S+ failed \(exit 1\): SQLite database file not found: \S*later\.db; retry after (\S+) \(or at the next time of 0 3 \* \* \*\)/);
    const retryAfter = Date.parse(/retry after (\S+)/.exec(soon.stderr)![1]);
    expect(retryAfter - Date.parse(historyLines(history)[0].finished_at)).toBe(60_000);
    expect(historyLines(history)).toHaveLength(1);

    // A minute later (the history says so) the database is there: the run is retried and succeeds.
    fs.copyFileSync(path.join(dir, 'app.db'), path.join(dir, 'later.db'));
    const [entry] = historyLines(history);
    const earlier = (iso: string): string => new Date(Date.parse(iso) - 61_000).toISOString();
    fs.writeFileSync(history, JSON.stringify({ ...entry, started_at: earlier(entry.started_at), finished_at: earlier(entry.finished_at) }) + '\n');
    const retry = await runCli(['schedule', '--once'], { cwd: dir });
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stderr).toMatch(/app: retrying: last run \S+ failed \(exit 1\): SQLite database file not found/);
    expect(historyLines(history).map((e) => e.exit_code)).toEqual([1, 0]);
    const after = await runCli(['schedule', '--once'], { cwd: dir });
    expect(after.stderr).toMatch(/app: not due \(last run \S+, schedule 0 3 \* \* \*\)/);
  });

  it('init writes a starter config once; scan --source and scan --all use the config', async () => {
    const { dir } = setup();
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'piiscout.config.yml'), 'utf8')).toContain('url: postgres://scanner:${PGPASSWORD}@db.internal:5432/shop');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('piiscout.config.yml already exists; nothing was written');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);

    fs.writeFileSync(
      path.join(dir, 'piiscout.config.yml'),
      `sources:
  - {name: app, url: "sqlite:./app.db", ml: false}
  - {name: app-users, url: "sqlite:./app.db", include: ['main.users'], ml: false, output: out/users.yml, history: out/users-history.jsonl}
  - {name: broken, url: "postgres://scanner:\${MISSING_SECRET_VAR}@127.0.0.1:1/x"}
`,
    );
    fs.mkdirSync(path.join(dir, 'out'));
    const one = await runCli(['scan', '--source', 'app'], { cwd: dir });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('First scan of this source');
    expect(fs.existsSync(path.join(dir, 'piiscout-app.yml'))).toBe(true);
    expect(historyLines(path.join(dir, 'piiscout-app.yml.history.jsonl'))).toHaveLength(1);

    const typo = await runCli(['scan', '--source', 'apq'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("No source named 'apq' in piiscout.config.yml (did you mean 'app'?)");
    const clash = await runCli(['scan', 'sqlite:./app.db', '--source', 'app'], { cwd: dir });
    expect(clash.code).toBe(2);

    const all = await runCli(['scan', '--all', '--json'], { cwd: dir });
    expect(all.code).toBe(1); // one source failed, the others ran
    const entries = JSON.parse(all.stdout) as Record<string, any>[];
    expect(entries.map((e) => [e.source, e.exit_code])).toEqual([
      ['app', 0],
      ['app-users', 0],
      ['broken', 2],
    ]);
    expect(entries[0].drift).toMatchObject({ counts: { new_tables: 0, changed_proposals: 0 } });
    expect(entries[2].errors).toEqual(["Source 'broken': environment variable MISSING_SECRET_VAR is not set (referenced in its url)"]);
    expect(historyLines(path.join(dir, 'out', 'users-history.jsonl'))).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'out', 'users.yml'))).toBe(true);
  });

  it('schedule runs sources on their cron times until SIGTERM, then exits 0', async () => {
    const { dir } = setup();
    fs.writeFileSync(path.join(dir, 'piiscout.config.yml'), `sources:\n  - {name: app, url: "sqlite:./app.db", ml: false, output: app.yml, schedule: "* * * * * *"}\n`);
    const child = spawn(process.execPath, [builtCli, 'schedule'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const history = path.join(dir, 'app.yml.history.jsonl');
    const deadline = Date.now() + 20_000;
    while (historyLines(history).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('SIGTERM: stopping');
    expect(stderr).toMatch(/stopped\n$/);
    const lines = historyLines(history);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[1].drift).toMatchObject({ counts: { new_tables: 0, new_columns: 0, changed_proposals: 0 } });
    expect(fs.existsSync(path.join(dir, 'app.yml.lock'))).toBe(false);
  });
});
