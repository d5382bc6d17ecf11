/**
 * UUIDs and other opaque identifiers (ULIDs, Mongo ObjectIds, dashless UUIDs, random tokens).
 *
 * Why the category depends on context: a UUID says nothing about a person by itself; every row of
 * every table can have one. It identifies a person only when the column does (the same decision as
 * `name/identifier-rules.ts`: the key of a person table, a foreign key to one, a `<person>_id` name),
 * or when a column of a person table is unique per row. Then this is `user.unique_id` (device ids
 * become `user.device.device_id`). Otherwise the values are positive evidence for
 * `system.operations`, damped to 0.8 so that contextual evidence for a personal category still wins,
 * but strong enough that an id column is not left to a weak name or shape guess (names, phones).
 * Columns named like secrets or hashes are left to the api-token and password-hash recognizers.
 */
import { CATEGORY } from '../categories.js';
import { hasWord, personIdentifierReason, round3 } from './column-context.js';
import { defineRecognizer, evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const NIL_UUID = /^\{?0{8}-0{4}-0{4}-0{4}-0{12}\}?$/;
/** Random tokens use many different characters; codes like ORD-2024-000123 do not. */
const MIN_TOKEN_ENTROPY = 3.3;
const OPERATIONS_DAMPING = 0.8;

const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password', 'secret', 'token', 'hash', 'hashed', 'salt', 'api', 'apikey', 'credential', 'credentials', 'auth',
  'oauth', 'bearer', 'signature', 'digest', 'checksum', 'nonce', 'session', 'md5', 'sha', 'sha1', 'sha256',
]);
const DEVICE_WORDS: ReadonlySet<string> = new Set(['device', 'idfa', 'idfv', 'gaid', 'aaid', 'adid', 'advertising', 'handset']);

/** Counts of ASCII characters and the order they were first seen in, reused by every call (zeroed after each). */
const ASCII_COUNTS = new Int32Array(128);
const ASCII_SEEN = new Uint8Array(128);

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const n = value.length;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) {
      for (let k = 0; k < seen; k++) ASCII_COUNTS[ASCII_SEEN[k]] = 0;
      return entropyOfCodePoints(value);
    }
    if (ASCII_COUNTS[code]++ === 0) ASCII_SEEN[seen++] = code;
  }
  // Summed in first-seen order, as entropyOfCodePoints's Map iterates: the same floating-point result.
  let bits = 0;
  for (let k = 0; k < seen; k++) {
    const code = ASCII_SEEN[k];
    const p = ASCII_COUNTS[code] / n;
    bits -= p * Math.log2(p);
    ASCII_COUNTS[code] = 0;
  }
  return bits;
}

/** `entropy` of any text, per code point. */
function entropyOfCodePoints(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const charClass = (code: number): number => (code >= 48 && code <= 57 ? 0 : code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : 3);
/** Random strings switch between digits, lower and upper case often; words and codes ("customer-ref-12") rarely. */
const MIN_CLASS_CHANGES = 0.3;

/** True for strings that look machine-generated: letters and digits, many distinct characters, frequent class changes. */
export function looksRandom(value: string, minEntropy = MIN_TOKEN_ENTROPY): boolean {
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  let changes = 0;
  for (let i = 1; i < value.length; i++) if (charClass(value.charCodeAt(i)) !== charClass(value.charCodeAt(i - 1))) changes++;
  return changes / (value.length - 1) >= MIN_CLASS_CHANGES && entropy(value) >= minEntropy;
}

function validOpaqueId(value: string): boolean {
  if (NIL_UUID.test(value)) return false;
  if (UUID.test(value) || ULID.test(value) || OBJECT_ID.test(value) || HEX32.test(value)) return true;
  return looksRandom(value);
}

const shapes = defineRecognizer({
  id: 'uuid',
  category: CATEGORY.uniqueId,
  noun: 'UUIDs or opaque identifiers',
  // Necessary shape: letters, digits, dashes, underscores and braces only.
  gate: { none: TRAIT.space | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.nonAscii },
  patterns: [
    { name: 'UUID', regex: UUID, score: 1 },
    { name: 'ULID', regex: ULID, score: 0.9 },
    { name: 'ObjectId', regex: OBJECT_ID, score: 0.8 },
    { name: 'dashless UUID or 128-bit hex', regex: HEX32, score: 0.7 },
    { name: 'random token', regex: TOKEN, score: 0.6 },
  ],
  prefilter: (value: string) => value.length >= 16 && value.length <= 64,
  validate: validOpaqueId,
});

function recognizeIdentifiers(values: PreparedValues, options: EvaluateOptions) {
  const tokens = options.nameTokens ?? [];
  if (hasWord(tokens, SECRET_WORDS)) return [];
  const base = evaluateRecognizer(shapes, values, options);
  // No evidence rather than a zero: an integer key is still an identifier (identifier rules say so).
  if (!base || base.score === 0) return [];
  const device = hasWord(tokens, DEVICE_WORDS);
  if (device) return [{ ...base, category: CATEGORY.deviceId, reason: `${base.reason}; the column name says '${device}'` }];
  const person = personIdentifierReason(options.column, tokens, values);
  if (person) return [{ ...base, reason: `${base.reason}; ${person}` }];
  return [{
    ...base,
    category: CATEGORY.operations,
    score: round3(base.score * OPERATIONS_DAMPING),
    reason: `${base.reason}; record identifiers, not personal by themselves (no person table, key or column name)`,
  }];
}

export const uuidRecognizer: ValueRecognizer = { ...shapes, recognizeColumn: recognizeIdentifiers };
