/**
 * Include/exclude glob patterns on `schema`, `schema.table` and `schema.table.column`.
 * A pattern's dots separate levels (escape a literal dot in a name as `\.`); `*` matches within a level,
 * `**` across levels. Matching ignores case. An include on a column pattern selects its table too,
 * but only the matching columns of it.
 */
import picomatch from 'picomatch';
import { UserError, ExitCode } from '../core/errors.js';

type Matcher = (s: string) => boolean;
interface CompiledPattern {
  readonly source: string;
  readonly levels: 1 | 2 | 3;
  /** Matches the pattern's first two levels against `schema/table` (for column patterns). */
  readonly table: Matcher;
  readonly full: Matcher;
}

const SEP = '\u0000';

function splitLevels(pattern: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && pattern[i + 1] === '.') {
      current += '.';
      i++;
    } else if (ch === '.') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

// picomatch treats '/' as the separator; names may hold '/', so we map levels onto '/' and the
// names' own '/' onto a character that cannot appear in identifiers we compare.
function toPath(levels: readonly string[]): string {
  return levels.map((l) => l.replaceAll('/', SEP)).join('/');
}

function compile(source: string): CompiledPattern {
  const levels = splitLevels(source);
  if (levels.length > 3 || levels.some((l) => l === '')) {
    throw new UserError(`Invalid pattern '${source}'`, {
      hint: 'Patterns are schema, schema.table or schema.table.column; globs like public.*, *.users, *.*.email',
      exitCode: ExitCode.usage,
    });
  }
  const options = { nocase: true, dot: true };
  const full = picomatch(toPath(levels), options);
  const table = levels.length === 3 ? picomatch(toPath(levels.slice(0, 2)), options) : full;
  return { source, levels: levels.length as 1 | 2 | 3, table, full };
}

export interface TableFilter {
  includeSchema(schema: string): boolean;
  includeTable(schema: string, table: string): boolean;
  includeColumn(schema: string, table: string, column: string): boolean;
  readonly isEmpty: boolean;
}

export function createTableFilter(include: readonly string[] = [], exclude: readonly string[] = []): TableFilter {
  const inc = include.map(compile);
  const exc = exclude.map(compile);
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
      return inc.some((p) => {
        const first = splitLevels(p.source)[0];
        return first.includes('**') || picomatch(first.replaceAll('/', SEP), { nocase: true, dot: true })(schema.replaceAll('/', SEP));
      });
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
