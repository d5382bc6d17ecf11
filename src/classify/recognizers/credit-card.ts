/** Payment card numbers: issuer prefix and length, Luhn checksum; spaces and dashes allowed. */
import { CATEGORY } from '../categories.js';
import { tableQualifiedTokens } from '../name/table-context.js';
import { percent, round3 } from './column-context.js';
import { defineRecognizer, evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

/** [prefix range low, high, allowed lengths] for the major networks. */
const ISSUERS: readonly (readonly [number, number, readonly number[]])[] = [
  [4, 4, [13, 16, 19]], // Visa
  [51, 55, [16]], // Mastercard
  [2221, 2720, [16]], // Mastercard 2-series
  [34, 34, [15]], // American Express
  [37, 37, [15]],
  [6011, 6011, [16, 17, 18, 19]], // Discover
  [644, 649, [16, 17, 18, 19]],
  [65, 65, [16, 17, 18, 19]],
  [300, 305, [14, 15, 16, 17, 18, 19]], // Diners Club
  [36, 36, [14, 15, 16, 17, 18, 19]],
  [38, 39, [16, 17, 18, 19]],
  [3528, 3589, [16, 17, 18, 19]], // JCB
  [62, 62, [16, 17, 18, 19]], // UnionPay
  [50, 50, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro
  [56, 58, [12, 13, 14, 15, 16, 17, 18, 19]],
  [6759, 6759, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro UK
  [1, 1, [15]], // UATP (airline cards)
  [2200, 2204, [16, 17, 18, 19]], // Mir
];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function knownIssuer(digits: string): boolean {
  return ISSUERS.some(([low, high, lengths]) => {
    const width = String(low).length;
    const prefix = Number(digits.slice(0, width));
    return prefix >= low && prefix <= high && lengths.includes(digits.length);
  });
}

const ALL_SAME = /^(\d)\1+$/;

const cardNumbers = defineRecognizer({
  id: 'credit-card',
  category: CATEGORY.creditCard,
  noun: 'card numbers with a valid issuer prefix and Luhn checksum',
  // Necessary shape: 12-19 digits, spaces or dashes only.
  gate: { minDigits: 12, maxDigits: 19, none: ~(TRAIT.digit | TRAIT.space | TRAIT.dash) },
  patterns: [{ name: 'card number (12-19 digits)', regex: /^\d{12,19}$/, score: 1 }],
  context: ['card', 'credit', 'debit', 'cc', 'pan'],
  prefilter: (value: string) => value.length >= 12 && value.length <= 23 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  normalize: (value: string) => (/[ -]/.test(value) ? value.replace(/[ -]/g, '') : value),
  validate: (digits: string) => !ALL_SAME.test(digits) && knownIssuer(digits) && luhnValid(digits),
});

const CARD_WORDS: ReadonlySet<string> = new Set(['card', 'credit', 'debit', 'cc', 'ccn', 'pan', 'cvv', 'cvc', 'cvv2']);
/** Card columns that hold something other than card data: an id, a type, a limit, a holder's name, another kind of card. */
const NOT_CARD_DATA: ReadonlySet<string> = new Set([
  'id', 'key', 'uuid', 'fk', 'type', 'brand', 'issuer', 'network', 'limit', 'fee', 'gift', 'loyalty', 'library', 'sim', 'business',
  'greeting', 'rate', 'score', 'count', 'holder', 'name', 'status', 'balance', 'reward', 'points', 'member', 'membership', 'id card',
  'identity', 'report', 'flag', 'is', 'has', 'preferred', 'default', 'token', 'hash', 'last',
]);
const SECURITY_WORDS: ReadonlySet<string> = new Set(['cvv', 'cvc', 'cvv2', 'cvc2', 'csc', 'cvn', 'security', 'verification', 'code', 'pin']);
const EXPIRY_WORDS: ReadonlySet<string> = new Set(['expiry', 'expiration', 'exp', 'expires', 'valid', 'thru']);

/** A card-data shape, the score a value of it gets in a card column, and how reasons describe it. */
interface CardShape {
  readonly test: (value: string) => boolean;
  readonly score: number;
  readonly noun: string;
}
/** 12-19 digits that failed the issuer/Luhn check above: the shape of a card number, e.g. generated test data. */
const CARD_NUMBER = /^\d{12,19}$/;
const isCardNumber = (digits: string): boolean => CARD_NUMBER.test(digits) && cardNumbers.validate!(digits) === true;
const VALID_NUMBER: CardShape = { test: isCardNumber, score: 1, noun: 'are valid card numbers' };
const TEST_NUMBER: CardShape = { test: (v) => CARD_NUMBER.test(v) && !isCardNumber(v), score: 0.6, noun: 'have the shape of card numbers but fail the issuer or Luhn check (test data?)' };
const MASKED: CardShape = { test: (v) => /^(?=.{12,23}$)\d{0,6}[ -]?(?:[*xX•#][ -]?){4,}\d{2,4}$/.test(v), score: 0.8, noun: 'are masked card numbers' };
const SHORT_NUMBER: CardShape = { test: (v) => /^\d{6,11}$/.test(v), score: 0.35, noun: 'are numbers too short for card numbers (test or truncated data?)' };
const SECURITY_CODE: CardShape = { test: (v) => /^\d{3,4}$/.test(v), score: 0.7, noun: 'have the shape of card security codes (3-4 digits)' };
const EXPIRY: CardShape = {
  test: (v) => /^(?:(?:0?[1-9]|1[0-2])\s?[/-]\s?(?:\d{2}|\d{4})|\d{4}[/-](?:0?[1-9]|1[0-2]))$/.test(v),
  score: 0.7,
  noun: 'have the shape of card expiry dates (month and year)',
};

/** Which card data the column's name says it holds, or undefined when it does not speak of cards. */
function cardColumnKind(options: EvaluateOptions): 'number' | 'security' | 'expiry' | undefined {
  let words = options.nameTokens ?? [];
  if (!words.some((w) => CARD_WORDS.has(w)) && options.column) {
    words = tableQualifiedTokens(words, options.column.input.table.name) ?? [];
    if (!words.some((w) => CARD_WORDS.has(w))) return undefined;
  }
  if (words.length === 0 || words.some((w) => NOT_CARD_DATA.has(w))) return undefined;
  if (words.some((w) => EXPIRY_WORDS.has(w))) return 'expiry';
  if (words.some((w) => SECURITY_WORDS.has(w) && w !== 'pin')) return 'security';
  return 'number';
}

const SHAPES: Record<'number' | 'security' | 'expiry', readonly CardShape[]> = {
  number: [VALID_NUMBER, TEST_NUMBER, MASKED, SHORT_NUMBER],
  security: [SECURITY_CODE],
  expiry: [EXPIRY],
};
/** Few distinct values prove little (as in evaluateRecognizer). */
const FULL_TRUST_DISTINCT = 5;

/** Card data of the shapes a card column's name leads us to expect, scored by share; undefined when none. */
function cardShapeEvidence(values: PreparedValues, kind: 'number' | 'security' | 'expiry', columnName: string) {
  const shapes = SHAPES[kind];
  const counts = new Map<CardShape, number>();
  let weighted = 0;
  let distinct = 0;
  for (let i = 0; i < values.distinct.length; i++) {
    const raw = values.distinct[i];
    const value = kind === 'number' ? cardNumbers.normalize!(raw) : raw;
    const shape = shapes.find((s) => s.test(value));
    if (!shape) continue;
    distinct++;
    counts.set(shape, (counts.get(shape) ?? 0) + values.counts[i]);
    weighted += shape.score * values.counts[i];
  }
  if (distinct === 0) return undefined;
  const trust = distinct >= FULL_TRUST_DISTINCT ? 1 : 0.6 + (0.4 * distinct) / FULL_TRUST_DISTINCT;
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([shape, n]) => `${percent(n / values.total)} ${shape.noun}`);
  return {
    factor: 'values' as const,
    category: CATEGORY.creditCard,
    source: 'credit-card',
    score: round3((weighted / values.total) * trust),
    reason: `in column '${columnName}', which names card data, ${parts.join(', ')} of ${values.total} sampled values${distinct < FULL_TRUST_DISTINCT ? `; only ${distinct} distinct` : ''}`,
  };
}

function recognizeCards(values: PreparedValues, options: EvaluateOptions) {
  const found = evaluateRecognizer(cardNumbers, values, options);
  const kind = cardColumnKind(options);
  if (!kind || !options.column) return found ? [found] : [];
  const shaped = cardShapeEvidence(values, kind, options.column.input.column.name);
  if (shaped && (!found || shaped.score > found.score)) return [shaped];
  return found ? [found] : [];
}

export const creditCardRecognizer: ValueRecognizer = { ...cardNumbers, recognizeColumn: recognizeCards };
