import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import YAML from 'yaml';
import { datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { blockSeqMapItemText, stringText } from '../../src/fides/yaml-emit.js';
import { SAFE_SCHEMA } from '../../src/fides/yaml-safe.js';
import { TRICKY_STRINGS, trickyString } from './yaml-tricky-strings.js';

/** What the library writes for `map` as a collection of a dataset file (the old per-collection path). */
function viaLibrary(map: Record<string, unknown>): string {
  const text = datasetFileToYaml({ dataset: [{ collections: [map] }] } as never);
  const head = '\n  - collections:\n';
  return text.slice(text.indexOf(head) + head.length);
}
const viaEmitter = (map: Record<string, unknown>): string => blockSeqMapItemText(map, 6);

const FLOW_KEYS = ['data_categories', 'factors', 'evidence', 'alternatives'];
const key = fc.oneof({ weight: 3, arbitrary: trickyString }, { weight: 2, arbitrary: fc.constantFrom(...FLOW_KEYS, 'name', 'w', '__proto__') });
const scalar = fc.oneof(
  { weight: 6, arbitrary: trickyString },
  fc.double(),
  fc.integer(),
  fc.constantFrom(0.5, 1, 0.95, 0.1 + 0.2, -0, 1e21, 1e-7, Number.NaN, Infinity, -Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const { value: tree } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));
const collection = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 });

describe('direct YAML emitter', () => {
  it('writes every tricky string as the library does, as key and value, in block and flow context', () => {
    for (const s of TRICKY_STRINGS) {
      const map = {
        [s]: s,
        name: s,
        data_categories: [s, s],
        factors: { [s]: s },
        evidence: [{ [s]: s, reason: s }, { reason: 'plain' }],
        items: [s, { [s]: [s] }],
      };
      expect(viaEmitter(map), JSON.stringify(s)).toBe(viaLibrary(map));
    }
  });

  it('leaves to the library exactly the document markers that need no escapes', () => {
    const options = { lineWidth: 0, flowCollectionPadding: false };
    const flowDoc = (s: string): string => {
      const doc = new YAML.Document({ k: [s] }, SAFE_SCHEMA);
      (doc.get('k') as YAML.YAMLSeq).flow = true;
      return doc.toString(options);
    };
    for (const s of TRICKY_STRINGS) {
      const block = stringText(s, false);
      const flow = stringText(s, true);
      if (block !== undefined) expect(new YAML.Document({ k: s }, SAFE_SCHEMA).toString(options), JSON.stringify(s)).toBe(`k: ${block}\n`);
      if (flow !== undefined) expect(flowDoc(s), JSON.stringify(s)).toBe(`k: [${flow}]\n`);
      const needsLibrary = /^(?:---|\.\.\.)/.test(s) && !/[\x00-\x1f\x7f-\x9f\u2028\u2029]/.test(s);
      expect(block === undefined, JSON.stringify(s)).toBe(needsLibrary);
      expect(flow === undefined, JSON.stringify(s)).toBe(needsLibrary);
    }
    // The common cases never need the library.
    for (const s of ['user.contact.email', "column name 'email'", 'a, b: "c" #d', '007', '', 'Zürich 😀']) expect(stringText(s, true)).toBeDefined();
  });

  it('matches the library on random nested data with odd keys, strings and numbers', () => {
    fc.assert(
      fc.property(collection, (map) => {
        expect(viaEmitter(map)).toBe(viaLibrary(map));
      }),
      { numRuns: 1500 },
    );
  });

  it('falls back to the library for values it does not write itself, at the right depth', () => {
    const map = {
      name: 'users',
      description: 'first line\nsecond: "line"\n\n  indented\n',
      when: new Date(Date.UTC(2024, 0, 1)),
      none: null,
      piiscout: { kind: 'table', note: 'trailing spaces \n', keep: 'a\n\n\n', big: 10n, [`k${'y'.repeat(1100)}`]: 1 },
      fields: [{ name: 'a\nb', data_categories: ['x\ny'], piiscout: { evidence: [{ reason: 'multi\nline, with comma' }, { reason: null }] } }],
    };
    expect(viaEmitter(map)).toBe(viaLibrary(map));
    expect(viaEmitter(map)).toContain('description: "first line\\nsecond: \\"line\\"\\n\\n  indented\\n"');
    expect(viaEmitter(map)).toContain('none: null');
  });

  it('writes an empty map and empty collections as the library does', () => {
    for (const map of [{}, { a: undefined }, { a: [] }, { a: {} }, { a: { b: undefined } }, { factors: {} }, { evidence: [{}] }, { a: [{}, []] }]) {
      expect(viaEmitter(map), JSON.stringify(map)).toBe(viaLibrary(map));
    }
  });
});
