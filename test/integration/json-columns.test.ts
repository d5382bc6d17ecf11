/**
 * JSON columns on every engine (issue 15 "JSON and free text", issue 16): a JSON type (Postgres
 * jsonb/json, MariaDB JSON) or JSON held in text gets nested fields as Snowflake VARIANT does; the
 * column holds what its fields hold (never system.operations over a payload full of emails); free
 * text proposes what is found in it. Run through the built CLI with the model, as users run it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import YAML from 'yaml';
import { describeEngines, type TestEngine } from '../helpers/engines.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { runCli } from '../helpers/fixtures.js';
import { createMysqlDatabase, createPostgresDatabase, workerScopedName } from '../helpers/servers.js';

const ROWS = 40;
const FIRST = ['Anna', 'Jonas', 'Maria', 'Peter', 'Laura', 'Felix', 'Sofia', 'Lukas'];
const LAST = ['Meyer', 'Schmidt', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch'];

/** A webhook delivery as a forge stores it: who pushed, from where, to which repository. */
function payload(i: number): string {
  return JSON.stringify({
    action: 'push',
    ref: `refs/heads/${['main', 'dev', 'release'][i % 3]}`,
    pusher: { email: `${FIRST[i % 8].toLowerCase()}.${LAST[(i * 3) % 8].toLowerCase()}${i}@example.org`, login: `dev${i}` },
    remote_ip: `198.51.100.${10 + i}`,
    repository: { full_name: `acme/app-${i % 4}`, private: i % 2 === 0, size: 1000 + 37 * i },
  });
}
const settings = (i: number): string => JSON.stringify({ theme: ['dark', 'light'][i % 2], page_size: 20 + (i % 3) * 10, beta: i % 5 === 0 });
/** Notes an agent wrote: an email address in most, a phone number in some. */
const note = (i: number): string =>
  i % 4 === 3 ? `Ticket closed after the release, nothing else to do here.` : `Asked for an invoice copy, send it to ${FIRST[i % 8].toLowerCase()}${i}@example.com before Friday please.`;

/** Values that must never reach the output: every one of them came from a sampled row. */
const SAMPLED_MARKERS = ['@example.org', '@example.com', '198.51.100.', 'acme/app', 'invoice copy'];

const quoteText = (s: string, mysql = false): string => `'${(mysql ? s.replaceAll('\\', '\\\\') : s).replaceAll("'", "''")}'`;

function tableSql(engine: TestEngine): string {
  const mysql = engine === 'mysql';
  const types =
    engine === 'sqlite'
      ? { payload: 'TEXT', headers: 'TEXT', settings: 'TEXT', text: 'TEXT', int: 'INTEGER' }
      : mysql
        ? { payload: 'JSON', headers: 'JSON', settings: 'JSON', text: 'TEXT', int: 'INT' }
        : { payload: 'jsonb', headers: 'json', settings: 'jsonb', text: 'text', int: 'integer' };
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const values = [String(i + 1), payload(i), JSON.stringify({ 'x-forwarded-for': `198.51.100.${10 + i}`, 'x-request-id': `r${i}` }), settings(i), payload(i + 7), note(i)];
    return `(${values.map((v, k) => (k === 0 ? v : quoteText(v, mysql))).join(', ')})`;
  });
  return [
    `CREATE TABLE hook_deliveries (id ${types.int} PRIMARY KEY, payload ${types.payload}, headers ${types.headers}, settings ${types.settings}, raw_body ${types.text}, agent_notes ${types.text});`,
    `INSERT INTO hook_deliveries VALUES ${rows.join(',\n')};`,
  ].join('\n');
}

async function createDatabase(engine: TestEngine): Promise<string> {
  const sql = tableSql(engine);
  const name = workerScopedName('json_columns');
  if (engine === 'postgres') return createPostgresDatabase(name, { sql });
  if (engine === 'mysql') return createMysqlDatabase(name, { sql });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-json-'));
  if (engine === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const file = path.join(dir, 'hooks.db');
    const db = new Database(file);
    db.exec(sql);
    db.close();
    return `sqlite:${file}`;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(path.join(dir, 'hooks'));
  await db.exec(sql);
  await db.close();
  return `pglite:${path.join(dir, 'hooks')}`;
}

interface Field {
  name: string;
  data_categories: string[];
  fields?: Field[];
  fides_meta?: { data_type?: string };
  piiscout?: { evidence?: { source: string; reason: string }[] };
}

const isPersonal = (c: string): boolean => c.startsWith('user');
const child = (field: Field | undefined, name: string): Field | undefined => field?.fields?.find((f) => f.name === name);

describeEngines('JSON columns and free text', (engine) => {
  it('proposes nested fields, and the categories found inside for the column; free text proposes what it holds', { timeout: 180_000 }, async () => {
    const url = await createDatabase(engine);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-json-out-')), 'hooks.yml');
    const run = await runCli(['scan', url, '-o', out, '--no-merge', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    const table = YAML.parse(text).dataset.flatMap((d: { collections: { name: string; fields: Field[] }[] }) => d.collections).find((c: { name: string }) => c.name === 'hook_deliveries');
    const field = (name: string): Field => table.fields.find((f: Field) => f.name === name);

    // A JSON type and JSON held in text alike: nested fields, and the column holds what they hold.
    for (const name of ['payload', 'raw_body']) {
      const column = field(name);
      expect(child(child(column, 'pusher'), 'email')?.data_categories, `${name}.pusher.email`).toEqual(['user.contact.email']);
      expect(child(column, 'remote_ip')?.data_categories, `${name}.remote_ip`).toEqual(['user.device.ip_address']);
      expect(child(column, 'ref')?.data_categories.some(isPersonal), `${name}.ref`).toBe(false);
      expect(column.data_categories, name).toEqual(expect.arrayContaining(['user.contact.email', 'user.device.ip_address']));
      expect(column.data_categories, name).not.toContain('system.operations');
      expect(column.piiscout?.evidence?.find((e) => e.source === 'json-fields')?.reason, name).toMatch(/nested field 'pusher\.email' is proposed as user\.contact\.email/);
    }
    expect(field('headers').data_categories).toContain('user.device.ip_address');
    // Settings documents hold nothing personal, and the column stays so.
    expect(field('settings').fields?.map((f) => f.name).sort()).toEqual(['beta', 'page_size', 'theme']);
    expect(field('settings').data_categories.some(isPersonal)).toBe(false);
    // Free text: emails in 30 of 40 notes.
    expect(field('agent_notes').data_categories).toContain('user.contact.email');
    expect(field('agent_notes').piiscout?.evidence?.some((e) => e.source === 'free-text' && /^75% of 40 sampled texts contain an email address/.test(e.reason))).toBe(true);

    for (const marker of SAMPLED_MARKERS) expect(text + run.stdout + run.stderr, marker).not.toContain(marker);
    expect(fidesLoadProblems([out])).toEqual([]);
  });
});

