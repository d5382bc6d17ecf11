/**
 * Address parts stand together: a `state` or `region` column is a person's address part when its table
 * has other parts of an address (a city, a postal code, a street, a country). Alone it is the state of
 * a record in a workflow, or the region of a configuration, and the address reading is ruled out.
 */
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { tableLanguages } from './language-signal.js';
import { tokenizeName } from './tokenize.js';

/** Words that are address parts only beside other address parts (also a workflow state, a sales region). */
const AMBIGUOUS_ADDRESS_WORDS = new Set(['state', 'region']);
/** Words of the other parts of a postal address. */
const ADDRESS_PART_WORDS = new Set([
  'street', 'city', 'town', 'zip', 'postal', 'postcode', 'country', 'province', 'prefecture', 'county', 'locality',
  'municipality', 'district', 'neighborhood', 'suburb', 'house', 'building', 'canton', 'village',
]);
/** `address` of these is no postal address. */
const NOT_POSTAL = new Set(['email', 'mail', 'ip', 'mac', 'web', 'remote', 'wallet', 'server', 'host', 'url', 'network']);

const hasAddressPart = new WeakMap<ColumnInput['table'], ReadonlySet<string>>();

/** Column names of the table that name a part of a postal address, memoised per table. */
function addressColumns(table: ColumnInput['table']): ReadonlySet<string> {
  let found = hasAddressPart.get(table);
  if (!found) {
    const names = table.columns.map((c) => c.name);
    const languages = tableLanguages(table.name, names);
    found = new Set(names.filter((name) => isAddressPart(tokenizeName(name, languages))));
    hasAddressPart.set(table, found);
  }
  return found;
}

function isAddressPart(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => ADDRESS_PART_WORDS.has(t) || (t === 'address' && !(i > 0 && NOT_POSTAL.has(tokens[i - 1]))));
}

/**
 * A veto of the state category for a `state` or `region` column (bare or qualified) whose table has no
 * other column naming an address part; nothing otherwise.
 */
export function addressContextEvidence(input: ColumnInput, tokens: readonly string[]): Evidence[] {
  const word = tokens.find((t) => AMBIGUOUS_ADDRESS_WORDS.has(t));
  if (!word || tokens.some((t) => ADDRESS_PART_WORDS.has(t) || t === 'address')) return [];
  const others = addressColumns(input.table);
  if ([...others].some((name) => name !== input.column.name)) return [];
  return [
    {
      factor: 'name',
      category: CATEGORY.state,
      score: 0,
      veto: true,
      source: 'address-context',
      reason: `no other column of table '${input.table.name}' names a part of an address: '${input.column.name}' is a ${word} of something else (a workflow, a configuration)`,
    },
  ];
}
