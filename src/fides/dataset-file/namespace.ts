/**
 * Where a dataset's data lives: the database and schema it describes (MySQL/MariaDB: the database
 * twice). Merging matches datasets by namespace, not by fides_key, so a key is free to be whatever
 * was written first; `meta.piiscout.namespace` records it in every dataset piiscout writes.
 */
import { datasetNaming } from '../../../connectors/index.js';
import type { DatabaseMetadata } from '../../core/metadata.js';
import { mapAt, type TreeAccess } from './tree-access.js';

export interface DatasetNamespace {
  readonly database: string;
  readonly schema: string;
}

/** The namespace of one schema of a scanned database. */
export function scanNamespace(database: Pick<DatabaseMetadata, 'engine' | 'database'>, schema: string): DatasetNamespace {
  // MySQL/MariaDB: a "schema" is a database, and one server scan may cover many of them (the engine's naming says).
  return { database: datasetNaming(database.engine).databaseName(database, schema), schema };
}

/** One string per namespace, for maps. */
export function namespaceId(ns: DatasetNamespace): string {
  return `${ns.database}\u0000${ns.schema}`;
}

/**
 * A dataset's namespace, from its `meta` and `fides_meta`: `meta.piiscout.namespace`, or for a
 * dataset piiscout wrote before that was recorded, `fides_meta.namespace`. Undefined for datasets
 * a person wrote (they are matched by fides_key, as before).
 */
export function datasetNamespaceOf<M>(dataset: M, a: TreeAccess<M>): DatasetNamespace | undefined {
  const meta = mapAt(dataset, 'meta', a);
  const record = meta && mapAt(meta, 'piiscout', a);
  if (!record) return undefined;
  const pair = (map: M | undefined, databaseKey: string): DatasetNamespace | undefined => {
    const database = map && a.str(a.get(map, databaseKey));
    const schema = map && a.str(a.get(map, 'schema'));
    return database !== undefined && schema !== undefined ? { database, schema } : undefined;
  };
  const fidesMeta = mapAt(dataset, 'fides_meta', a);
  return pair(mapAt(record, 'namespace', a), 'database') ?? pair(fidesMeta && mapAt(fidesMeta, 'namespace', a), 'database_name');
}

/** The namespace id a dataset records, if any. */
export function datasetNamespaceId<M>(dataset: M, a: TreeAccess<M>): string | undefined {
  const ns = datasetNamespaceOf(dataset, a);
  return ns ? namespaceId(ns) : undefined;
}
