/**
 * Fides reads our files with PyYAML (YAML 1.1). Whatever a database names its schemas, tables and
 * columns, and whatever a comment says, every file piiscout writes must read back exactly under
 * PyYAML: the streamed scan file, the whole-file writer, a file a review edited and a scan merged
 * into, and a shard merge. Identifiers are checked in batches, one Python run per batch.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildDatasetFile, datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { datasetYamlChunks } from '../../src/fides/dataset-stream.js';
import { mergeShardTexts } from '../../src/fides/merge-shards.js';
import { doubleQuoted, needsSafeQuotes } from '../../src/fides/yaml-safe.js';
import { ReviewFile } from '../../src/review/review-file.js';
import { fidesLoadProblems, firstDifference, pyyamlLoad } from '../helpers/fides-load-check.js';
import { scanResult, type SimpleTable } from '../helpers/review-scan.js';
import { TRICKY_STRINGS, trickyString } from './yaml-tricky-strings.js';

/** What YAML 1.1 (PyYAML's resolvers and the spec's booleans) reads as another type, or cannot read. */
const YAML_11_SPECIALS = [
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N', '~', 'null', 'NULL', '<<', '=',
  '12:30:45', '1:30', '-1:30', '190:20:30.15', '1_000', '1_000.5', '0b1010', '0b1_0', '017', '0x1F', '0x_1F', '0o17', '+1', '+.5',
  '-1.5e+3', '1.0e+3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '2024-01-01', '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5', '2002-12-14', '1e3', '6.8523015e+5', '685.230_15e+03', '\t', 'a\tb', '\ta', 'a\t', '\u2028', 'a\u2029b',
  '\u0085', 'a\u0085b', '\ufeff', '\ufeffname', '\x7f', '\x80', '\x9f', '\ufffe', '\uffff', '\x00', '\x1b', 'a\rb', '\r\n', ' ', '',
  '- x', '? x', ': x', 'a: b', 'a #b', '#', '&a', '*a', '!a', '!!str', '%a', '@a', '`a', '|', '>', "'", '"', '[a]', '{a: b}', 'a, b',
];

const identifier = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...YAML_11_SPECIALS, ...TRICKY_STRINGS) },
  { weight: 3, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...YAML_11_SPECIALS), maxLength: 3 }) },
);

const CATEGORIES = ['system.operations', 'user.contact.email'];

/** A database whose schemas, tables, columns and comments carry the identifiers, a few per table (databases allow no empty names). */
function tablesNamed(given: readonly string[]): { tables: SimpleTable[]; schemas: string[] } {
  const names = given.map((n) => n || 'empty');
  const tables: SimpleTable[] = [];
  const schemas = new Set<string>();
  for (let i = 0; i < names.length; i += 4) {
    const [schema, table, column, other] = [names[i], names[i + 1] ?? 't', names[i + 2] ?? 'c', names[i + 3] ?? 'd'];
    schemas.add(schema);
    const columns = [...new Set([column, other])].map((name, k) => ({ name, comment: k === 0 ? other : undefined, categories: [CATEGORIES[k]] }));
    if (tables.some((t) => t.schema === schema && t.name === table)) continue;
    tables.push({ schema, name: table, comment: column, columns });
  }
  return { tables, schemas: [...schemas] };
}

