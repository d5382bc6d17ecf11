/**
 * Tables of places: warehouses, stores, branches, sites, facilities, and lookups of cities or postal
 * codes. Their addresses, phone numbers, e-mail and web addresses and coordinates are the place's, not
 * a person's (`warehouses.zip`, `sites.latitude`), unless the column names a person (`manager_phone`) or
 * a personal use (`contact_email`). A table of a person's places (`user_locations`) is not one of them,
 * and a table of `locations` or `places` is one only when it names its rows (a `name` column): without
 * names it is a table of addresses, which people live at.
 */
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isPersonWord, tableWords } from './table-context.js';
import { tokenizeName } from './tokenize.js';

/** Head words of tables whose rows are places. */
const PLACE_WORDS = new Set([
  'warehouse', 'store', 'shop', 'branch', 'office', 'site', 'facility', 'venue', 'building', 'station', 'airport', 'hotel',
  'restaurant', 'clinic', 'hospital', 'pharmacy', 'depot', 'plant', 'campus', 'premises', 'outlet', 'city', 'town',
  'municipality', 'region', 'province', 'prefecture', 'county', 'district', 'country', 'zip', 'postcode', 'territory',
  'landmark', 'port', 'terminal',
]);
/** Head words of lookups of places (countries, regions, postal codes): every column of them describes a place. */
const GAZETTEER_WORDS = new Set(['city', 'town', 'municipality', 'region', 'province', 'prefecture', 'county', 'district', 'country', 'zip', 'postcode', 'territory']);
/** Head words of tables of places or of mere addresses: places only when the rows have names. */
const PLACE_OR_ADDRESS_WORDS = new Set(['location', 'place', 'area']);
/** Columns that name or title a row. */
const ROW_NAME_WORDS = new Set(['name', 'title', 'label']);

/** Categories of a postal address, a phone, an e-mail or web address or a position. */
export const PLACE_CONTACT_CATEGORIES: readonly string[] = [
  CATEGORY.street, CATEGORY.city, CATEGORY.state, CATEGORY.postalCode, CATEGORY.country, CATEGORY.phone, CATEGORY.email,
  'user.contact.fax_number', 'user.contact.address', 'user.contact.url', CATEGORY.preciseLocation, CATEGORY.impreciseLocation,
];
/** Column-name words of those categories. */
const CONTACT_WORDS = new Set([
  'street', 'address', 'city', 'town', 'zip', 'postal', 'postcode', 'state', 'province', 'county', 'prefecture', 'region',
  'district', 'country', 'phone', 'telephone', 'fax', 'email', 'mail', 'website', 'url', 'web', 'latitude', 'longitude',
  'geo', 'coordinates', 'gps', 'locality', 'municipality', 'neighborhood',
]);
/** Words that tie a contact detail in a table of places to a person (`contact_email`, `manager_phone`). */
const PERSONAL_USE_WORDS = new Set(['contact', 'personal', 'private', 'home', 'mobile', 'cell', 'emergency', 'owner', 'manager', 'responsible']);

const placeTables = new WeakMap<ColumnInput['table'], boolean>();

/** Whether the table's rows are places (see the file comment), memoised per table. */
export function isPlaceTable(table: ColumnInput['table']): boolean {
  let found = placeTables.get(table);
  if (found === undefined) {
    const words = tableWords(table.name);
    const head = words[words.length - 1];
    const named = () => table.columns.some((c) => tokenizeName(c.name).some((t) => ROW_NAME_WORDS.has(t)));
    found = head !== undefined && !words.some(isPersonWord) && (PLACE_WORDS.has(head) || (PLACE_OR_ADDRESS_WORDS.has(head) && named()));
    placeTables.set(table, found);
  }
  return found;
}

/**
 * For a column of a table of places that names an address part, a phone, an e-mail or web address or a
 * position and no person, and for any column of a list of places (countries, postal codes): vetoes of
 * those categories and evidence for system.operations. Nothing otherwise.
 */
export function placeContactEvidence(input: ColumnInput, tokens: readonly string[]): Evidence[] {
  const word = tokens.find((t) => CONTACT_WORDS.has(t));
  if (tokens.some((t) => PERSONAL_USE_WORDS.has(t) || isPersonWord(t)) || !isPlaceTable(input.table)) return [];
  const words = tableWords(input.table.name);
  const gazetteer = GAZETTEER_WORDS.has(words[words.length - 1]);
  if (!word && !gazetteer) return [];
  const reason = word
    ? `column '${input.column.name}' names the ${word} of the places in table '${input.table.name}', not of a person`
    : `table '${input.table.name}' is a list of places: its column '${input.column.name}' describes a place, not a person`;
  return [
    { factor: 'name', category: CATEGORY.operations, score: PLACE_CONTACT_SCORE, source: 'place-context', reason },
    ...PLACE_CONTACT_CATEGORIES.map((category): Evidence => ({ factor: 'name', category, score: 0, veto: true, source: 'place-context', reason })),
  ];
}

/** How strongly the address, phone or position of a place speaks for system.operations. */
const PLACE_CONTACT_SCORE = 0.6;
