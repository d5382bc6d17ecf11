/**
 * Include/exclude glob patterns on `schema`, `schema.table` and `schema.table.column`.
 * A pattern's dots separate levels (escape a literal dot in a name as `\.`); `*` matches within a level,
 * `**` across levels. Matching ignores case. An include on a column pattern selects its table too,
 * but only the matching columns of it.
 */
import { UserError, ExitCode } from '../core/errors.js';
import { printable } from '../util/printable.js';
import { compileGlob, SEP, type GlobMatcher } from './glob.js';

/** Longer patterns are refused (identifiers are at most 255 characters in every engine we scan). */
export const MAX_PATTERN_LENGTH = 1_000;

export interface CompiledPattern {
  readonly source: string;
  /** The pattern's levels as written, `\.` already turned into `.`. */
  readonly parts: readonly string[];
  readonly levels: 1 | 2 | 3;
  /** Matches the pattern's first level against a schema name. */
  readonly schema: GlobMatcher;
  /** Matches the pattern's first two levels against `schema/table` (for column patterns). */
  readonly table: GlobMatcher;
  readonly full: GlobMatcher;
}

export function splitLevels(pattern: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && pattern[i + 1] === '.') {
      current += '\\.';
      i++;
    } else if (ch === '.') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** Levels joined for matching; a name's own separator characters cannot occur (see SEP). */
export function toPath(levels: readonly string[]): string {
  return levels.map((l) => l.replaceAll(SEP, '\ufffd')).join(SEP);
}

function invalidPattern(source: string): UserError {
  return new UserError(`Invalid pattern '${printable(source)}'`, {
    hint: 'Patterns are schema, schema.table or schema.table.column; globs like public.*, *.users, *.*.email',
    exitCode: ExitCode.usage,
  });
}

export function compilePattern(source: string): CompiledPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new UserError(`Pattern too long: ${source.length.toLocaleString('en-US')} characters, at most ${MAX_PATTERN_LENGTH.toLocaleString('en-US')}`, {
      hint: 'Patterns are schema, schema.table or schema.table.column; repeat --include/--exclude for more',
      exitCode: ExitCode.usage,
    });
  }
  const escaped = splitLevels(source);
  if (escaped.length > 3 || escaped.some((l) => l === '')) throw invalidPattern(source);
  // Level text keeps `\.` (glob.ts reads it as a literal dot); levels are joined with SEP.
  const glob = (levels: readonly string[]): GlobMatcher => compileGlob(levels.join(SEP), source);
  const full = glob(escaped);
  const schema = glob(escaped.slice(0, 1));
  const table = escaped.length === 3 ? glob(escaped.slice(0, 2)) : full;
  const parts = escaped.map((l) => l.replaceAll('\\.', '.'));
  return { source, parts, levels: escaped.length as 1 | 2 | 3, schema, table, full };
}

export interface TableFilter {
  includeSchema(schema: string): boolean;
  includeTable(schema: string, table: string): boolean;
  includeColumn(schema: string, table: string, column: string): boolean;
  readonly isEmpty: boolean;
}

export function createTableFilter(include: readonly string[] = [], exclude: readonly string[] = []): TableFilter {
  const inc = include.map(compilePattern);
  const exc = exclude.map(compilePattern);
  const incWhole = inc.filter((p) => p.levels < 3);
  const incColumns = inc.filter((p) => p.levels === 3);

  const tableMatches = (p: CompiledPattern, schema: string, table: string): boolean =>
    p.levels === 1 ? p.full(toPath([schema])) : p.table(toPath([schema, table]));

  return {
    isEmpty: inc.length === 0 && exc.length === 0,
    includeSchema(schema) {
      if (exc.some((p) => p.levels === 1 && p.full(toPath([schema])))) return false;
      // Schema-level pruning only when every include names its schema level without wildcards across levels.
      if (inc.length === 0) return true;
      return inc.some((p) => p.parts[0].includes('**') || p.schema(toPath([schema])));
    },
    includeTable(schema, table) {
      if (exc.some((p) => p.levels < 3 && tableMatches(p, schema, table))) return false;
      if (inc.length === 0) return true;
      return inc.some((p) => tableMatches(p, schema, table));
    },
    includeColumn(schema, table, column) {
      if (exc.some((p) => p.levels === 3 && p.full(toPath([schema, table, column])))) return false;
      if (inc.length === 0 || incWhole.some((p) => tableMatches(p, schema, table))) return true;
      return incColumns.some((p) => p.full(toPath([schema, table, column])));
    },
  };
}

/** A MySQL URL that names a database scans that database; without one, every database the user may read. */
export function restrictToSchema(filter: TableFilter, schema: string): TableFilter {
  return {
    isEmpty: false,
    includeSchema: (s) => s === schema && filter.includeSchema(s),
    includeTable: (s, t) => s === schema && filter.includeTable(s, t),
    includeColumn: (s, t, c) => filter.includeColumn(s, t, c),
  };
}
