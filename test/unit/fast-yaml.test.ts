/**
 * The fast reader behind check, review --list, diff and export gives exactly what the `yaml`
 * library gives, on everything our writer writes and on the hand-written variants people make; what
 * it does not cover it refuses (UnsupportedYaml), and readDatasetFile then falls back to the library.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { datasetYamlChunks } from '../../src/fides/dataset-stream.js';
import { readDatasetFile } from '../../src/fides/dataset-read.js';
import { parseYamlLines, stringLines, UnsupportedYaml } from '../../src/fides/fast-yaml.js';
import { hashText, ReviewFile } from '../../src/review/review-file.js';
import { scanResult } from '../helpers/review-scan.js';
import { TRICKY_STRINGS, trickyString } from './yaml-tricky-strings.js';

const fast = (text: string): unknown => parseYamlLines(stringLines(text));

/** Fast equals the library, or fast refuses; returns whether it read it. */
function sameAsLibrary(text: string): boolean {
  let value: unknown;
  try {
    value = fast(text);
  } catch (error) {
    if (error instanceof UnsupportedYaml) return false;
    throw error;
  }
  expect(value).toEqual(YAML.parse(text));
  return true;
}

const scalar = fc.oneof(
  { weight: 6, arbitrary: trickyString },
  fc.double(),
  fc.integer(),
  fc.constantFrom(0.5, 1, -0, 1e21, 1e-7, Number.NaN, Infinity, -Infinity),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof({ weight: 3, arbitrary: trickyString.filter((s) => s.length < 200) }, fc.constantFrom('name', 'fields', 'data_categories', 'evidence', '__proto__'));
const { value: tree } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

describe('fast YAML reader', () => {
  it('reads whatever our writer writes exactly as the yaml library does', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), (collection) => {
        runs++;
        if (sameAsLibrary(datasetFileToYaml({ dataset: [{ fides_key: 'k', collections: [collection] }] } as never))) read++;
      }),
      { numRuns: 1000 },
    );
    // Only what the library writes itself (null values in odd places, keys over 1024 characters) may be refused.
    expect(read / runs).toBeGreaterThan(0.9);
  });

  it('reads every tricky string as key and value, in block and flow context', () => {
    for (const s of TRICKY_STRINGS) {
      const text = datasetFileToYaml({
        dataset: [
          {
            fides_key: s,
            name: s,
            collections: [
              {
                name: s,
                fields: [
                  {
                    name: s,
                    data_categories: [s, s],
                    piiscout: { factors: { [s]: 1 }, evidence: [{ [s]: s, reason: s }] },
                  },
                ],
              },
            ],
          },
        ],
      } as never);
      expect(sameAsLibrary(text) || s.length > 1000, JSON.stringify(s)).toBe(true);
    }
  });

  it('reads scan files, reviewed and merged files', () => {
    const tables = [
      { schema: 'клиенты', name: 'people', comment: 'a: "b" #c', columns: [{ name: 'yes', comment: 'x\ny' }, { name: 'id', pk: true }, { name: 'ref', references: 'people.id' }] },
      { schema: 'a b', name: '- x', columns: [{ name: '1_000', categories: ['user.name', 'user.contact.email'] }] },
    ];
    const text = [...datasetYamlChunks(scanResult(tables, ['клиенты', 'a b', 'empty']), { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't', sampleSize: 1 })].join('');
    expect(sameAsLibrary(text)).toBe(true);
    const review = ReviewFile.parse(text);
    for (const f of review.fields()) review.set(f.address, ['user.name']);
    expect(sameAsLibrary(review.toString())).toBe(true);
  });

  it('reads the hand-written variants people make', () => {
    const variants = [
      'dataset:\n- fides_key: x\n  collections:\n  - name: t\n    fields:\n    - name: a\n      data_categories: [user.name]\n',
      'dataset:\n    -   fides_key: x   # key\n        collections:\n            -   name: t\n                fields: []\n',
      '# header\n\ndataset:   \n  - fides_key: "x"\n    name: \'it\'\'s\'\n    collections:\n      # a comment\n      - name: t\n        fields:\n          - name: a # trailing\n            data_categories: [ user.name , "user.contact.email" ]\n            piiscout: { status: accepted , confidence: 0.5, proposal: {categories: [a, b], confidence: 1}}\n',
      'dataset:\r\n  - fides_key: x\r\n    collections: []\r\n',
      '\ufeffdataset:\n  - fides_key: x\n    collections: []\n',
      'dataset:\n  - fides_key: x\n    meta:\n    collections:\n      - name: t\n        fields:\n          -\n            name: a\n          - name: b\n            fields:\n              - name: c\n',
      'dataset:\n  - fides_key: x\n    description: ~\n    tags: [a, "b", \'c\', 1, 0x1F, .inf, true, null, ]\n    x: {a: 1, "b": [2, {c: d}], e: }\n    collections: []\n',
      'a: 1\nb:\n  - 1\n  - - 2\n',
      'a: "\\x41\\u263A\\U0001F600\\t\\N\\_\\L\\P\\/\\ \\0"\nb: a:b\nc: a#b\nd: -a\ne: ?a\n',
    ];
    for (const [i, text] of variants.entries()) expect(sameAsLibrary(text), `variant ${i}`).toBe(true);
  });

  it('refuses what it does not cover, and readDatasetFile then reads it with the library', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-fast-yaml-'));
    const head = 'dataset:\n  - fides_key: x\n    collections:\n      - name: t\n        fields:\n          - name: a\n';
    const unsupported = [
      `${head}            description: |\n              line one\n              line two\n`,
      `${head}            description: >-\n              folded\n`,
      `${head}            description: plain\n              continued\n`,
      `${head}            description: "quoted\n              continued"\n`,
      `${head}            data_categories: &cats [user.name]\n          - name: b\n            data_categories: *cats\n`,
      `${head}            data_categories: !!seq [user.name]\n`,
      `${head}            ? description\n            : x\n`,
      `${head}            name: again\n`,
      `${head}            data_categories: [user.name,\n              user.contact.email]\n`,
      `---\n${head}`,
      `${head}...\n`,
      `%YAML 1.2\n---\n${head}`,
      `${head}            1: number key\n`,
    ];
    unsupported.forEach((text, i) => {
      expect(() => fast(text), `variant ${i}`).toThrow(UnsupportedYaml);
      const file = path.join(dir, `v${i}.yml`);
      fs.writeFileSync(file, text);
      let expected: unknown;
      try {
        expected = YAML.parse(text);
      } catch {
        expect(() => readDatasetFile(file), `variant ${i}`).toThrow(/invalid YAML at line/);
        return;
      }
      expect(readDatasetFile(file, { details: true }).value, `variant ${i}`).toEqual(expected);
    });
  });

  it('reads a file in chunks, whatever falls on a chunk boundary, and hashes it as ReviewFile does', () => {
    // Over one 4 MB chunk, full of two-, three- and four-byte characters.
    const fields = Array.from({ length: 60_000 }, (_, i) => `          - name: клиенты_€_😀_${i}\n            data_categories: [user.name]\n`);
    const text = `dataset:\n  - fides_key: k\n    collections:\n      - name: t\n        fields:\n${fields.join('')}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 << 20);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-fast-yaml-')), 'big.yml');
    fs.writeFileSync(file, text);
    const read = readDatasetFile(file, { details: true, version: true });
    // The same as reading the whole text at once (which the tests above compare with the library).
    expect(read.value).toEqual(fast(text));
    expect(read.version).toBe(hashText(text));
  });

  it('leaves out evidence, alternatives and factors unless asked for', () => {
    const text = datasetFileToYaml({ dataset: [{ fides_key: 'k', collections: [{ name: 't', fields: [{ name: 'a', piiscout: { status: 'proposed', confidence: 1, factors: { name: 1 }, alternatives: [{ category: 'x', confidence: 0 }], evidence: [{ reason: 'r' }] }, fields: [{ name: 'b', piiscout: { evidence: [] } }] }] }] }] } as never);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-fast-yaml-')), 'lean.yml');
    fs.writeFileSync(file, text);
    const lean = readDatasetFile(file).value as { dataset: { collections: { fields: { piiscout: object; fields: { piiscout: object }[] }[] }[] }[] };
    expect(lean.dataset[0].collections[0].fields[0].piiscout).toEqual({ status: 'proposed', confidence: 1 });
    expect(lean.dataset[0].collections[0].fields[0].fields[0].piiscout).toEqual({});
    expect(readDatasetFile(file, { details: true }).value).toEqual(YAML.parse(text));
  });
});

describe('ReviewFile.readFields', () => {
  it('gives the same fields and the same errors as ReviewFile.load', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-read-fields-'));
    const text = [
      'dataset:',
      '  - fides_key: shop_public',
      '    name: public',
      '    fides_meta: {namespace: {database_name: shop, schema: public}}',
      '    collections:',
      '      - name: users',
      '        fields:',
      '          - name: email',
      '            data_categories: [user.contact.email]',
      '            piiscout: {status: accepted, reviewed_at: "2026-01-01", proposal: {categories: [user.name], confidence: 0.4}}',
      '          - name: 2021',
      '            data_categories: [system.operations]',
      '          - name: doc',
      '            fields:',
      '              - name: inner',
      '                piiscout: {status: proposed, confidence: 0.5, new: true, evidence: [{reason: r}], alternatives: [{category: user.name, confidence: 0.1}]}',
      '          - name: email',
      '            piiscout: {status: ignored}',
      '          - name: gone',
      '            description: 12',
      '            fides_meta: {data_type: string}',
      '            piiscout: {status: proposed, removed: true, note: n}',
      '  - fides_key: other',
      '    collections:',
    ].join('\n');
    const file = path.join(dir, 'a.yml');
    fs.writeFileSync(file, text);
    const read = ReviewFile.readFields(file, { details: true, version: true });
    const loaded = ReviewFile.load(file);
    expect(read.fields).toEqual(loaded.fields());
    expect(read.version).toBe(loaded.version);
    expect(read.fields.map((f) => f.address.field)).toEqual(['email', '2021', 'doc.inner', 'gone']);
    const lean = ReviewFile.readFields(file).fields;
    expect(lean[2].evidence).toBeUndefined();
    expect(lean.map(({ evidence: _e, alternatives: _a, ...rest }) => rest)).toEqual(loaded.fields().map(({ evidence: _e, alternatives: _a, ...rest }) => rest));

    for (const bad of ['x: 1\n', 'dataset:\n  - collections: []\n', 'dataset:\n  - fides_key: k\n    collections:\n      - fields: []\n', 'dataset:\n  - fides_key: k\n    collections:\n      - name: t\n        fields:\n          - name: a\n            piiscout: {status: acepted}\n', 'dataset: [\n']) {
      fs.writeFileSync(file, bad);
      let expected = '';
      try {
        ReviewFile.load(file);
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(expected).not.toBe('');
      expect(() => ReviewFile.readFields(file)).toThrow(expected);
    }
  });
});
