/**
 * Tables of places: locations, warehouses, stores, branches, sites, and lookups of cities or postal codes.
 * Their addresses, phone numbers and coordinates are the place's, not a person's (`warehouses.zip`,
 * `locations.latitude`), unless the column names a person (`manager_phone`) or a personal use
 * (`contact_email`). A table of a person's places (`user_locations`) is not one of them.
 */
import { CATEGORY } from '../categories.js';
import { isPersonWord, tableWords } from './table-context.js';

/** Head words of tables whose rows are places. */
const PLACE_WORDS = new Set([
  'location', 'place', 'warehouse', 'store', 'shop', 'branch', 'office', 'site', 'facility', 'venue', 'building', 'station',
  'airport', 'hotel', 'restaurant', 'clinic', 'hospital', 'pharmacy', 'depot', 'plant', 'campus', 'premises', 'outlet',
  'city', 'town', 'municipality', 'region', 'province', 'prefecture', 'county', 'district', 'country', 'zip', 'postcode',
  'territory', 'area', 'landmark', 'port', 'terminal',
]);

/** Categories of a postal address, a phone, a web address or a position: the place's own, in a table of places. */
export const PLACE_CONTACT_CATEGORIES: ReadonlySet<string> = new Set([
  CATEGORY.street, CATEGORY.city, CATEGORY.state, CATEGORY.postalCode, CATEGORY.country, CATEGORY.phone, CATEGORY.email,
  'user.contact.fax_number', 'user.contact.address', 'user.contact.url', CATEGORY.preciseLocation, CATEGORY.impreciseLocation,
]);

/** Words that tie a contact detail in a table of places to a person (`contact_email`, `manager_phone`). */
const PERSONAL_USE_WORDS = new Set(['contact', 'personal', 'private', 'home', 'mobile', 'cell', 'emergency', 'owner', 'manager', 'responsible']);

const placeTables = new Map<string, boolean>();
const CACHE_LIMIT = 5_000;

/** Whether the table's rows are places: its head word is a place and no word names a person. */
export function isPlaceTable(tableName: string): boolean {
  let found = placeTables.get(tableName);
  if (found === undefined) {
    const words = tableWords(tableName);
    found = words.length > 0 && PLACE_WORDS.has(words[words.length - 1]) && !words.some(isPersonWord);
    if (placeTables.size >= CACHE_LIMIT) placeTables.clear();
    placeTables.set(tableName, found);
  }
  return found;
}

/** Whether a column of a table of places still names a person or a personal use. */
export function namesPersonalUse(columnTokens: readonly string[]): boolean {
  return columnTokens.some((t) => PERSONAL_USE_WORDS.has(t) || isPersonWord(t));
}
