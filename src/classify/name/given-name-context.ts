/**
 * A bare name beside a family name is the given name: `name` next to `surname`, Italian `nome` next to
 * `cognome`, Turkish `adi` next to `soyadi`, and with the same qualifiers on both (`payer_name` and
 * `payer_surname`, `rf_nome` and `rf_cognome`). Forms in many languages write a person's name as
 * "name" and "surname"; alone, or beside a differently qualified family name, `name` stays a name.
 */
import type { TableMetadata } from '../../core/metadata.js';
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { tableLanguages } from './language-signal.js';
import { tokenizeName } from './tokenize.js';

/** How a family name is read once translated (`surname`, `cognome` → last name, `Familienname`). */
const FAMILY_NAME_WORDS: readonly (readonly string[])[] = [['last', 'name'], ['sur', 'name'], ['surname'], ['family', 'name']];
const GIVEN_NAME_SCORE = 0.9;

/** The translated words of each column of a table, read in its languages; memoised per table. */
const columnWords = new WeakMap<TableMetadata, ReadonlyMap<string, string>>();

function wordsOfColumns(table: TableMetadata): ReadonlyMap<string, string> {
  let words = columnWords.get(table);
  if (!words) {
    const names = table.columns.map((c) => c.name);
    const languages = tableLanguages(table.name, names);
    words = new Map(names.map((n) => [tokenizeName(n, languages).join(' '), n]));
    columnWords.set(table, words);
  }
  return words;
}

/** Given-name evidence for a bare name with a family name beside it, or nothing. */
export function givenNameEvidence(input: ColumnInput, tokens: readonly string[]): Evidence[] {
  const at = tokens.indexOf('name');
  if (at < 0 || tokens.indexOf('name', at + 1) >= 0) return [];
  const before = tokens.slice(0, at);
  const after = tokens.slice(at + 1);
  const columns = wordsOfColumns(input.table);
  for (const family of FAMILY_NAME_WORDS) {
    const sibling = columns.get([...before, ...family, ...after].join(' '));
    if (sibling === undefined || sibling === input.column.name) continue;
    const reason = `column '${input.column.name}' is a bare name beside '${sibling}', a family name with the same qualifiers: the given name`;
    // The given name, not a name in general: the generic reading steps aside.
    return [
      { factor: 'name', category: CATEGORY.firstName, score: GIVEN_NAME_SCORE, source: 'given-name-context', reason },
      { factor: 'name', category: CATEGORY.name, score: 0, veto: true, source: 'given-name-context', reason },
    ];
  }
  return [];
}
