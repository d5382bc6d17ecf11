/**
 * The table name index (src/classify/subject/table-words.ts) answers without walking every table of a
 * name, and must answer as the walk did: compared with the straightforward lookups on generated names
 * (many tables of the same name, several schemas, abbreviations of equal and different lengths).
 */
import { describe, expect, it } from 'vitest';
import { TableNameIndex, type TableName } from '../../../src/classify/subject/table-words.js';
import { mulberry32 } from '../../../src/util/seeded-random.js';

const key = (words: readonly string[]) => words.join(' ');

/** The lookups as the index made them before: a filter over every table. */
class WalkingIndex {
  constructor(private readonly names: readonly TableName[]) {}

  exact(words: readonly string[]): readonly string[] {
    const found = key(words) === '' ? [] : this.names.filter((t) => key(t.core) === key(words) || key(t.raw) === key(words));
    if (found.length <= 1) return found.map((t) => t.id);
    const raw = found.filter((t) => key(t.raw) === key(words));
    return (raw.length > 0 ? raw : found).map((t) => t.id);
  }

  abbreviated(abbreviation: string, schema?: string): string | undefined {
    if (abbreviation.length < 3) return undefined;
    const oneWord = this.names.filter((t) => t.raw.length === 1).map((t) => ({ word: t.raw[0], id: t.id, schema: t.schema }));
    oneWord.sort((a, b) => a.word.length - b.word.length || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    const all = oneWord.filter((t) => t.word.length > abbreviation.length && t.word.startsWith(abbreviation));
    const own = schema === undefined ? [] : all.filter((t) => t.schema === schema);
    const found = own.length > 0 ? own : all;
    if (found.length === 0) return undefined;
    if (found.length > 1 && found[1].word.length === found[0].word.length) return undefined;
    return found[0].id;
  }
}

const WORDS = ['customer', 'cust', 'custom', 'custodian', 'order', 'orders', 'ord', 'ordinal', 'soc', 'societe', 'socpeople', 'item', 'temp'];

describe('the table name index', () => {
  it('finds the tables of a name and the table an abbreviation names as walking every table did', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const pick = () => WORDS[Math.floor(random() * WORDS.length)];
      const names: TableName[] = Array.from({ length: 1 + Math.floor(random() * 60) }, (_, i) => {
        const raw = random() < 0.7 ? [pick()] : [pick(), pick()];
        const core = random() < 0.7 ? raw : raw.slice(0, 1);
        const schema = random() < 0.7 ? 's1' : 's2';
        return { id: `${schema}.t${i}`, schema, name: `t${i}`, core, raw };
      });
      const index = new TableNameIndex(names);
      const walking = new WalkingIndex(names);
      for (const a of WORDS) {
        for (const words of [[a], [a, pick()], []]) expect(index.exact(words), `seed ${seed}: ${key(words)}`).toEqual(walking.exact(words));
        for (const abbreviation of [a, a.slice(0, 3), a.slice(0, 4), a.slice(0, 2)]) {
          for (const schema of [undefined, 's1', 's2', 's3']) {
            expect(index.abbreviated(abbreviation, schema), `seed ${seed}: ${abbreviation} in ${schema}`).toBe(walking.abbreviated(abbreviation, schema));
          }
        }
      }
    }
  });
});