const options = { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0-test', sampleSize: 100 };

/** Every kind of file we write, for one database. */
function writtenFiles(names: readonly string[]): Record<string, string> {
  const { tables, schemas } = tablesNamed(names);
  const result = scanResult(tables, schemas);
  const streamed = [...datasetYamlChunks(result, options)].join('');
  const whole = datasetFileToYaml(buildDatasetFile(result, options));

  // A review decides every field, then a scan with one table gone is merged in.
  const review = ReviewFile.parse(whole);
  review.fields().forEach((f, i) => (i % 2 ? review.set(f.address, ['user.name']) : review.accept(f.address)));
  const rescan = scanResult(tables.slice(1), schemas);
  review.mergeScan(buildDatasetFile(rescan, { ...options, scannedAt: '2026-02-01T00:00:00.000Z' }));
  const reviewed = review.toString();

  const half = Math.ceil(tables.length / 2);
  const shards = [tables.slice(0, half), tables.slice(half)].map((part, i) => ({
    name: `shard ${i}`,
    text: [...datasetYamlChunks(scanResult(part, schemas), options)].join(''),
  }));
  const shardMerged = mergeShardTexts(shards).yaml;
  return { streamed, whole, reviewed, shardMerged };
}

/** All names in a plain dataset file: schemas, fides_keys, tables, columns, descriptions. */
function namesIn(file: unknown): unknown[] {
  const out: unknown[] = [];
  for (const d of (file as { dataset: Record<string, unknown>[] }).dataset) {
    out.push(d.fides_key, d.name);
    for (const c of d.collections as Record<string, unknown>[]) {
      out.push(c.name, c.description);
      for (const f of c.fields as Record<string, unknown>[]) out.push(f.name, f.description);
    }
  }
  return out;
}

describe('dataset files read back exactly under YAML 1.1 (PyYAML)', () => {
  it('quotes exactly the strings the rule names, in a form both parsers read back', () => {
    const texts = YAML_11_SPECIALS.map((s) => `${doubleQuoted(s)}: [${doubleQuoted(s)}]\n`);
    const reads = pyyamlLoad(texts);
    YAML_11_SPECIALS.forEach((s, i) => {
      expect(reads[i], JSON.stringify(s)).toEqual({ value: { [s]: [s] } });
      expect(YAML.parse(texts[i]), JSON.stringify(s)).toEqual({ [s]: [s] });
    });
    // Every string the `yaml` library's own schema reads as another type is quoted too.
    for (const s of ['0', '-1', '0o7', '0x1f', '1.5', '.5', '1e3', '.inf', '-.inf', '.NaN', 'true', 'False', 'null', '~', '']) expect(needsSafeQuotes(s), s).toBe(true);
    for (const s of ['email', 'user.contact.email', 'first name', 'Zürich', 'yes_no', 'onion', 'null_count']) expect(needsSafeQuotes(s), s).toBe(false);
  });

  it('random identifiers written by us come back exact: streamed, whole-file, reviewed and merged, shard-merged', () => {
    let batches = 0;
    fc.assert(
      fc.property(fc.array(identifier, { minLength: 40, maxLength: 160 }), (names) => {
        const files = writtenFiles(names);
        const kinds = Object.keys(files);
        const texts = Object.values(files);
        const reads = pyyamlLoad(texts);
        batches++;
        reads.forEach((read, i) => {
          if ('error' in read) throw new Error(`PyYAML cannot read the ${kinds[i]} file: ${read.error}`);
          const expected = YAML.parse(texts[i]);
          // Names first (the clearest message), then every other value in the file.
          expect(namesIn(read.value), `${kinds[i]} names`).toEqual(namesIn(expected));
          expect(firstDifference(expected, read.value, ''), kinds[i]).toBeUndefined();
        });
        // The writer puts every name in the file unchanged.
        const written = new Set(namesIn(YAML.parse(files.whole)));
        const { tables } = tablesNamed(names);
        for (const t of tables) for (const c of t.columns) expect(written.has(c.name), JSON.stringify(c.name)).toBe(true);
      }),
      { numRuns: 12 },
    );
    expect(batches).toBeGreaterThanOrEqual(12);
  }, 180_000);

  it('every kind of file passes Fides\' own load check, names full of YAML 1.1 specials included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-yaml11-'));
    const files = Object.entries(writtenFiles(YAML_11_SPECIALS)).map(([kind, text]) => {
      const file = path.join(dir, `${kind}.yml`);
      fs.writeFileSync(file, text);
      return file;
    });
    expect(fidesLoadProblems(files)).toEqual([]);
  });
});
