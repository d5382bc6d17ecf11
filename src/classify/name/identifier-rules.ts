/**
 * Identifiers of people: the primary key of a person table, a foreign key to one
 * ("references customers.customer_id"), or a `<person>_id` column. These are user.unique_id.
 */
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isPersonWord, tableSubject } from './table-context.js';

const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key', 'number', 'uid']);

function evidence(score: number, reason: string): Evidence {
  return { factor: 'name', category: CATEGORY.uniqueId, score, source: 'identifier-rules', reason };
}

export function identifierEvidence(input: ColumnInput, tokens: readonly string[]): Evidence[] {
  const { table, column } = input;
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
  return [];
}
