/**
 * Table and key context for value recognizers whose values are personal only about people: UUIDs,
 * URLs, coordinates. Each helper returns a plain-language reason (never a value) or undefined.
 */
import { personIdentifierEvidence, personWordOfColumn } from '../name/identifier-rules.js';
import { tableSubject } from '../name/table-context.js';
import type { ColumnContext, PreparedValues } from './recognizer.js';

/** A column this unique in a table of people identifies its rows, i.e. the people. */
const UNIQUE_SHARE = 0.95;
const MIN_VALUES_FOR_UNIQUENESS = 20;

/** Why the column identifies a person (identifier rules, a person word in its name, or a unique column of a person table). */
export function personIdentifierReason(ctx: ColumnContext | undefined, nameTokens: readonly string[], values?: PreparedValues): string | undefined {
  if (!ctx) return undefined;
  const { input } = ctx;
  const rule = personIdentifierEvidence(input, nameTokens)[0];
  if (rule) return rule.reason;
  // A foreign key to anything other than people is that thing's id (identifier rules said nothing), and
  // so is a reference the subject graph inferred (`payment_method_id` beside a `payment_methods` table).
  if (input.table.foreignKeys.some((fk) => fk.columns.includes(input.column.name))) return undefined;
  if (input.subject?.references.some((r) => r.columns.includes(input.column.name) && r.targetKind !== 'person')) return undefined;
  const person = personWordOfColumn(input, nameTokens);
  if (person) return `column name '${input.column.name}' names a ${person}`;
  // A table named for a thing (an invoice, a receipt) whose rows carry a party's details: its unique
  // values identify the thing (the document), not the party.
  if (ctx.tableSubject === 'person' && tableSubject(input.table.name) !== 'thing' && values && values.total >= MIN_VALUES_FOR_UNIQUENESS && values.distinct.length >= values.total * UNIQUE_SHARE) {
    return `its values are unique in table '${input.table.name}', which holds people`;
  }
  return undefined;
}

/** Why the table is about people, or undefined. */
export function personTableReason(ctx: ColumnContext | undefined): string | undefined {
  if (!ctx) return undefined;
  if (ctx.tableSubject === 'person') return `table '${ctx.input.table.name}' holds people`;
  if (ctx.tableSubject === 'person-related') return `table '${ctx.input.table.name}' relates to people`;
  return undefined;
}

/** Why the table holds things rather than people, or undefined. */
export function thingTableReason(ctx: ColumnContext | undefined): string | undefined {
  return ctx?.tableSubject === 'thing' ? `table '${ctx.input.table.name}' holds things, not people` : undefined;
}

/** True when the column name has one of the words. */
export function hasWord(nameTokens: readonly string[], words: ReadonlySet<string>): string | undefined {
  return nameTokens.find((t) => words.has(t));
}

/** Share of sampled rows that were NULL, 0..1 (0 without a sample). */
export function nullShare(ctx: ColumnContext | undefined): number {
  const sample = ctx?.input.sample;
  if (!sample) return 0;
  const rows = sample.nullCount + sample.values.length;
  return rows === 0 ? 0 : sample.nullCount / rows;
}

export function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
