/**
 * The role of a column in its row, for the graph's evidence (evidence.ts). Rules, first match wins:
 * 1. a reference (declared, by name or by values; the graph's context lists them) → `reference`;
 * 2. the row's own single-column key, or a number named for the table (`orders.order_number`) →
 *    `own-key` (a record's key, not domain data);
 * 3. record keeping (`created`, `changed`, `voided`, `deleted`, `uuid`, `version`, `sort`, or a bare
 *    `status`/`active`) → `bookkeeping`: how the application keeps the row, not what the row says;
 * 4. secrets (hash, salt, token, nonce, key material) → descriptive `secret`;
 * 5. any other key-like name (`visit_detail_id`, `form_id`, `order_number`) → `structural` (a reference
 *    whose table is not here), but for codes (`icd_code`) and concepts (`value_concept_id`) → `code` / `lookup`;
 * 6. by type and name: a flag that picks one of a person's rows (`preferred`, `is_default`) → `bookkeeping`;
 *    boolean → `flag`, dates and times → `date`, numbers → `quantity`, JSON and long or
 *    free-text strings (`notes`, `description`, `comments`) → `text`, other strings → `code`.
 */
import type { ColumnMetadata, TableMetadata } from '../../core/metadata.js';
import type { ColumnKind } from '../knowledge/domains/index.js';
import { splitIdentifier } from '../name/tokenize.js';
import type { ColumnReference } from './types.js';

export type ColumnRole =
  | { readonly kind: 'reference'; readonly reference: ColumnReference }
  | { readonly kind: 'own-key' }
  | { readonly kind: 'bookkeeping'; readonly word: string }
  | { readonly kind: 'structural' }
  | { readonly kind: 'descriptive'; readonly as: ColumnKind }
  | { readonly kind: 'none' };

const BOOKKEEPING_WORDS = new Set([
  'created', 'creation', 'create', 'creator', 'updated', 'update', 'modified', 'modification', 'modify', 'changed', 'voided',
  'void', 'retired', 'retire', 'deleted', 'delete', 'deletion', 'uuid', 'guid', 'version', 'revision', 'sort', 'sync', 'synced',
  'etag', 'checksum', 'import', 'imported', 'export', 'exported', 'tms', 'lock', 'locked', 'archived', 'inserted', 'entity',
  'namespace', 'rowversion', 'datec', 'datem', 'dirty', 'etl', 'tstamp', 'approve', 'approved', 'approval', 'valid', 'validated',
  'validation', 'refuse', 'refused', 'reject', 'rejected', 'cancel', 'cancelled', 'canceled', 'cloture',
]);
/** Whole names that are a row's state in the application. */
const STATE_NAMES = new Set(['status', 'statut', 'active', 'enabled', 'visible', 'hidden', 'deleted', 'published', 'archived']);
/**
 * Words of a flag that picks one row among a person's rows (`preferred`, `is_default`): which of
 * their names, addresses or identifiers the application shows first, not what happened to them.
 * (`primary` and `principal` stay data: a principal diagnosis is clinical.)
 */
const SELECTION_WORDS = new Set(['preferred', 'default']);
const SECRET_WORDS = new Set(['hash', 'hashed', 'salt', 'secret', 'token', 'nonce', 'passcode', 'password', 'credential', 'signature', 'certificate', 'cert', 'otp', 'totp', 'pem', 'digest', 'hmac', 'cipher', 'encrypted', 'scratch', 'passphrase']);
const KEY_MATERIAL_QUALIFIERS = new Set(['public', 'private', 'secret', 'api', 'signing', 'encryption', 'auth', 'access', 'session', 'p256dh', 'activation']);
/**
 * Names of what people write (a `description` or `summary` is as often the operator's text about a
 * thing: without values it does not count).
 */
const FREE_TEXT_WORDS = new Set([
  'note', 'notes', 'comment', 'comments', 'text', 'body', 'content', 'message', 'msg', 'remark', 'remarks', 'memo', 'instruction',
  'instructions', 'answer', 'narrative', 'explanation', 'feedback', 'bio', 'biography', 'about', 'sig', 'complaint', 'story',
  'observation', 'diary', 'journal', 'review', 'opinion',
]);
const FLAG_WORDS = new Set(['is', 'has', 'flag', 'flg', 'can', 'allow', 'allowed']);
const DATE_WORDS = new Set(['date', 'time', 'datetime', 'timestamp', 'at', 'on', 'day', 'year', 'month']);
/** Strings longer than this are free text whatever their name; named as text (`notes`), from this length. */
const FREE_TEXT_LENGTH = 1000;
const FREE_TEXT_NAMED_LENGTH = 200;

/** Words that make a column a key (of the row itself, or of something not in the database). */
const KEY_LIKE_WORDS = new Set(['id', 'ids', 'fk', 'pk', 'key', 'ref', 'uid', 'uuid', 'guid', 'rowid', 'oid', 'idx', 'sid']);
/** Words of a number or code that identifies something: with the table's own word, the row's own identifier. */
const IDENTIFIER_WORDS = new Set(['number', 'no', 'nr', 'num', 'code', 'cd', 'cod', 'identifier', 'ident', 'ref', 'reference']);

/** A column mark is at most this long, and on at least this many columns. */
const MAX_MARK_LENGTH = 5;
const MIN_MARKED_COLUMNS = 3;

/**
 * The mark an application puts before every column name of a table (`VST_` of `VST_ID`, `VST_DATE`,
 * `VST_ACTIVE`): the first word of every column's name, short and not a key word. It says which table
 * the column is in, not what it holds, so a column's role is read without it (`VST_ACTIVE` is `active`).
 */
