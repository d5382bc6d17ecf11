/**
 * Turns a scan result into a fideslang dataset file: one dataset per schema (MySQL: per database),
 * collections = tables, fields = columns, each sorted by name. Proposals go into `data_categories`;
 * status, confidence, alternatives and evidence go into a `piiscout` key that Fides ignores.
 * Output is deterministic for the same inputs apart from the `scanned_at` timestamp.
 */
import YAML from 'yaml';
import type { ColumnMetadata, DatabaseMetadata, NormalizedType, TableMetadata } from '../core/metadata.js';
import type { FieldClassification } from '../classify/types.js';
import type { NestedFieldResult, ScanResult, TableResult } from '../scan/scan.js';
import type { FidesCollection, FidesDataset, FidesDatasetFile, FidesField, FidesReference, PiiscoutFieldRecord } from './dataset-types.js';
import { namespaceId, scanNamespace } from './dataset-file/namespace.js';
import { FidesKeyAllocator } from './fides-key.js';
import { SAFE_SCHEMA } from './yaml-safe.js';
import { SubjectRequestProposals, type CollectionProposals, type ProposedFieldMeta } from './subject-request.js';
import { datasetNaming } from '../../connectors/index.js';

export interface WriteOptions {
  /** ISO timestamp of the scan; the only non-deterministic value in the file. */
  readonly scannedAt: string;
  readonly toolVersion: string;
  readonly sampleSize: number;
  /** Prefix for dataset keys (default: the engine's, see DatasetNaming in connectors/engine.ts). */
  readonly keyPrefix?: string;
  /** The keys of the file this scan is merged into: a namespace keeps the key it has there. */
  readonly existingKeys?: ExistingKeys;
}

/** What a file already holds: the key of each namespace (reused), and the keys no other schema may get. */
export interface ExistingKeys {
  readonly byNamespace: ReadonlyMap<string, string>;
  readonly taken: ReadonlySet<string>;
}

/**
 * Maps schema names to dataset keys, deterministically: a namespace's key in `existing` when it has
 * one, else a new key from the (prefixed) schema name that no dataset in `existing` has.
 */
export function datasetKeys(database: DatabaseMetadata, schemas: readonly string[], keyPrefix?: string, existing?: ExistingKeys): Map<string, string> {
  const allocator = new FidesKeyAllocator(existing?.taken ?? []);
  const naming = datasetNaming(database.engine);
  const prefix = keyPrefix ?? naming.defaultKeyPrefix(database);
  const out = new Map<string, string>();
  for (const schema of [...new Set(schemas)].sort(byName)) {
    const kept = existing?.byNamespace.get(namespaceId(scanNamespace(database, schema)));
    out.set(schema, kept ?? allocator.keyFor(naming.datasetKey(schema, prefix)));
  }
  return out;
}

export function buildDatasetFile(result: ScanResult, options: WriteOptions): FidesDatasetFile {
  const { database } = result;
  const bySchema = new Map<string, TableResult[]>();
  for (const schema of database.schemas) bySchema.set(schema, []);
  for (const t of result.tables) {
    const list = bySchema.get(t.table.schema) ?? [];
    list.push(t);
    bySchema.set(t.table.schema, list);
  }
  // Referenced schemas that were filtered out still get a (stable) key for references.
  const referenced = result.tables.flatMap((t) => t.table.foreignKeys.map((fk) => fk.referencedSchema));
  const keys = datasetKeys(database, [...bySchema.keys(), ...referenced], options.keyPrefix, options.existingKeys);
  const naming = datasetNaming(database.engine);
  const proposals = subjectRequestProposals(result, keys);

  const datasets: FidesDataset[] = [...bySchema.keys()].sort(byName).map((schema) => {
    const tables = (bySchema.get(schema) ?? []).slice().sort((a, b) => byName(a.table.name, b.table.name));
    const scanned = tables.filter((t) => t.status === 'scanned').length;
    const namespace = scanNamespace(database, schema);
    const databaseName = namespace.database;
    return {
      fides_key: keys.get(schema)!,
      name: schema,
      description: `${naming.describe(database, schema)}, classified by piiscout`,
      meta: {
        ...(database.host ? { database_host: database.host } : {}),
        database_name: databaseName,
        piiscout: {
          version: options.toolVersion,
          engine: database.engine,
          namespace: { database: namespace.database, schema: namespace.schema },
          scanned_at: options.scannedAt,
          sample_size: options.sampleSize,
          tables: tables.length,
          tables_scanned: scanned,
          tables_skipped: tables.length - scanned,
          ...datasetSubjects(proposals, schema),
        },
      },
      fides_meta: { namespace: { database_name: databaseName, schema } },
      collections: tables.map((t) => buildCollection(t, keys, proposals.forTable(t.table))),
    };
  });
  return { dataset: datasets };
}

