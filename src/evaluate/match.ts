/**
 * Pairs truth fields with scan fields. With a schema (from the truth, or --schema for truth fields
 * that have none) the match is on schema.table.column; without one, on table.column when exactly
 * one scan field has it. Exact names first, then case-insensitively when that is unambiguous
 * (engines differ in how they fold identifiers).
 */
import type { ScanField } from './scan-file.js';
import type { TruthField } from './truth.js';

export interface MatchedField {
  readonly truth: TruthField;
  readonly scan: ScanField;
}

export interface MatchResult {
  readonly matched: readonly MatchedField[];
  /** Truth fields with no scan field. */
  readonly truthOnly: readonly TruthField[];
  /** Truth fields without a schema that several scan schemas have: give --schema. */
  readonly ambiguous: readonly TruthField[];
  /** Scan fields no truth field matched. */
  readonly scanOnly: readonly ScanField[];
}

export interface MatchOptions {
  /** Schema for truth fields that name none (a Fides dataset without a namespace). */
  readonly schema?: string;
}

const SEP = '\u0000';

export function matchFields(truth: readonly TruthField[], scan: readonly ScanField[], options: MatchOptions = {}): MatchResult {
  const exact = groupBy(scan, (f) => [f.path.schema, f.path.table, f.path.column].join(SEP));
  const folded = groupBy(scan, (f) => [f.path.schema, f.path.table, f.path.column].join(SEP).toLowerCase());
  const bySchemaless = groupBy(scan, (f) => [f.path.table, f.path.column].join(SEP));
  const bySchemalessFolded = groupBy(scan, (f) => [f.path.table, f.path.column].join(SEP).toLowerCase());

  const matched: MatchedField[] = [];
  const truthOnly: TruthField[] = [];
  const ambiguous: TruthField[] = [];
  const used = new Set<ScanField>();
  for (const field of truth) {
    const schema = field.path.schema ?? options.schema;
    const candidates =
      schema !== undefined
        ? firstNonEmpty(
            exact.get([schema, field.path.table, field.path.column].join(SEP)),
            folded.get([schema, field.path.table, field.path.column].join(SEP).toLowerCase()),
          )
        : firstNonEmpty(
            bySchemaless.get([field.path.table, field.path.column].join(SEP)),
            bySchemalessFolded.get([field.path.table, field.path.column].join(SEP).toLowerCase()),
          );
    if (candidates.length === 1) {
      matched.push({ truth: field, scan: candidates[0] });
      used.add(candidates[0]);
    } else if (candidates.length > 1) ambiguous.push(field);
    else truthOnly.push(field);
  }
  return { matched, truthOnly, ambiguous, scanOnly: scan.filter((f) => !used.has(f)) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function firstNonEmpty<T>(...lists: (T[] | undefined)[]): T[] {
  return lists.find((list) => list !== undefined && list.length > 0) ?? [];
}
