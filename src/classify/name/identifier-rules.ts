/**
 * Identifiers of people: the primary key of a person table, a foreign key to one
 * ("references customers.customer_id"), a `<person>_id` column (`support_rep_id`, `kunden_nr`),
 * or who-did-it columns (`created_by`, `assigned_to`). These are user.unique_id.
 */
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isPersonWord, tableSubject } from './table-context.js';

// `cd` and `cod` as legacy schemas abbreviate code (`kokyaku_cd`, `cod_cliente`).
const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key', 'number', 'uid', 'nr', 'no', 'code', 'ref', 'cd', 'cod']);
/** Verbs of `<verb>_by` / `<verb>_to` columns that hold the acting or receiving person. */
const ACTION_WORDS = new Set([
  'created', 'updated', 'modified', 'changed', 'deleted', 'approved', 'assigned', 'reviewed', 'entered', 'requested',
  'submitted', 'owned', 'managed', 'reported', 'reports', 'referred', 'invited', 'handled', 'closed', 'opened',
  'edited', 'verified', 'signed', 'booked', 'processed', 'inserted', 'last',
]);

function evidence(score: number, reason: string): Evidence {
  return { factor: 'name', category: CATEGORY.uniqueId, score, source: 'identifier-rules', reason };
}

/** `created_by`, `reports_to`, `assigned_to_user`: an action's person, unless it is a date (`created_by_date`). */
function actorWord(tokens: readonly string[]): string | undefined {
  const at = tokens.findIndex((t, i) => (t === 'by' || t === 'to') && i > 0 && ACTION_WORDS.has(tokens[i - 1]));
  if (at < 0) return undefined;
  const rest = tokens.slice(at + 1);
  if (rest.some((t) => !ID_WORDS.has(t) && !isPersonWord(t))) return undefined;
  return tokens.slice(at - 1, at + 1).join(' ');
}

/**
 * `keysFromGraph`: the subject graph speaks for declared foreign keys and the table's own key (it
 * knows better whether the table at the other end holds people), so only the name readings are left.
 */
export function identifierEvidence(input: ColumnInput, tokens: readonly string[], keysFromGraph = false): Evidence[] {
  const { table, column } = input;
  if (keysFromGraph && (column.isPrimaryKey || table.foreignKeys.some((fk) => fk.columns.includes(column.name)))) return [];
  for (const fk of table.foreignKeys) {
    const at = fk.columns.indexOf(column.name);
    if (at < 0) continue;
    const target = `${fk.referencedTable}.${fk.referencedColumns[at] ?? fk.referencedColumns[0]}`;
    if (tableSubject(fk.referencedTable) === 'person') return [evidence(0.85, `references ${target}, a table of people`)];
    // A foreign key to anything else is that thing's id, whatever the column is called.
    return [];
  }
  if (column.isPrimaryKey && table.primaryKey.length === 1 && tableSubject(table.name) === 'person') {
    return [evidence(0.8, `primary key of table '${table.name}', which holds people`)];
  }
  const last = tokens[tokens.length - 1];
  if (tokens.length >= 2 && ID_WORDS.has(last) && isPersonWord(tokens[tokens.length - 2])) {
    const person = tokens[tokens.length - 2];
    return [evidence(0.75, `column name '${column.name}' identifies a ${person}`)];
  }
  // Romance and Dutch order: `id_cliente`, `codigo_cliente`, `nr_klant`.
  if (tokens.length === 2 && ID_WORDS.has(tokens[0]) && isPersonWord(last)) {
    return [evidence(0.75, `column name '${column.name}' identifies a ${last}`)];
  }
  const actor = actorWord(tokens);
  if (actor && column.normalizedType !== 'boolean' && column.normalizedType !== 'date' && column.normalizedType !== 'timestamp') {
    return [evidence(0.55, `column name '${column.name}' names who an action was done by or for ('${actor}')`)];
  }
  return [];
}
