/**
 * Where a dataset's data lives: the database and schema it describes (MySQL/MariaDB: the database
 * twice). Merging matches datasets by namespace, not by fides_key, so a key is free to be whatever
 * was written first; `meta.piiscout.namespace` records it in every dataset piiscout writes.
 */
import { datasetNaming } from '../../connectors/index.js';
import type { DatabaseMetadata } from '../core/metadata.js';

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A name as read from YAML: files written before names were quoted for YAML 1.1 may hold `2021` unquoted. */
const name = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/**
 * A dataset's namespace, from its plain `meta` and `fides_meta`: `meta.piiscout.namespace`, or for
 * a dataset piiscout wrote before that was recorded, `fides_meta.namespace`. Undefined for datasets
 * a person wrote (they are matched by fides_key, as before).
 */
export function datasetNamespaceOf(dataset: { readonly meta?: unknown; readonly fides_meta?: unknown }): DatasetNamespace | undefined {
  const record = isRecord(dataset.meta) && isRecord(dataset.meta.piiscout) ? dataset.meta.piiscout : undefined;
  if (!record) return undefined;
  const ns = isRecord(record.namespace) ? record.namespace : undefined;
  if (ns && name(ns.database) !== undefined && name(ns.schema) !== undefined) return { database: name(ns.database)!, schema: name(ns.schema)! };
  const fides = isRecord(dataset.fides_meta) && isRecord(dataset.fides_meta.namespace) ? dataset.fides_meta.namespace : undefined;
  if (fides && name(fides.database_name) !== undefined && name(fides.schema) !== undefined) return { database: name(fides.database_name)!, schema: name(fides.schema)! };
  return undefined;
}
