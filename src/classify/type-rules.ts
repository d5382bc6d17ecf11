/**
 * What a column's SQL type says: it rules categories out (a boolean holds no email addresses, a
 * varchar(2) no street) and sometimes supports one (inet → IP address, date → date of birth).
 * Categories not listed here get no type opinion at all.
 */
import type { ColumnMetadata, NormalizedType } from '../core/metadata.js';
import type { Evidence } from './types.js';
import { CATEGORY } from './categories.js';
import { splitIdentifier, tokenizeName } from './name/tokenize.js';
import { AMBIGUOUS_WORDS } from './name/lexicon.js';

interface TypeRule {
  /** Types that can hold the category; any other type vetoes it. */
  readonly types: readonly NormalizedType[];
  /** Types that positively suggest the category, with a score. */
  readonly supports?: Partial<Record<NormalizedType, number>>;
  /** A declared maximum length below this cannot hold a value of the category. */
  readonly minLength?: number;
  readonly noun: string;
  /** Types allowed too when the column name has one of these words (a house number is an integer part of a street address). */
  readonly partTypes?: { readonly types: readonly NormalizedType[]; readonly words: readonly string[] };
}

const TEXT: readonly NormalizedType[] = ['string', 'other', 'json', 'enum'];
/** Region words that are never a workflow's state: their integer columns hold region codes. */
const REGION_CODE_WORDS = ['prefecture', 'province', 'county', 'canton'];
/** Words of a key into a lookup table (`fk_state`, `country_fk`). */
const LOOKUP_KEY_WORDS = ['fk', 'id', 'key', 'code', 'cd'];

export const TYPE_RULES: Readonly<Record<string, TypeRule>> = {
  [CATEGORY.email]: { types: TEXT, minLength: 6, noun: 'email addresses' },
  [CATEGORY.phone]: { types: [...TEXT, 'integer', 'decimal'], minLength: 7, noun: 'phone numbers' },
  [CATEGORY.name]: { types: TEXT, minLength: 3, noun: 'person names' },
  [CATEGORY.firstName]: { types: TEXT, minLength: 2, noun: 'given names' },
  [CATEGORY.lastName]: { types: TEXT, minLength: 2, noun: 'family names' },
  [CATEGORY.dateOfBirth]: { types: [...TEXT, 'date', 'timestamp', 'integer'], supports: { date: 0.7, timestamp: 0.4 }, minLength: 6, noun: 'dates of birth' },
  [CATEGORY.street]: { types: TEXT, minLength: 5, noun: 'street addresses', partTypes: { types: ['integer'], words: ['house', 'number', 'building'] } },
  [CATEGORY.city]: { types: TEXT, minLength: 2, noun: 'city names' },
  // A region-level part may be the code of a lookup (`prefecture` 1-47, `fk_state`): an integer key of a list of regions.
  [CATEGORY.state]: { types: TEXT, minLength: 2, noun: 'states or regions', partTypes: { types: ['integer'], words: [...REGION_CODE_WORDS, ...LOOKUP_KEY_WORDS] } },
  [CATEGORY.postalCode]: { types: [...TEXT, 'integer'], minLength: 3, noun: 'postal codes' },
  [CATEGORY.country]: { types: TEXT, minLength: 2, noun: 'countries', partTypes: { types: ['integer'], words: LOOKUP_KEY_WORDS } },
  [CATEGORY.ipAddress]: { types: [...TEXT, 'inet', 'integer', 'binary'], supports: { inet: 1 }, minLength: 7, noun: 'IP addresses' },
  [CATEGORY.creditCard]: { types: [...TEXT, 'integer', 'decimal'], minLength: 12, noun: 'card numbers' },
  [CATEGORY.username]: { types: TEXT, minLength: 2, noun: 'user names' },
  [CATEGORY.password]: { types: [...TEXT, 'binary'], minLength: 4, noun: 'passwords' },
  [CATEGORY.uniqueId]: { types: [...TEXT, 'integer', 'decimal', 'uuid', 'binary'], supports: { uuid: 0.5 }, noun: 'identifiers' },
};

const TYPE_TEXT: Partial<Record<NormalizedType, string>> = { integer: 'an integer', inet: 'an inet', enum: 'an enum', interval: 'an interval', uuid: 'a uuid' };

function isPartType(rule: TypeRule, column: ColumnMetadata): boolean {
  if (!rule.partTypes?.types.includes(column.normalizedType)) return false;
  const tokens = tokenizeName(column.name);
  // The type rules do not know the table's language: a word that means a part in some language (`pref`,
  // Japanese for prefecture) lets the type through; the name rules decide in the table's language.
  const readings = splitIdentifier(column.name).flatMap((w) => AMBIGUOUS_WORDS.get(w)?.flatMap((r) => r.words) ?? []);
  return rule.partTypes.words.some((w) => tokens.includes(w) || readings.includes(w));
}

/** Type evidence for one column: vetoes and supports for the categories in TYPE_RULES. */
export function typeEvidence(column: ColumnMetadata, rules: Readonly<Record<string, TypeRule>> = TYPE_RULES): Evidence[] {
  const type = column.normalizedType;
  const typeText = `${TYPE_TEXT[type] ?? `a ${type}`} column (${column.rawType})`;
  const out: Evidence[] = [];
  for (const [category, rule] of Object.entries(rules)) {
    if (!rule.types.includes(type) && !rule.supports?.[type] && !isPartType(rule, column)) {
      out.push({ factor: 'type', category, score: 0, veto: true, source: 'type-rules', reason: `${typeText} cannot hold ${rule.noun}` });
      continue;
    }
    if (rule.minLength !== undefined && column.maxLength !== undefined && column.maxLength < rule.minLength && TEXT.includes(type)) {
      out.push({ factor: 'type', category, score: 0, veto: true, source: 'type-rules', reason: `a column limited to ${column.maxLength} characters cannot hold ${rule.noun}` });
      continue;
    }
    const support = rule.supports?.[type];
    if (support) out.push({ factor: 'type', category, score: support, source: 'type-rules', reason: `${typeText} fits ${rule.noun}` });
  }
  return out;
}
