/**
 * A filter that selects nothing is a mistake, not an empty scan: `--include 'pubilc.*'` must not
 * scan 0 tables and exit 0. After introspection, every --include pattern must match something
 * (a schema, a table, or a column, by its number of levels), and include/exclude together must leave
 * a table; otherwise the scan stops (exit 1) naming each pattern that matched nothing, with the
 * names it could have meant. Names only, from the catalog; no value is involved.
 */
import type { Connector } from '../core/connector.js';
import { UserError } from '../core/errors.js';
import type { DatabaseMetadata, TableMetadata } from '../core/metadata.js';
import { closest, didYouMean } from '../util/did-you-mean.js';
import { printable } from '../util/printable.js';
import { compilePattern, createTableFilter, toPath, type CompiledPattern, type TableFilter } from './filters.js';

export interface SelectionRules {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly includeViews: boolean;
  /** Schemas the connection may scan at all (a MySQL URL that names a database: only that one). */
  readonly inScope?: (schema: string) => boolean;
}

export interface SelectionProblems {
  /** --include patterns that match no schema, table or column (by their number of levels). */
  readonly unmatched: readonly CompiledPattern[];
  /** Filters were given and no table is left. */
  readonly nothingLeft: boolean;
  /** Tables the --include patterns match before --exclude (all tables without --include). */
  readonly included: number;
}

const GLOB_CHARS = /[*?[\]{}\\]/;
const isView = (t: TableMetadata): boolean => t.kind === 'view' || t.kind === 'materialized_view';

/** `a.b` → `a\.b`, `x*` → `x\*`: a name written as a pattern level. */
export function patternLevel(name: string): string {
  return name.replace(/[*?[\]{}\\.]/g, (c) => `\\${c}`);
}

function matches(p: CompiledPattern, schemas: readonly string[], tables: readonly TableMetadata[]): boolean {
  if (p.levels === 1) return schemas.some((s) => p.full(toPath([s])));
  const hit = tables.filter((t) => p.table(toPath([t.schema, t.name])));
  if (p.levels === 2) return hit.length > 0;
  return hit.some((t) => t.columns.some((c) => p.full(toPath([t.schema, t.name, c.name]))));
}

/** Pure: what is wrong with the selection, given every schema name and the tables introspected. */
export function selectionProblems(rules: SelectionRules, schemas: readonly string[], tables: readonly TableMetadata[]): SelectionProblems | undefined {
  if (rules.include.length === 0 && rules.exclude.length === 0) return undefined; // an empty database is no mistake
  const inScope = rules.inScope ?? (() => true);
  const scopeSchemas = schemas.filter(inScope);
  const scopeTables = tables.filter((t) => inScope(t.schema));
  const filter = createTableFilter(rules.include, rules.exclude);
  const includeOnly = createTableFilter(rules.include, []);
  const unmatched = rules.include.map(compilePattern).filter((p) => !matches(p, scopeSchemas, scopeTables));
  const included = scopeTables.filter((t) => includeOnly.includeTable(t.schema, t.name)).length;
  const left = scopeTables.some((t) => filter.includeSchema(t.schema) && filter.includeTable(t.schema, t.name));
  // An empty database with only --exclude is no mistake; asking for something that is not there is.
  const nothingLeft = !left && (scopeTables.length > 0 || rules.include.length > 0);
  if (unmatched.length === 0 && !nothingLeft) return undefined;
  return { unmatched, nothingLeft, included };
}

/** Names close to a pattern level that matched nothing (none for a level with wildcards). */
function near(level: string, names: readonly string[]): string[] {
  return GLOB_CHARS.test(level.replaceAll('\\.', '')) ? [] : closest(level, names);
}

/**
 * Patterns the user may have meant: each level that matches nothing is replaced by a close name,
 * as long as the result then matches something. Up to three.
 */
