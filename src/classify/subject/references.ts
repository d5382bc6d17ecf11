/**
 * References between tables: declared foreign keys, and references inferred from column names
 * (`customer_id`, `member_ref`, `fk_soc` → the table those words name) and from sampled values (a
 * column whose values are keys of a person table). Also which references name who acted on a row
 * (`created_by`, `creator`, `fk_user_modif`) rather than whose row it is.
 *
 * Name rules: the column's words without key words (`id`, `fk`, `ref`, `no`, ...) and without action
 * words are looked up as a table's whole name (prefix-free, see table-words.ts), longest run of words
 * first, the last words before the first; a run of one raw word may abbreviate a one-word table name
 * (`soc` → `societe`). Without a key word the column must have the target key's type family (an integer
 * `pref` may reference `mtb_pref`, a text `country` never references `country`). A column never
 * references its own table's key by name (that is a tree, `parent_id`, left to declared keys).
 */
import type { ColumnMetadata, TableMetadata } from '../../core/metadata.js';
import { tableId } from '../../core/metadata.js';
import { splitIdentifier, singular } from '../name/tokenize.js';
import { nameWords, type TableName, type TableNameIndex } from './table-words.js';
import { isEnglishWord } from '../name/vocabulary.js';
import { isPersonWord } from '../name/table-context.js';
import type { KeySketch, ReferenceEdge, TableId } from './types.js';
import { columnMark } from './column-roles.js';

/** Words that make a column a key of something (`customer_id`, `fk_soc`, `kunden_nr`). */
export const KEY_WORDS: ReadonlySet<string> = new Set(['id', 'ids', 'fk', 'pk', 'key', 'ref', 'uid', 'uuid', 'guid', 'no', 'nr', 'number', 'num', 'code', 'cd', 'cod', 'rowid', 'oid', 'sid', 'idx']);

/** Words of who did something to a row: its references name an actor, not the row's owner. */
export const ACTOR_WORDS: ReadonlySet<string> = new Set([
  'created', 'creat', 'create', 'creator', 'creation', 'updated', 'update', 'modified', 'modif', 'modifier', 'changed', 'change',
  'voided', 'void', 'retired', 'retire', 'deleted', 'delete', 'approved', 'approver', 'approve', 'validated', 'valid', 'validator',
  'entered', 'inserted', 'edited', 'editor', 'reviewed', 'reviewer', 'verified', 'closed', 'cloture', 'signed', 'processed',
  'handled', 'assigned', 'assignee', 'requested', 'requester', 'submitted', 'submitter', 'author', 'by', 'orderer',
  'reporter', 'responsible', 'rappro', 'referrer', 'referred', 'invited', 'inviter', 'initiator', 'operator', 'mod', 'done',
  'poster', 'uploader', 'committer', 'sender', 'actor',
  // Who is in charge of a record (a vacancy's hiring manager, a team's supervisor): not whose record it is.
  'manager', 'supervisor',
]);
/** Words of a tree: a `parent` column points into its own table, whatever its values match. */
const TREE_WORDS: ReadonlySet<string> = new Set(['parent', 'child', 'ancestor', 'root', 'previous', 'next']);

const CODE_WORDS: ReadonlySet<string> = new Set(['code', 'cd', 'cod', 'number', 'no', 'nr', 'num']);
/** Words of a count or amount of something. */
const MEASURE_WORDS: ReadonlySet<string> = new Set(['count', 'total', 'amount', 'quantity', 'qty', 'sum', 'avg', 'average', 'min', 'max', 'ratio', 'percent', 'rate', 'size', 'length', 'duration']);

/** Strength of a name-inferred edge: exact name with a key word, exact name without one, an abbreviation. */
const EXACT_WITH_KEY_WORD = 0.9;
const PART_WITH_KEY_WORD = 0.8;
const EXACT_WITHOUT_KEY_WORD = 0.7;
const ABBREVIATED = 0.6;
const HEAD_WITHOUT_KEY_WORD = 0.6;
/** Strength of a value-inferred edge. */
const BY_VALUES = 0.8;

/** The single-column key other tables reference: the primary key, or a column named `id`. */
export function referenceKey(table: TableMetadata): ColumnMetadata | undefined {
  if (table.primaryKey.length === 1) return table.columns.find((c) => c.name === table.primaryKey[0]);
  if (table.primaryKey.length === 0) return table.columns.find((c) => c.name.toLowerCase() === 'id');
  return undefined;
}

type TypeFamily = 'number' | 'text' | 'uuid' | 'other';