/** The subject graph's proposals for a scan whose schemas have these dataset keys (see subject-request.ts). */
export function subjectRequestProposals(result: ScanResult, keys: ReadonlyMap<string, string>): SubjectRequestProposals {
  return new SubjectRequestProposals(result, (schema) => keys.get(schema));
}

/** A dataset's proposed data subjects, for its `meta.piiscout` (nothing when there are none). */
export function datasetSubjects(proposals: SubjectRequestProposals, schema: string): { data_subjects?: string[] } {
  const subjects = proposals.forSchema(schema);
  return subjects.length > 0 ? { data_subjects: subjects } : {};
}

export function buildCollection(result: TableResult, keys: Map<string, string>, proposals?: CollectionProposals): FidesCollection {
  const { table } = result;
  const record: Record<string, unknown> = {
    kind: table.kind,
    status: result.status,
    ...(result.issue ? { reason: result.issue.message } : {}),
    ...(table.partlyReadable ? { partly_readable: table.partlyReadable } : {}),
    ...(table.rowEstimate !== undefined ? { row_estimate: Math.round(table.rowEstimate) } : {}),
    rows_sampled: result.rowsSampled,
    ...(result.sampleMethod ? { sample_method: result.sampleMethod } : {}),
    // Proposed until a person declares them (a systems manifest, or Fides itself).
    ...(proposals && proposals.dataSubjects.length > 0 ? { data_subjects: [...proposals.dataSubjects], data_subjects_because: proposals.subjectsBecause } : {}),
  };
  const fields = result.columns
    .slice()
    .sort((a, b) => byName(a.name, b.name))
    .map((column) => {
      const field = buildField(
        table,
        column,
        result.fields.get(column.name),
        keys,
        result.unsampledColumns.get(column.name),
        proposals?.fields.get(column.name),
      );
      const nested = result.nestedFields?.get(column.name);
      return nested && nested.length > 0 ? withNestedFields(field, nestedFidesFields(nested)) : field;
    });
  return {
    name: table.name,
    ...(table.comment ? { description: table.comment } : {}),
    piiscout: record,
    fields,
  };
}

function buildField(
  table: TableMetadata,
  column: ColumnMetadata,
  proposal: FieldClassification | undefined,
  keys: Map<string, string>,
  unsampledReason: string | undefined,
  proposedMeta: ProposedFieldMeta | undefined,
): FidesField {
  const dataType = fidesDataType(column.normalizedType, column.isArray);
  const references: FidesReference[] = [];
  for (const fk of table.foreignKeys) {
    const i = fk.columns.indexOf(column.name);
    if (i < 0) continue;
    references.push({ dataset: keys.get(fk.referencedSchema)!, field: `${fk.referencedTable}.${fk.referencedColumns[i]}` });
  }
  const fidesMeta = {
    ...(dataType ? { data_type: dataType } : {}),
    ...(column.isPrimaryKey ? { primary_key: true } : {}),
    ...(references.length > 0 ? { references } : {}),
  };
  return {
    name: column.name,
    ...(column.comment ? { description: column.comment } : {}),
    data_categories: proposal ? [...proposal.categories] : ['system.operations'],
    ...(Object.keys(fidesMeta).length > 0 ? { fides_meta: fidesMeta } : {}),
    piiscout: withProposedMeta(proposalRecord(proposal, unsampledReason), proposedMeta),
  };
}

/** A field's proposed identity and references sit in its record until a reviewer accepts the field. */
function withProposedMeta(record: PiiscoutFieldRecord, meta: ProposedFieldMeta | undefined): PiiscoutFieldRecord {
  if (!meta || (meta.identity === undefined && !meta.references?.length)) return record;
  const proposed = {
    ...(meta.identity ? { identity: meta.identity } : {}),
    ...(meta.references?.length ? { references: meta.references.map((r) => ({ ...r })) } : {}),
  };
  const { status, confidence, ...rest } = record;
  return { status, confidence, proposed_fides_meta: proposed, ...rest };
}

/**
 * A column with nested fields. fideslang accepts sub-fields only under an `object` field or one
 * without a type: a JSON type is `object` already; JSON held in a text column keeps no data_type
 * (its values are strings, so `object` would tell Fides something untrue).
 */
function withNestedFields(field: FidesField, fields: FidesField[]): FidesField {
  const { fides_meta: fidesMeta, piiscout, ...head } = field;
  const { data_type: dataType, ...meta } = fidesMeta ?? {};
  const kept = dataType?.startsWith('object') ? { data_type: dataType, ...meta } : meta;
  // Keys in the writer's order: … fides_meta, fields, piiscout.
  return { ...head, ...(Object.keys(kept).length > 0 ? { fides_meta: kept } : {}), fields, ...(piiscout ? { piiscout } : {}) };
}

