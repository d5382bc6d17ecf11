/**
 * How people see a field's name, everywhere (scan -v and summary, review, check, diff, schedule):
 * `schema.table.column`, the form --include takes. Only when one file holds several databases with
 * a schema of the same name (two `public` schemas) does the database lead: `database.schema.table.column`;
 * when even that is ambiguous (datasets written by hand), the dataset's fides_key does.
 */

/** What names a dataset: its fides_key, its schema (namespace, else name, else key) and its database. */
export interface DatasetNames {
  readonly key: string;
  readonly schema: string;
  readonly database?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** From a parsed dataset (plain data): `fides_meta.namespace` (as piiscout writes it), else `name` and `meta.database_name`. */
export function datasetNames(dataset: Obj): DatasetNames {
  const ns = isObj(dataset.fides_meta) && isObj(dataset.fides_meta.namespace) ? dataset.fides_meta.namespace : {};
  const meta = isObj(dataset.meta) ? dataset.meta : {};
  const key = text(dataset.fides_key) ?? '?';
  const database = text(ns.database_name) ?? text(meta.database_name);
  return { key, schema: text(ns.schema) ?? text(dataset.name) ?? key, ...(database ? { database } : {}) };
}

/**
 * The prefix of each dataset's field names, given every dataset shown together (one file, or the two
 * files a diff compares): `schema`, else `database.schema`, else the fides_key.
 */
export function fieldPrefix(dataset: DatasetNames, all: readonly DatasetNames[]): string {
  const owner = (d: DatasetNames): string => d.database ?? `\u0000${d.key}`;
  const sameSchema = all.filter((d) => d.schema === dataset.schema);
  if (new Set(sameSchema.map(owner)).size <= 1) return dataset.schema;
  if (dataset.database !== undefined) {
    const sameDatabase = sameSchema.filter((d) => d.database === dataset.database);
    if (new Set(sameDatabase.map((d) => d.key)).size <= 1) return `${dataset.database}.${dataset.schema}`;
  }
  return dataset.key;
}