export function suggestPatterns(p: CompiledPattern, schemas: readonly string[], tables: readonly TableMetadata[]): string[] {
  const written = p.source.split(/(?<!\\)\./);
  let schemaOptions = schemas.filter((s) => p.schema(toPath([s])));
  let schemaFix: string[] = [];
  if (schemaOptions.length === 0) schemaOptions = schemaFix = near(p.parts[0], schemas);
  if (p.levels === 1) {
    if (schemaFix.length > 0) return schemaFix.map(patternLevel);
    // `--include users` names a schema: maybe a table was meant (SQLite's only schema is `main`).
    const tableHits = tables.filter((t) => p.schema(toPath([t.name])));
    return [...new Set(tableHits.map((t) => `${patternLevel(t.schema)}.${written[0]}`))].sort().slice(0, 3);
  }
  const inSchemas = tables.filter((t) => schemaOptions.includes(t.schema));
  const tableGlob = compilePattern(written[1]);
  let tableOptions = inSchemas.filter((t) => tableGlob.full(toPath([t.name])));
  let tableFixed = false;
  if (tableOptions.length === 0) {
    const names = near(p.parts[1], inSchemas.map((t) => t.name));
    tableOptions = inSchemas.filter((t) => names.includes(t.name));
    tableFixed = true;
  }
  const out = new Set<string>();
  const schemaText = (t: TableMetadata): string => (schemaFix.length > 0 ? patternLevel(t.schema) : written[0]);
  const tableText = (t: TableMetadata): string => (tableFixed ? patternLevel(t.name) : written[1]);
  for (const t of tableOptions) {
    if (p.levels === 2) {
      if (schemaFix.length > 0 || tableFixed) out.add(`${schemaText(t)}.${tableText(t)}`);
      continue;
    }
    const columnGlob = compilePattern(written[2]);
    const columns = t.columns.map((c) => c.name);
    const hit = columns.filter((c) => columnGlob.full(toPath([c])));
    if (hit.length > 0 && (schemaFix.length > 0 || tableFixed)) out.add(`${schemaText(t)}.${tableText(t)}.${written[2]}`);
    if (hit.length === 0) for (const c of near(p.parts[2], columns)) out.add(`${schemaText(t)}.${tableText(t)}.${patternLevel(c)}`);
  }
  return [...out].sort().slice(0, 3);
}

const list = (names: readonly string[], max = 8): string =>
  names.length === 0 ? '(none)' : `${names.slice(0, max).map((n) => printable(n, 60)).join(', ')}${names.length > max ? `, … (${names.length})` : ''}`;

/**
 * Throws a UserError (exit 1) when the selection is a mistake. `schemas` is every schema the
 * database showed (also those the filters pruned); on a mistake, the names it could have meant are
 * read with one more introspection (catalog only, views included).
 */
export async function checkSelection(
  connector: Pick<Connector, 'introspect'>,
  rules: SelectionRules,
  schemas: readonly string[],
  introspected: DatabaseMetadata,
): Promise<void> {
  const problems = selectionProblems(rules, schemas, introspected.tables);
  if (!problems) return;
  const inScope = rules.inScope ?? (() => true);
  const scopeSchemas = [...new Set(schemas.filter(inScope))].sort();
  const everything = await connector.introspect({ includeViews: true, schemaFilter: inScope });
  const tables = everything.tables.filter((t) => inScope(t.schema));
  const plain = tables.filter((t) => rules.includeViews || !isView(t));

  const parts = problems.unmatched.map((p) => {
    const shown = `--include '${printable(p.source)}'`;
    // Its tables were not introspected: --exclude removed their whole schema.
    if (matches(p, scopeSchemas, plain)) return `${shown} matches only what --exclude removes`;
    if (matches(p, scopeSchemas, tables)) return `${shown} matches only views (add --include-views to scan them)`;
    const guess = didYouMean(suggestPatterns(p, scopeSchemas, plain));
    return `${shown} matches no ${['schema', 'table', 'column'][p.levels - 1]}${guess ? ` (${guess})` : ''}`;
  });
  if (problems.nothingLeft && (rules.include.length === 0 || problems.unmatched.length < rules.include.length)) {
    parts.push(
      rules.include.length === 0
        ? `--exclude removes all ${plain.length} table(s): nothing is left to scan`
        : problems.included === 0
          ? '--include matches no table (only schemas without tables)'
          : `--include/--exclude leave no table to scan (${problems.included} table(s) match --include, --exclude removes them all)`,
    );
  }
  const firstSchema = problems.unmatched.map((p) => scopeSchemas.find((s) => p.schema(toPath([s])))).find((s) => s !== undefined);
  const hint =
    `the database has schema(s) ${list(scopeSchemas)}` +
    (firstSchema ? `; tables in ${printable(firstSchema, 60)}: ${list(plain.filter((t) => t.schema === firstSchema).map((t) => t.name))}` : '') +
    '; patterns are schema, schema.table or schema.table.column (case is ignored)';
  throw new UserError(parts.join('; '), { hint });
}

/** After introspection, before sampling: throws when the filters select nothing (see checkSelection). */
export type SelectionCheck = (schemas: readonly string[], introspected: DatabaseMetadata) => Promise<void>;

/**
 * Introspects with the filter's schema pruning (the scan and the dry run alike), noting every schema
 * the database showed, then lets `check` stop a selection that is a mistake.
 */
export async function introspectSelected(
  connector: Pick<Connector, 'introspect'>,
  options: { readonly includeViews: boolean; readonly filter: TableFilter; readonly checkSelection?: SelectionCheck },
): Promise<DatabaseMetadata> {
  const schemas: string[] = [];
  // Views are always listed (catalog only, nothing runs): the scan counts those it leaves out.
  const introspected = await connector.introspect({
    includeViews: true,
    schemaFilter: (schema) => {
      schemas.push(schema);
      return options.filter.includeSchema(schema);
    },
  });
  const selectable = options.includeViews ? introspected : { ...introspected, tables: introspected.tables.filter((t) => !isView(t)) };
  await options.checkSelection?.(schemas, selectable);
  return introspected;
}