/**
 * Nested fields of a JSON column as a tree (fideslang `fields`), children sorted by name. A parent
 * with children is declared `object` (or `object[]`), as fideslang requires.
 */
export function nestedFidesFields(results: readonly NestedFieldResult[], prefix: readonly string[] = []): FidesField[] {
  const depth = prefix.length;
  const here = results.filter((r) => r.path.length === depth + 1 && prefix.every((p, i) => r.path[i] === p));
  return here
    .slice()
    .sort((a, b) => byName(a.path[depth], b.path[depth]))
    .map((r) => {
      const children = nestedFidesFields(results, r.path);
      const dataType = children.length > 0 ? (r.isArray ? 'object[]' : 'object') : fidesDataType(r.normalizedType, r.isArray);
      return {
        name: r.path[depth],
        data_categories: [...r.classification.categories],
        ...(dataType ? { fides_meta: { data_type: dataType } } : {}),
        ...(children.length > 0 ? { fields: children } : {}),
        piiscout: proposalRecord(r.classification, r.note),
      };
    });
}

function proposalRecord(proposal: FieldClassification | undefined, unsampledReason: string | undefined): PiiscoutFieldRecord {
  return proposal
    ? {
        status: 'proposed',
        confidence: round(proposal.confidence),
        ...(unsampledReason ? { note: unsampledReason } : {}),
        factors: Object.fromEntries(Object.entries(proposal.factors).map(([k, v]) => [k, round(v ?? 0)])),
        // The weights the combination policy applied to those factors (a reviewer recomputes the confidence).
        ...(proposal.weights && Object.keys(proposal.weights).length > 0
          ? { weights: Object.fromEntries(Object.entries(proposal.weights).map(([k, v]) => [k, round(v ?? 0)])) }
          : {}),
        ...(proposal.alternatives.length > 0
          ? { alternatives: proposal.alternatives.map((a) => ({ category: a.category, confidence: round(a.confidence) })) }
          : {}),
        evidence: proposal.evidence.map((e) => ({
          factor: e.factor,
          category: e.category,
          score: round(e.score),
          source: e.source,
          reason: e.reason,
          ...(e.veto ? { veto: true } : {}),
        })),
      }
    : { status: 'proposed', confidence: 0 };
}

/** Maps our normalized type to fideslang's `data_type` vocabulary; undefined when nothing fits. */
export function fidesDataType(type: NormalizedType, isArray: boolean): string | undefined {
  const base: Partial<Record<NormalizedType, string>> = {
    string: 'string',
    uuid: 'string',
    date: 'string',
    time: 'string',
    timestamp: 'string',
    interval: 'string',
    inet: 'string',
    enum: 'string',
    integer: 'integer',
    decimal: 'float',
    float: 'float',
    boolean: 'boolean',
    json: 'object',
  };
  const t = base[type];
  if (!t) return undefined;
  return isArray ? `${t}[]` : t;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Code-point order, the order fideslang's validators sort by. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const HEADER = [
  ' Fides dataset file written by piiscout (https://github.com/piiscout/piiscout).',
  ' data_categories hold the current categories (proposed or reviewed); the `piiscout` keys hold',
  ' status, confidence, alternatives and evidence. Fides ignores those keys. No sampled value is stored.',
].join('\n');

/** Keys whose collection value is written in flow style (`[a, b]`, `{name: 1}`). */
export const FLOW_STYLE_KEYS: ReadonlySet<string> = new Set(['data_categories', 'factors', 'weights', 'data_subjects']);
/** Keys whose sequence items, when maps, are each written as one flow map (`- {factor: name, ...}`). */
export const FLOW_ITEM_KEYS: ReadonlySet<string> = new Set(['evidence', 'alternatives']);
/** How the dataset file is stringified; `yaml-emit.ts` writes the same text without the library. */
export const YAML_TO_STRING_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Marks the collections that `FLOW_STYLE_KEYS` and `FLOW_ITEM_KEYS` name as flow collections. */
export function applyFlowStyles(doc: YAML.Document): void {
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') return;
      if (FLOW_STYLE_KEYS.has(key) && YAML.isCollection(pair.value)) pair.value.flow = true;
      if (FLOW_ITEM_KEYS.has(key) && YAML.isSeq(pair.value)) {
        for (const item of pair.value.items) if (YAML.isMap(item)) item.flow = true;
      }
    },
  });
}

/** Serialises to YAML with compact flow style for category lists and evidence entries. */
export function datasetFileToYaml(file: FidesDatasetFile): string {
  const doc = new YAML.Document(file, SAFE_SCHEMA);
  doc.commentBefore = HEADER;
  applyFlowStyles(doc);
  return doc.toString(YAML_TO_STRING_OPTIONS);
}