export function columnMark(table: TableMetadata): string | undefined {
  if (!MARKS.has(table)) MARKS.set(table, findColumnMark(table));
  return MARKS.get(table);
}

const MARKS = new WeakMap<TableMetadata, string | undefined>();

function findColumnMark(table: TableMetadata): string | undefined {
  if (table.columns.length < MIN_MARKED_COLUMNS) return undefined;
  let mark: string | undefined;
  for (const column of table.columns) {
    const words = splitIdentifier(column.name);
    if (words.length < 2) return undefined;
    if (mark === undefined) mark = words[0];
    else if (words[0] !== mark) return undefined;
  }
  return mark !== undefined && mark.length <= MAX_MARK_LENGTH && !KEY_LIKE_WORDS.has(mark) && !/^\d+$/.test(mark) ? mark : undefined;
}

/**
 * `freeTextValues`: whether the sampled values read as sentences (undefined without values); called
 * only where the answer decides the role (a string column), as it reads every value. With
 * values, a string column is free text when they do (a `text` type alone says nothing: PostgreSQL
 * stores short codes as `text` too); without, when its name says free text and it can hold it.
 */
export function columnRole(
  table: TableMetadata,
  column: ColumnMetadata,
  tokens: readonly string[],
  references: readonly ColumnReference[],
  ownWords: readonly string[] = [],
  freeTextValues?: () => boolean | undefined,
): ColumnRole {
  const reference = references.find((r) => r.columns.includes(column.name));
  if (reference) return { kind: 'reference', reference };
  // The row's own key; a part of a composite key is data (an e-mail address, a date) or a reference.
  if (column.isPrimaryKey && table.primaryKey.length === 1) return { kind: 'own-key' };
  const mark = columnMark(table);
  const unmarked = (list: readonly string[]) => (mark !== undefined && list.length > 1 && list[0] === mark ? list.slice(1) : list);
  const raw = unmarked(splitIdentifier(column.name));
  tokens = unmarked(tokens);
  const words = new Set([...tokens, ...raw]);
  // `orders.order_number`: the row's own identifier (its name is the table's name and a number).
  const named = tokens.filter((t) => !IDENTIFIER_WORDS.has(t) && !/^\d+$/.test(t));
  if (tokens.some((t) => IDENTIFIER_WORDS.has(t)) && named.length > 0 && named.every((t) => ownWords.includes(t))) return { kind: 'own-key' };
  // An integer named for the table's own kind of record (`form_encounter.encounter`) is the row's own number.
  if (column.normalizedType === 'integer' && tokens.length === 1 && ownWords.length > 1 && tokens[0] === ownWords[ownWords.length - 1]) return { kind: 'own-key' };
  const bookkeeping = [...words].find((w) => BOOKKEEPING_WORDS.has(w));
  if (bookkeeping) return { kind: 'bookkeeping', word: bookkeeping };
  if (raw.length === 1 && STATE_NAMES.has(raw[0])) return { kind: 'bookkeeping', word: raw[0] };
  // Secrets are strings or bytes: a `reset_password_sent_at` is a date, `must_change_passwd` a flag.
  const keyMaterial = words.has('key') && [...words].some((w) => KEY_MATERIAL_QUALIFIERS.has(w));
  const secretType = ['string', 'binary', 'json', 'uuid', 'other'].includes(column.normalizedType);
  if (secretType && (keyMaterial || [...words].some((w) => SECRET_WORDS.has(w)))) return { kind: 'descriptive', as: 'secret' };
  const last = tokens[tokens.length - 1] ?? '';
  const keyLike = KEY_LIKE_WORDS.has(last) || KEY_LIKE_WORDS.has(raw[raw.length - 1] ?? '') || raw[0] === 'fk' || raw[0] === 'id';
  if (keyLike) return words.has('concept') ? { kind: 'descriptive', as: 'lookup' } : { kind: 'structural' };
  if (words.has('concept') || words.has('coded')) return { kind: 'descriptive', as: 'lookup' };
  const selection = [...words].find((w) => SELECTION_WORDS.has(w));
  switch (column.normalizedType) {
    case 'boolean':
      return selection ? { kind: 'bookkeeping', word: selection } : { kind: 'descriptive', as: 'flag' };
    case 'date':
    case 'time':
    case 'timestamp':
    case 'interval':
      return { kind: 'descriptive', as: 'date' };
    case 'integer':
    case 'decimal':
    case 'float':
      if (selection && (raw.length === 1 || [...words].some((w) => FLAG_WORDS.has(w)))) return { kind: 'bookkeeping', word: selection };
      if ([...words].some((w) => FLAG_WORDS.has(w))) return { kind: 'descriptive', as: 'flag' };
      if ([...words].some((w) => DATE_WORDS.has(w))) return { kind: 'descriptive', as: 'date' };
      return { kind: 'descriptive', as: 'quantity' };
    case 'json':
      return { kind: 'descriptive', as: 'text' };
    case 'string':
    case 'enum': {
      const long = column.maxLength === undefined || column.maxLength >= FREE_TEXT_NAMED_LENGTH;
      const named = [...words].some((w) => FREE_TEXT_WORDS.has(w)) && long;
      const byType = /text|clob/i.test(column.rawType) || (column.maxLength ?? 0) >= FREE_TEXT_LENGTH;
      // Neither named nor typed for text: not free text, whatever the values say (so they are not read).
      const free = named || byType ? freeTextValues?.() : undefined;
      if (free === undefined ? named : free && (named || byType)) return { kind: 'descriptive', as: 'text' };
      if ([...words].some((w) => DATE_WORDS.has(w))) return { kind: 'descriptive', as: 'date' };
      return { kind: 'descriptive', as: 'code' };
    }
    default:
      return { kind: 'none' };
  }
}