function typeFamily(column: ColumnMetadata): TypeFamily {
  switch (column.normalizedType) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'string':
    case 'enum':
      return 'text';
    case 'uuid':
      return 'uuid';
    default:
      return 'other';
  }
}

/** Key families a column may hold values of (a text column named as a key may hold numbers or uuids as text). */
function compatible(column: ColumnMetadata, key: ColumnMetadata, namedAsKey: boolean): boolean {
  const a = typeFamily(column);
  const b = typeFamily(key);
  if (a === 'other' || b === 'other' || column.isArray) return false;
  return a === b || (a === 'text' && namedAsKey);
}

/** True when the column's name says who acted on the row (`created_by`, `fk_user_creat`, `creator`). */
export function isActorColumn(column: string): boolean {
  const words = [...nameWords(column), ...splitIdentifier(column)];
  return words.some((w) => ACTOR_WORDS.has(w));
}

export interface NameReferenceContext {
  readonly index: TableNameIndex;
  readonly names: ReadonlyMap<TableId, TableName>;
  readonly tables: ReadonlyMap<TableId, TableMetadata>;
  /** Tables by the lowercased name of their key, for keys named for their table (see `keyNameIndex`). */
  readonly keyNames?: ReadonlyMap<string, readonly TableId[]>;
  /** Tables of two or more core words by their head word (see `headWordIndex`). */
  readonly heads?: ReadonlyMap<string, readonly TableId[]>;
}

/**
 * Tables by the name of their single-column key, when that name says whose key it is: a key word and
 * another word of at least two letters (`pat_id`, `emp_number`, `exa_id_a`; not `id`, `id_a` or `code`).
 * Applications that prefix every column with a mark of its table (`VST_DATE`, `VST_PAT_ID`) reference
 * another table by its key's full name after their own mark: `VST_PAT_ID` → the table keyed `PAT_ID`.
 */
export function keyNameIndex(tables: Iterable<TableMetadata>): Map<string, TableId[]> {
  const index = new Map<string, TableId[]>();
  for (const table of tables) {
    const key = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
    if (!key) continue;
    const words = splitIdentifier(key);
    if (!words.some((w) => KEY_WORDS.has(w)) || !words.some((w) => !KEY_WORDS.has(w) && w.length >= 2 && !/^\d+$/.test(w))) continue;
    const name = key.toLowerCase();
    const list = index.get(name);
    if (list) list.push(tableId(table));
    else index.set(name, [tableId(table)]);
  }
  return index;
}

/**
 * The one other table whose name's head word is the column's whole name (`encounter` → `form_encounter`):
 * an integer named for a kind of record holds that record's number. Its own table's head word is its own
 * number (column-roles.ts), not a reference.
 */
function headNamedTable(table: TableMetadata, words: readonly string[], ctx: NameReferenceContext): TableId | undefined {
  if (words.length !== 1 || !ctx.heads || isPersonWord(words[0])) return undefined;
  const own = tableId(table);
  const ownName = ctx.names.get(own);
  if (ownName && ownName.core[ownName.core.length - 1] === words[0]) return undefined;
  // Only a table with a single-column key can be referenced (a join table is no record of its own).
  return oneTable(ctx.heads.get(words[0]) ?? [], table, ctx, (id) => ctx.tables.get(id)?.primaryKey.length === 1);
}

const always = (): boolean => true;

/**
 * The one table of `ids` other than the table itself (and accepted), of its own schema's when there
 * are some there; undefined when none or several. Stops at the second of its schema: `ids` may be
 * tens of thousands of tables of the same name in a generated estate.
 */
function oneTable(ids: readonly TableId[], table: TableMetadata, ctx: NameReferenceContext, accept: (id: TableId) => boolean = always): TableId | undefined {
  const own = tableId(table);
  let first: TableId | undefined;
  let others = 0;
  let sameFirst: TableId | undefined;
  for (const id of ids) {
    if (id === own || !accept(id)) continue;
    if (others++ === 0) first = id;
    if (ctx.tables.get(id)?.schema !== table.schema) continue;
    if (sameFirst !== undefined) return undefined;
    sameFirst = id;
  }
  return sameFirst ?? (others === 1 ? first : undefined);
}

/** Tables by the head (last) word of their core name, for names of two or more words (see `headNamedTable`). */
export function headWordIndex(names: Iterable<TableName>): Map<string, TableId[]> {
  const index = new Map<string, TableId[]>();
  for (const n of names) {
    if (n.core.length < 2) continue;
    const head = n.core[n.core.length - 1];
    const list = index.get(head);
    if (list) list.push(n.id);
    else index.set(head, [n.id]);
  }
  return index;
}

