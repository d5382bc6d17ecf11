import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TableMetadata } from '../../src/core/metadata.js';
import type { TableResult } from '../../src/scan/scan.js';
import { CheckpointWriter, checkpointPathFor, decodeTableResult, encodeTableResult, loadCheckpoint, settingsFingerprint } from '../../src/scan/checkpoint.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmpFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-ckpt-'));
  dirs.push(dir);
  return checkpointPathFor(path.join(dir, 'out.yml'));
}

const table = (name: string): TableMetadata => ({
  schema: 'public',
  name,
  kind: 'table',
  rowEstimate: 10,
  columns: [
    { name: 'email', ordinal: 1, rawType: 'text', normalizedType: 'string', isArray: false, isNullable: true, isPrimaryKey: false },
    { name: 'doc', ordinal: 2, rawType: 'jsonb', normalizedType: 'json', isArray: false, isNullable: true, isPrimaryKey: false },
  ],
  primaryKey: [],
  foreignKeys: [],
});
const classification = {
  categories: ['user.contact.email'],
  confidence: 0.93,
  alternatives: [{ category: 'user.name', confidence: 0.1, factors: { name: 0.1 } }],
  factors: { name: 1, values: 0.9 },
  evidence: [{ factor: 'values' as const, category: 'user.contact.email', score: 0.9, source: 'email', reason: '90% of 10 sampled values are valid email addresses' }],
};
const result = (name: string): TableResult => ({
  table: table(name),
  columns: table(name).columns,
  status: 'scanned',
  sampleMethod: 'all-rows',
  rowsSampled: 10,
  queries: 1,
  fields: new Map([['email', classification], ['doc', { ...classification, categories: ['system.operations'] }]]),
  unsampledColumns: new Map([['doc', 'note']]),
  nestedFields: new Map([['doc', [{ path: ['contact', 'mail'], normalizedType: 'string' as const, isArray: false, classification }]]]),
});
/** The result with its maps as entry lists (a loaded checkpoint keeps them encoded, see compact-result.ts). */
function plain(r: TableResult): unknown {
  return { ...r, fields: [...r.fields], unsampledColumns: [...r.unsampledColumns], nestedFields: r.nestedFields && [...r.nestedFields] };
}
const settings = { connection: 'postgres://scanner@db/shop', include: ['public.*'], sampleSize: 200, seed: 42, shard: '1/3' };

describe('checkpoint', () => {
  it('round-trips a table result (Maps included)', () => {
    const back = decodeTableResult(encodeTableResult(result('users')));
    expect(back).toEqual(result('users'));
    expect(back.fields).toBeInstanceOf(Map);
  });

  it('fingerprints settings independent of key order, and sensitive to every value', () => {
    expect(settingsFingerprint({ a: 1, b: 'x' })).toBe(settingsFingerprint({ b: 'x', a: 1 }));
    expect(settingsFingerprint(settings)).not.toBe(settingsFingerprint({ ...settings, seed: 43 }));
    expect(settingsFingerprint(settings)).not.toBe(settingsFingerprint({ ...settings, shard: '2/3' }));
  });

  it('writes lazily, appends, reloads, and continues after a torn last line', () => {
    const file = tmpFile();
    const w = CheckpointWriter.start(file, settings, 2);
    expect(fs.existsSync(file)).toBe(false); // nothing until the first table
    w.append(result('a'));
    w.append(result('b'));
    w.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A crash in the middle of a write leaves a torn line.
    fs.appendFileSync(file, encodeTableResult(result('c')).slice(0, 40));
    const loaded = loadCheckpoint(file, settings)!;
    expect([...loaded.tables.keys()].sort()).toEqual(['public.a', 'public.b']);
    expect(loaded.unreadableLines).toBe(1);
    const again = CheckpointWriter.continue(file);
    again.append(result('c'));
    again.close();
    const reloaded = loadCheckpoint(file, settings)!;
    expect([...reloaded.tables.keys()].sort()).toEqual(['public.a', 'public.b', 'public.c']);
    expect(plain(reloaded.tables.get('public.c')!)).toEqual(plain(result('c')));
  });

  it('reads a checkpoint of many tables, with text split across its read chunks', () => {
    const file = tmpFile();
    const w = CheckpointWriter.start(file, settings, 1000);
    // Multi-byte text throughout, so chunk boundaries fall inside characters.
    const many = Array.from({ length: 400 }, (_, i) => {
      const r = result(`t${i}`);
      const reason = `évidence ${i} ${'ü€😀'.repeat(200)}`;
      return { ...r, fields: new Map([...r.fields].map(([k, f]) => [k, { ...f, evidence: [{ ...f.evidence[0], reason }] }])) };
    });
    for (const r of many) w.append(r);
    w.close();
    expect(fs.statSync(file).size).toBeGreaterThan(2 << 20);
    const loaded = loadCheckpoint(file, settings)!;
    expect(loaded.unreadableLines).toBe(0);
    expect(loaded.tables.size).toBe(400);
    for (const r of [many[0], many[199], many[399]]) expect(plain(loaded.tables.get(`public.${r.table.name}`)!)).toEqual(plain(r));
  });

  it('stores no sampled value, only classifications and evidence', () => {
    const file = tmpFile();
    const w = CheckpointWriter.start(file, settings);
    // Whatever else a result object carries (a sample, by mistake) is not written.
    w.append({ ...result('a'), sample: { values: ['alice@example.com'] } } as TableResult);
    w.close();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('alice@example.com');
    expect(text).toContain('valid email addresses');
  });

  it('refuses a checkpoint of other settings, with what changed and a hint', () => {
    const file = tmpFile();
    const w = CheckpointWriter.start(file, settings);
    w.append(result('a'));
    w.close();
    expect(() => loadCheckpoint(file, { ...settings, sampleSize: 500 })).toThrow(/other settings \(sampleSize changed\)/);
    try {
      loadCheckpoint(file, { ...settings, sampleSize: 500 });
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/without --resume/);
    }
    expect(loadCheckpoint(tmpFile(), settings)).toBeUndefined();
    fs.writeFileSync(file, 'garbage\n');
    expect(() => loadCheckpoint(file, settings)).toThrow(/not a piiscout checkpoint/);
  });

  it('remove() deletes the file after a successful scan', () => {
    const file = tmpFile();
    const w = CheckpointWriter.start(file, settings);
    w.append(result('a'));
    w.remove();
    expect(fs.existsSync(file)).toBe(false);
  });
});
