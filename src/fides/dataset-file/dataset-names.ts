/**
 * Which schema a dataset describes, and how people see a field's name, everywhere (scan -v and
 * summary, review, check, diff, drift, schedule, evaluate): `schema.table.column`, the form
 * --include takes. Only when one file holds several databases with a schema of the same name (two
 * `public` schemas) does the database lead: `database.schema.table.column`; when even that is
 * ambiguous (datasets written by hand), the dataset's fides_key does.
 */
import { mapAt, type TreeAccess } from './tree-access.js';

/** What names a dataset: its fides_key, its schema (namespace, else name, else key), its name and its database. */
export interface DatasetNames {
  readonly key: string;
  readonly schema: string;
  readonly name?: string;
  readonly database?: string;
}

/** A name as text; an empty one counts as none. */
function nameAt<M>(map: M | undefined, key: string, a: TreeAccess<M>): string | undefined {
  if (map === undefined) return undefined;
  const text = a.str(a.get(map, key));
  return text === '' ? undefined : text;
}

/** The schema a dataset's `fides_meta.namespace` names (as piiscout and Fides write it), if any. */
export function namespaceSchemaOf<M>(dataset: M, a: TreeAccess<M>): string | undefined {
  const fidesMeta = mapAt(dataset, 'fides_meta', a);
  return nameAt(fidesMeta && mapAt(fidesMeta, 'namespace', a), 'schema', a);
}

/**
 * The names of a dataset: the schema is `fides_meta.namespace.schema`, else the dataset's `name`,
 * else its key; the database is `fides_meta.namespace.database_name`, else `meta.database_name`.
 */
export function datasetNames<M>(dataset: M, a: TreeAccess<M>): DatasetNames {
  const key = nameAt(dataset, 'fides_key', a) ?? '?';
  const name = nameAt(dataset, 'name', a);
  const fidesMeta = mapAt(dataset, 'fides_meta', a);
  const namespace = fidesMeta && mapAt(fidesMeta, 'namespace', a);
  const database = nameAt(namespace, 'database_name', a) ?? nameAt(mapAt(dataset, 'meta', a), 'database_name', a);
  return {
    key,
    schema: namespaceSchemaOf(dataset, a) ?? name ?? key,
    ...(name !== undefined ? { name } : {}),
    ...(database !== undefined ? { database } : {}),
  };
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
