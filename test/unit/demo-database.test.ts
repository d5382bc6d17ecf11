/**
 * The demo database: generated identically every time, with the tables and row counts we designed,
 * personal data where the ground-truth labels say, and labels that cover exactly its columns.
 * Builds the database twice (about 8 s each on this machine), so the PGlite work shares one beforeAll;
 * races between concurrent creators are tested on the rename step alone, with small stand-in directories.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateDemoData } from '../../src/demo/demo-data.js';
import { DEMO_MARKER_FILE, DEMO_VERSION, defaultCacheDir, ensureDemoDatabase, moveIntoPlace } from '../../src/demo/demo-database.js';
import type { DemoTable } from '../../src/demo/demo-table.js';
import { taxonomyDir } from '../helpers/fixture-paths.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const EXPECTED_ROWS: Record<string, number> = {
  'hr.departments': 8,
  'hr.employees': 80,
  'public.customers': 300,
  'public.cust_addr': 400,
  'public.usr_acct': 260,
  'public.products': 120,
  'public.orders': 500,
  'public.order_items': 900,
  'public.payments': 500,
  'public.support_tickets': 250,
  'public.events': 600,
  'public.tbl_x1': 200,
  'public.newsletter': 220,
  'public.audit_log': 400,
};

interface TableFingerprint {
  readonly rows: number;
  readonly md5: string;
}

/** Row count and an md5 over all rows in text form, in a stable order. */
async function fingerprints(dataDir: string): Promise<{ tables: Record<string, TableFingerprint>; columns: string[] }> {
  const db = await PGlite.create({ dataDir });
  try {
    const tables = await db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema IN ('public', 'hr') AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
    );
    const result: Record<string, TableFingerprint> = {};
    for (const { schema, name } of tables.rows) {
      const qualified = `"${schema}"."${name}"`;
      const { rows } = await db.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${qualified} t`,
      );
      result[`${schema}.${name}`] = rows[0];
    }
    const columns = await db.query<{ key: string }>(
      `SELECT table_schema || '.' || table_name || '.' || column_name AS key FROM information_schema.columns
       WHERE table_schema IN ('public', 'hr') ORDER BY 1`,
    );
    return { tables: result, columns: columns.rows.map((row) => row.key) };
  } finally {
    await db.close();
  }
}

function column(tables: readonly DemoTable[], qualifiedTable: string, name: string): unknown[] {
  const table = tables.find((t) => `${t.schema}.${t.name}` === qualifiedTable);
  if (!table) throw new Error(`no table ${qualifiedTable}`);
  const index = table.columns.indexOf(name);
  if (index < 0) throw new Error(`no column ${qualifiedTable}.${name}`);
  return table.rows.map((row) => row[index]);
}

function nonNullStrings(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

describe('demo data generator', () => {
  const tables = generateDemoData();

  it('is deterministic, and the seed matters', () => {
    expect(generateDemoData()).toEqual(tables);
    expect(generateDemoData(1)).not.toEqual(tables);
  });

  it('produces the designed tables and row counts', () => {
    const counts = Object.fromEntries(tables.map((t) => [`${t.schema}.${t.name}`, t.rows.length]));
    expect(counts).toEqual(EXPECTED_ROWS);
  });

  it('puts valid-format identifiers where the labels say', () => {
    const cards = nonNullStrings(column(tables, 'public.payments', 'card_no')).map((card) => card.replace(/ /g, ''));
    expect(cards.length).toBeGreaterThan(200);
    expect(cards.filter((card) => !luhnValid(card))).toEqual([]);
    const ssns = nonNullStrings(column(tables, 'hr.employees', 'ssn'));
    expect(ssns.length).toBeGreaterThan(10);
    for (const ssn of ssns) expect(ssn).toMatch(/^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/);
    for (const nino of nonNullStrings(column(tables, 'public.tbl_x1', 'col_4'))) {
      expect(nino.replace(/ /g, '')).toMatch(/^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/);
    }
    for (const iban of nonNullStrings(column(tables, 'public.payments', 'iban'))) expect(iban.replace(/ /g, '')).toMatch(/^(DE|FR)\d{2}[0-9A-Z]{11,30}$/);
  });

  it('hides personal data in some free text and JSON, not all of it', () => {
    const contact = /[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{7,}\d/;
    const notes = nonNullStrings(column(tables, 'public.support_tickets', 'notes'));
    const personalNotes = notes.filter((note) => contact.test(note)).length / notes.length;
    expect(personalNotes).toBeGreaterThan(0.25);
    expect(personalNotes).toBeLessThan(0.6);
    const payloads = nonNullStrings(column(tables, 'public.events', 'payload')).map((p) => JSON.parse(p) as Record<string, unknown>);
    const personalPayloads = payloads.filter((p) => 'email' in p || 'ip' in p).length / payloads.length;
    expect(personalPayloads).toBeGreaterThan(0.15);
    expect(personalPayloads).toBeLessThan(0.5);
    // The look-alike: order numbers are shaped like US phone numbers.
    for (const orderNo of nonNullStrings(column(tables, 'public.orders', 'order_no'))) expect(orderNo).toMatch(/^\d{3}-\d{3}-\d{4}$/);
  });
});

describe('demo cache directory', () => {
  it('prefers PIISCOUT_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(defaultCacheDir({ PIISCOUT_CACHE_DIR: '/a/b', XDG_CACHE_HOME: '/x' })).toBe('/a/b');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(path.join('/x', 'piiscout'));
    expect(defaultCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'piiscout'));
  });
});

describe('moving a finished demo database into place', () => {
  it('lets exactly one of several racing creators win, replacing an incomplete leftover', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-demo-race-'));
    try {
      for (let round = 0; round < 20; round++) {
        const target = path.join(root, `demo-v${round}`);
        fs.mkdirSync(target);
        fs.writeFileSync(path.join(target, 'leftover'), 'x');
        const temps = [0, 1, 2, 3].map((index) => {
          const dir = path.join(root, `demo-v${round}.tmp-${index}`);
          fs.mkdirSync(dir);
          fs.writeFileSync(path.join(dir, 'owner'), String(index));
          fs.writeFileSync(path.join(dir, DEMO_MARKER_FILE), `${DEMO_VERSION}\n`);
          return dir;
        });
        const results = await Promise.all(temps.map((dir) => moveIntoPlace(dir, target)));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(fs.readFileSync(path.join(target, 'owner'), 'utf8')).toBe(String(results.indexOf(true)));
        expect(fs.readdirSync(root).filter((entry) => entry.startsWith(`demo-v${round}.`))).toEqual([]);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('demo database (PGlite)', () => {
  let tempRoot: string;
  let cacheA: string;
  let cacheB: string;
  let first: { dataDir: string; created: boolean };
  let second: { dataDir: string; created: boolean };
  let reused: { dataDir: string; created: boolean };
  let reuseMs: number;
  let a: Awaited<ReturnType<typeof fingerprints>>;
  let b: Awaited<ReturnType<typeof fingerprints>>;

  beforeAll(async () => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-demo-test-'));
    cacheA = path.join(tempRoot, 'a');
    cacheB = path.join(tempRoot, 'b');
    first = await ensureDemoDatabase({ cacheDir: cacheA });
    const started = Date.now();
    reused = await ensureDemoDatabase({ cacheDir: cacheA });
    reuseMs = Date.now() - started;
    // An incomplete leftover (no marker) where the database belongs must be replaced, not reused.
    fs.mkdirSync(path.join(cacheB, `demo-v${DEMO_VERSION}`), { recursive: true });
    fs.writeFileSync(path.join(cacheB, `demo-v${DEMO_VERSION}`, 'leftover'), 'x');
    second = await ensureDemoDatabase({ cacheDir: cacheB });
    a = await fingerprints(first.dataDir);
    b = await fingerprints(second.dataDir);
  }, 120_000);

  afterAll(() => {
    if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  });

  it('creates once, marks it complete, then reuses it', () => {
    expect(first).toEqual({ dataDir: path.join(cacheA, `demo-v${DEMO_VERSION}`), created: true });
    expect(fs.readFileSync(path.join(first.dataDir, DEMO_MARKER_FILE), 'utf8').trim()).toBe(String(DEMO_VERSION));
    expect(reused).toEqual({ dataDir: first.dataDir, created: false });
    expect(reuseMs).toBeLessThan(1000);
    expect(fs.readdirSync(cacheA)).toEqual([`demo-v${DEMO_VERSION}`]);
  });

  it('replaces an incomplete leftover', () => {
    expect(second.created).toBe(true);
    expect(fs.existsSync(path.join(second.dataDir, 'leftover'))).toBe(false);
    expect(fs.readdirSync(cacheB)).toEqual([`demo-v${DEMO_VERSION}`]);
  });

  it('has the designed tables and row counts', () => {
    expect(Object.fromEntries(Object.entries(a.tables).map(([table, fp]) => [table, fp.rows]))).toEqual(EXPECTED_ROWS);
  });

  it('gives identical data on two generations', () => {
    expect(b.tables).toEqual(a.tables);
  });

  it('is labelled column for column, with keys from the fideslang taxonomy', () => {
    const labels = parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'demo.labels.yml'), 'utf8')) as {
      fields: Record<string, string | { any: string[] }>;
    };
    expect(Object.keys(labels.fields).sort()).toEqual([...a.columns].sort());

    const taxonomy = parse(fs.readFileSync(path.join(taxonomyDir, 'data_categories.yml'), 'utf8')) as { fides_key: string }[];
    const known = new Set(taxonomy.map((category) => category.fides_key));
    expect(known.size).toBeGreaterThan(80);
    const unknown = Object.entries(labels.fields).flatMap(([field, label]) =>
      (typeof label === 'string' ? [label] : label.any).filter((key) => !known.has(key)).map((key) => `${field}: ${key}`),
    );
    expect(unknown).toEqual([]);
  });
});