/**
 * The one other table whose key's full name is the column's name after its own table's mark
 * (`vst_pat_id` in a table whose columns all start with `vst_` → the table keyed `pat_id`).
 */
function keyNamedTable(table: TableMetadata, column: ColumnMetadata, ctx: NameReferenceContext): TableId | undefined {
  const mark = columnMark(table);
  if (!ctx.keyNames || mark === undefined) return undefined;
  const name = column.name.toLowerCase();
  if (!name.startsWith(`${mark}_`)) return undefined;
  const own = tableId(table);
  const found = (ctx.keyNames.get(name.slice(mark.length + 1)) ?? []).filter((id) => id !== own);
  return found.length === 1 ? found[0] : undefined;
}

/** Runs of words, longest first, the last words first within a length. */
function runs(words: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let length = Math.min(words.length, 4); length >= 1; length--) {
    for (let start = words.length - length; start >= 0; start--) out.push(words.slice(start, start + length));
  }
  return out;
}

/**
 * The table a column's name refers to, or undefined. Declared foreign-key columns are not looked at
 * (their target is known). A table's own single-column key references another table only when its
 * whole name, with a key word, names that table: a one-to-one extension keyed by the other row's key
 * (`profiles.user_id` → `users`, `loyalty_cards.client_no` → `clients`); a key named `id`, or one
 * that names the table itself, names nothing else.
 */
export function nameReference(table: TableMetadata, column: ColumnMetadata, ctx: NameReferenceContext): ReferenceEdge | undefined {
  if (column.isPrimaryKey && table.primaryKey.length === 1) {
    const edge = nameReferenceOf(table, column, ctx);
    return edge && edge.strength >= EXACT_WITH_KEY_WORD ? { ...edge, because: `${edge.because}: a one-to-one extension keyed by its key` } : undefined;
  }
  return nameReferenceOf(table, column, ctx);
}

function nameReferenceOf(table: TableMetadata, column: ColumnMetadata, ctx: NameReferenceContext): ReferenceEdge | undefined {
  if (typeFamily(column) === 'other') return undefined;
  const translated = nameWords(column.name);
  const raw = splitIdentifier(column.name).map(singular);
  const hasKeyWord = translated.some((w) => KEY_WORDS.has(w)) || raw.some((w) => KEY_WORDS.has(w));
  // Action words go (`created_by_user_id` → user); a name that is an actor alone stays (`manager_id` → managers).
  const strip = (words: readonly string[]) => {
    const named = words.filter((w) => !KEY_WORDS.has(w) && !/^\d+$/.test(w));
    const withoutActions = named.filter((w) => !ACTOR_WORDS.has(w));
    return withoutActions.length > 0 ? withoutActions : named;
  };
  const own = tableId(table);
  const candidates: { id: TableId; strength: number; because: string }[] = [];
  // A quantity of something (`condition_occurrence_count`) is no reference to it.
  if ([...translated, ...raw].some((w) => MEASURE_WORDS.has(w))) return undefined;
  for (const words of [strip(translated), strip(raw)]) {
    // Without a key word only the whole name may name a table (`pref` → `mtb_pref`, not `vocabulary_version`).
    for (const run of hasKeyWord ? runs(words) : [words]) {
      // Of the same name in several schemas, the table's own schema's.
      const found = oneTable(ctx.index.exact(run), table, ctx);
      if (found) {
        // A run that leaves other words of the name out (`default_issue_query_id` → `queries`) names it less surely.
        const whole = run.length === words.length;
        candidates.push({
          id: found,
          strength: hasKeyWord ? (whole ? EXACT_WITH_KEY_WORD : PART_WITH_KEY_WORD) : EXACT_WITHOUT_KEY_WORD,
          because: `column name '${column.name}' names table ${ctx.tables.get(found)?.name ?? found}`,
        });
        break;
      }
    }
    if (candidates.length > 0) break;
  }
  if (candidates.length === 0 && !hasKeyWord && column.normalizedType === 'integer') {
    const headed = headNamedTable(table, strip(translated), ctx);
    if (headed) candidates.push({ id: headed, strength: HEAD_WITHOUT_KEY_WORD, because: `column name '${column.name}' names the rows of table ${ctx.tables.get(headed)?.name ?? headed}` });
  }
  // A table's own key named as another's (both keyed `send_id`) says nothing about which extends which.
  if (candidates.length === 0 && hasKeyWord && !(column.isPrimaryKey && table.primaryKey.length === 1)) {
    const keyed = keyNamedTable(table, column, ctx);
    if (keyed) {
      const target = ctx.tables.get(keyed)!;
      candidates.push({ id: keyed, strength: EXACT_WITH_KEY_WORD, because: `column name '${column.name}' is, after its table's mark, the name of table ${target.name}'s key '${target.primaryKey[0]}'` });
    }
  }
  if (candidates.length === 0 && hasKeyWord) {
    const words = strip(raw);
    if (words.length === 1) {
      const found = ctx.index.abbreviated(words[0], table.schema);
      if (found && found !== own) {
        candidates.push({ id: found, strength: ABBREVIATED, because: `column name '${column.name}' abbreviates table ${ctx.tables.get(found)?.name ?? found}` });
      }
    }
  }
  const best = candidates[0];
  if (!best) return undefined;
  const target = ctx.tables.get(best.id);
  const key = target && referenceKey(target);
  if (!target || !key || !compatible(column, key, hasKeyWord)) return undefined;
  // A code (`zipcode`, `product_code`) is the code itself: it references only a table keyed by codes.
  const onlyCodeWord = [...translated, ...raw].filter((w) => KEY_WORDS.has(w)).every((w) => CODE_WORDS.has(w));
  if (hasKeyWord && onlyCodeWord && typeFamily(key) !== 'text') return undefined;
  return {
    from: own,
    columns: [column.name],
    to: best.id,
    toColumns: [key.name],
    origin: 'name',
    strength: best.strength,
    because: best.because,
    actor: isActorColumn(column.name),
  };
}

