/**
 * The blind-samples labels (test/fixtures/blind-samples/): each file parses as a truth file, uses only keys of the
 * fideslang taxonomy copy, and its header comment's counts match its content (and the README's table), so that the
 * counts reported for this report-only set are the ones scored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTruth } from '../../src/evaluate/truth.js';
import { fieldKind } from '../../src/evaluate/truth-label.js';
import { loadTaxonomyKeys } from '../helpers/fideslang-validator.js';
import { fixturesDir } from '../helpers/fixture-paths.js';

const dir = path.join(fixturesDir, 'blind-samples');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.labels.yml'))
  .sort();
const read = (file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');

interface Counts {
  readonly fields: number;
  readonly personal: number;
  readonly either: number;
  readonly nonPersonal: number;
}

const HEADER = /^# fields (\d+) \| personal (\d+) \| either \(user or system\) (\d+) \| non-personal (\d+)$/m;

function headerCounts(text: string): Counts | undefined {
  const m = HEADER.exec(text);
  return m ? { fields: Number(m[1]), personal: Number(m[2]), either: Number(m[3]), nonPersonal: Number(m[4]) } : undefined;
}

function contentCounts(text: string): Counts {
  const kinds = parseTruth(text).fields.map((f) => fieldKind(f.label));
  const count = (kind: string): number => kinds.filter((k) => k === kind).length;
  return { fields: kinds.length, personal: count('personal'), either: count('either'), nonPersonal: count('non-personal') };
}

/** Every key a labels file uses: plain values and the members of {any: [...]} lists. */
function keysOf(text: string): string[] {
  const doc = parse(text) as { fields: Record<string, string | { any: string[] }> };
  return Object.values(doc.fields).flatMap((v) => (typeof v === 'string' ? [v] : v.any));
}

describe('blind-samples labels', () => {
  it('has the four corpora (and the SQLite copy of WebGoat coins)', () => {
    expect(files).toEqual(['adventureworks_pg-pg.labels.yml', 'sakila_mysql-my.labels.yml', 'synthea_unmc-sqlite.labels.yml', 'webgoat_coins-my.labels.yml', 'webgoat_coins-sqlite.labels.yml']);
  });

  it.each(files)('%s uses only keys of the fideslang taxonomy copy', (file) => {
    const taxonomy = loadTaxonomyKeys();
    const keys = keysOf(read(file));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !taxonomy.has(k))).toEqual([]);
  });

  it.each(files)('%s says it was written before any scan, and its header counts match its content', (file) => {
    const text = read(file);
    expect(text).toMatch(/^# Written before any scan/m);
    expect(headerCounts(text)).toEqual(contentCounts(text));
  });

  it('the README table gives the same counts as the files', () => {
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const file of files) {
      const row = new RegExp(`^\\| \`${file.replaceAll('.', '\\.')}\` \\|.*\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$`, 'm').exec(readme);
      expect(row, file).not.toBeNull();
      const [fields, personal, either, nonPersonal] = row!.slice(1).map(Number);
      expect({ fields, personal, either, nonPersonal }, file).toEqual(headerCounts(read(file)));
    }
  });

  it('the SQLite labels of WebGoat coins are the MariaDB ones with the schema prefix changed', () => {
    const fieldsOf = (file: string): Record<string, unknown> => (parse(read(file)) as { fields: Record<string, unknown> }).fields;
    const my = Object.entries(fieldsOf('webgoat_coins-my.labels.yml')).map(([k, v]) => [k.replace(/^webgoat_coins\./, 'main.'), v]);
    expect(Object.entries(fieldsOf('webgoat_coins-sqlite.labels.yml'))).toEqual(my);
  });
});