/** The declared foreign keys of a table as edges. */
export function declaredReferences(table: TableMetadata): ReferenceEdge[] {
  return table.foreignKeys.map((fk) => ({
    from: tableId(table),
    columns: fk.columns,
    to: `${fk.referencedSchema}.${fk.referencedTable}`,
    toColumns: fk.referencedColumns,
    origin: 'declared' as const,
    strength: 1,
    actor: fk.columns.length === 1 && isActorColumn(fk.columns[0]),
  }));
}

/** Fewer distinct sampled values than this: a column's values say nothing about what they reference. */
const MIN_DISTINCT_FOR_VALUES = 5;
/**
 * Integer keys: the sketch must span at least this many keys (1..5 would match any small number), or
 * MIN_NAMED_KEY_SPAN for a column whose name says key (`poster_id`).
 */
const MIN_INTEGER_KEY_SPAN = 50;
const MIN_NAMED_KEY_SPAN = 20;
/** Share of a column's distinct values that must be keys (of those the sketch can know). */
const MIN_CONTAINED = 0.9;

/**
 * Whether a column's sampled values are keys of a person table (its key sketch). Text keys (uuids,
 * codes) match by membership; integers must also lie in the keys' range, spread over at least half of
 * it (a small vocabulary's ids 1..20 are no person's keys 1..500), and be found in the sketch at the
 * rate its coverage of the table allows. The caller leaves out columns whose names name something
 * else (`drug_inventory_id`, see `namesOtherThing`).
 */
export function valuesReference(column: ColumnMetadata, distinct: readonly string[], sketch: KeySketch, named = false, personish = false): boolean {
  if (distinct.length < MIN_DISTINCT_FOR_VALUES || sketch.values.size < MIN_DISTINCT_FOR_VALUES) return false;
  if (sketch.min === undefined || sketch.max === undefined) {
    // Text keys: each value is a key the sketch saw; the sketch holds `coverage` of the keys.
    if (!mayHoldTextKeys(column)) return false;
    const coverage = Math.min(1, sketch.values.size / Math.max(1, sketch.rows));
    return keysInSketch(distinct, sketch) >= Math.max(MIN_DISTINCT_FOR_VALUES, distinct.length * coverage * MIN_CONTAINED * 0.5);
  }
  // The cheap conditions first: counting the values the sketch holds is the work (every column against every person table's sketch).
  const numbers = integerKeyValues(column, distinct, personish);
  if (!numbers || !fitsKeyRange(numbers, sketch.min, sketch.max, named)) return false;
  const span = sketch.max - sketch.min + 1;
  const coverage = Math.min(1, sketch.values.size / Math.max(1, span));
  return keysInSketch(distinct, sketch) >= distinct.length * coverage * 0.6;
}

/** Whether a column may hold text keys (uuids, codes): not a number column. */
export function mayHoldTextKeys(column: ColumnMetadata): boolean {
  return typeFamily(column) !== 'number';
}

/** How many of a column's distinct values the sketch holds: a reference needs at least one. */
function keysInSketch(distinct: readonly string[], sketch: KeySketch): number {
  let n = 0;
  for (const v of distinct) if (sketch.values.has(v)) n++;
  return n;
}

/**
 * A column's distinct values as integers, when they may be integer keys of a person table: small
 * integers collide, so only a column named for a person or an action's person (`poster_id`,
 * `affecteduser`), or with a name that says nothing (a masked `c007`), may reference one by them.
 */
export function integerKeyValues(column: ColumnMetadata, distinct: readonly string[], personish: boolean): number[] | undefined {
  if (distinct.length < MIN_DISTINCT_FOR_VALUES || !personish) return undefined;
  if (column.normalizedType !== 'integer' && typeFamily(column) !== 'text') return undefined;
  const numbers = distinct.map(Number);
  return numbers.some((n) => !Number.isInteger(n)) ? undefined : numbers;
}

/**
 * Whether integer values fit a key range `min..max`: it spans enough keys (1..5 would match any small
 * number), holds nearly all the values, and they spread over at least half of it (a small
 * vocabulary's ids 1..20 are no person's keys 1..500). Depends on the range only, not on the sketch.
 */
export function fitsKeyRange(numbers: readonly number[], min: number, max: number, named: boolean): boolean {
  const span = max - min + 1;
  if (span < (named ? MIN_NAMED_KEY_SPAN : MIN_INTEGER_KEY_SPAN)) return false;
  const inRange = numbers.filter((n) => n >= min && n <= max).length;
  if (inRange < numbers.length * MIN_CONTAINED) return false;
  return (Math.max(...numbers) - min + 1) / span >= 0.5;
}

export function valuesEdge(table: TableMetadata, column: ColumnMetadata, target: TableMetadata, sketch: KeySketch): ReferenceEdge {
  return {
    from: tableId(table),
    columns: [column.name],
    to: tableId(target),
    toColumns: [sketch.column],
    origin: 'values',
    strength: BY_VALUES,
    because: `the sampled values of '${column.name}' are keys of table ${target.name}`,
    actor: isActorColumn(column.name),
  };
}

/** True when a column's name says it is a key of something (for value-inferred references). */
export function namedAsKey(column: ColumnMetadata): boolean {
  const words = [...nameWords(column.name), ...splitIdentifier(column.name)];
  return words.some((w) => KEY_WORDS.has(w));
}

/**
 * True when a column's name, without key and action words, names something that is not a person
 * (`drug_inventory_id` in a database with a `drug` table, `parent_id`): a known word or a table's word,
 * and no person word. Its values are that thing's keys, whatever they look like. Unknown words
 * (`subj_no`, `pid`, `poster_id`) and masked names (`c007`) name nothing.
 */
export function namesOtherThing(column: ColumnMetadata, tableWords: ReadonlySet<string>): boolean {
  const words = nameWords(column.name).filter((w) => !KEY_WORDS.has(w) && !ACTOR_WORDS.has(w) && !/\d/.test(w) && w.length > 1);
  if (words.some((w) => TREE_WORDS.has(w))) return true;
  if (words.some((w) => isPersonWord(w))) return false;
  return words.some((w) => isEnglishWord(w) || tableWords.has(w));
}

/**
 * Abbreviations that stand for a person's key as a whole word: `uid` (a user's id), `subj` (a study's
 * subject, `subj_no`). Only for references by values: the values must still be a person table's keys.
 */
const PERSON_KEY_ABBREVIATIONS: ReadonlySet<string> = new Set(['uid', 'subj']);

/** True when a column's name has a person word (`affecteduser`, `actor_id`, `uid`): it may hold a person's key. */
export function namesPerson(column: ColumnMetadata): boolean {
  return nameWords(column.name).some((w) => isPersonWord(w) || PERSON_KEY_ABBREVIATIONS.has(w));
}

/**
 * True when a column's name says nothing (`c007`, `f3` of a masked or generated schema: letters for a
 * position and a number): only its values can say what it references. Only key-like types count.
 */
export function meaningless(column: ColumnMetadata): boolean {
  if (typeFamily(column) === 'other' || column.normalizedType === 'decimal') return false;
  const words = splitIdentifier(column.name);
  return words.some((w) => /^\d+$/.test(w)) && words.every((w) => /^\d+$/.test(w) || w.length <= 2);
}
