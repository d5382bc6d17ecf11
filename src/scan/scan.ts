/**
 * The scan pipeline: introspect → filter → sample each table (bounded concurrency) → classify.
 * No I/O of its own and no UI: it talks to a connected Connector and reports through callbacks.
 * Samples are dropped as soon as their table is classified, and the proposals are kept encoded
 * (compact-result.ts), so memory grows by about 1 kB per table beyond the metadata.
 *
 * The subject graph (classify/subject/) is built from every introspected table (also those filtered
 * out or in other shards: metadata only). Tables are taken in its classification order (referenced
 * before referencing, see subject/order.ts): each is sampled as soon as a runner is free (one query),
 * then waits until the tables it depends on are classified, then is classified with its graph context
 * and gives the graph its facts (subject/facts.ts). Results are the same at any concurrency. A table
 * reused from a checkpoint gives facts from its proposals (no key sketch: its values are not read).
 */
import type { Connector } from '../core/connector.js';
import { ConnectorError, UserError, isTableLevel } from '../core/errors.js';
import type { ColumnMetadata, DatabaseMetadata, TableMetadata } from '../core/metadata.js';
import { tableId } from '../core/metadata.js';
import type { NestedFieldSample, TableSample } from '../core/sample.js';
import { readJsonDocuments } from '../core/json-documents.js';
import { classifyNested, jsonColumnProposal } from './nested-json.js';
import type { ColumnClassifier, ColumnInput, FieldClassification } from '../classify/types.js';
import { planClassification, PlanVisibility, SubjectGraph, tableFacts, type TableGraphContext, type TableSubjectSummary } from '../classify/subject/index.js';
import { hasPersonalCategory } from '../core/personal-data.js';
import type { TableFilter } from './filters.js';
import { ResultCodec, compactTableResult } from './compact-result.js';
import { introspectSelected, type SelectionCheck } from './selection.js';

export interface ScanOptions {
  readonly sampleSize: number;
  readonly concurrency: number;
  readonly includeViews: boolean;
  readonly maxValueLength: number;
  readonly seed: number;
  readonly filter: TableFilter;
  readonly classifier: ColumnClassifier;
  /** How often a lost connection is retried for one table before it is marked failed. */
  readonly retries?: number;
  readonly onProgress?: (event: ScanProgressEvent) => void;
  readonly signal?: AbortSignal;
  /** Deadline for sampling one table (all attempts), so a stuck table cannot hold a worker; none when unset. */
  readonly tableTimeoutMs?: number;
  /** Tables finished by an interrupted earlier run (a checkpoint), by tableId: reused, not sampled again. */
  readonly finished?: ReadonlyMap<string, TableResult>;
  /** Each table this run scanned, as soon as it is done (the checkpoint writer). */
  readonly onTableResult?: (result: TableResult) => void;
  /** Stop before sampling when the role may do more than read (`--require-read-only-role`). */
  readonly requireReadOnlyRole?: boolean;
  /**
   * After introspection, before any table is sampled; throws to stop the scan when the filters
   * select nothing (see selection.ts). `schemas`: every schema the database showed, also pruned ones.
   */
  readonly checkSelection?: SelectionCheck;
  /** Classify with the subject graph (default true); false: each table alone, in table order. */
  readonly subjectGraph?: boolean;
  /** Each table's graph context as it is classified (tests, `scripts/subject-graph.ts`). */
  readonly onGraphContext?: (table: TableMetadata, context: TableGraphContext) => void;
}

export type ScanProgressEvent =
  | {
      readonly type: 'introspected';
      readonly schemas: number;
      readonly tables: number;
      readonly columns: number;
      /** What the role may do beyond reading (DatabaseMetadata.privilegeWarnings). */
      readonly privilegeWarnings: readonly string[];
    }
  | {
      readonly type: 'table-done';
      readonly table: string;
      readonly done: number;
      readonly total: number;
      readonly status: TableStatus;
      readonly message?: string;
    };

export type TableStatus = 'scanned' | 'skipped';

export interface TableIssue {
  readonly kind: string;
  readonly message: string;
  readonly hint?: string;
}

export interface TableResult {
  readonly table: TableMetadata;
  /** Only the columns that passed the filter, in table order. */
  readonly columns: readonly ColumnMetadata[];
  readonly status: TableStatus;
  /** Why a table was skipped (permission, timeout, ...). Its columns are still classified by name and type. */
  readonly issue?: TableIssue;
  readonly sampleMethod?: TableSample['method'];
  readonly rowsSampled: number;
  readonly queries: number;
  readonly fields: ReadonlyMap<string, FieldClassification>;
  /** Columns whose values were not sampled, with the reason (binary, geometry, ...). */
  readonly unsampledColumns: ReadonlyMap<string, string>;
  /** Stable key paths found inside JSON columns, classified like columns; keyed by column name. */
  readonly nestedFields?: ReadonlyMap<string, readonly NestedFieldResult[]>;
}

export interface NestedFieldResult {
  readonly path: readonly string[];
  readonly normalizedType: NestedFieldSample['normalizedType'];
  readonly isArray: boolean;
  readonly classification: FieldClassification;
  /** Why the path's values were not used (a nested object is classified by its keys). */
  readonly note?: string;
}

export interface ScanTimings {
  introspectMs: number;
  sampleMs: number;
  classifyMs: number;
  totalMs: number;
}

export interface ScanResult {
  readonly database: DatabaseMetadata;
  readonly tables: readonly TableResult[];
  readonly timings: ScanTimings;
  /** Views (and materialized views) that matched the filters but were left out: no --include-views. */
  readonly viewsNotScanned?: number;
  /** Schemas (MySQL: databases) walked but left out of the output because no table in them was to be scanned. */
  readonly schemasWithoutTables?: readonly string[];
  /** The subject graph's facts per table (by tableId), for writers: people, data subjects, references. */
  readonly subjects?: ReadonlyMap<string, TableSubjectSummary>;
}

export async function runScan(connector: Connector, options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const timings: ScanTimings = { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 };

  // Views are always listed (catalog only, nothing runs) so the summary can say how many were left out.
  const introspected = await introspectSelected(connector, options);
  const wanted = introspected.tables.filter(
    (t) => options.filter.includeSchema(t.schema) && options.filter.includeTable(t.schema, t.name),
  );
  const tables = options.includeViews ? wanted : wanted.filter((t) => !isView(t));
  const schemasWithTables = new Set(tables.map((t) => t.schema));
  const walkedSchemas = introspected.schemas.filter((s) => options.filter.includeSchema(s));
  const database: DatabaseMetadata = {
    ...introspected,
    // A schema (MySQL: database) with nothing to scan would be an empty dataset: left out, and listed.
    schemas: walkedSchemas.filter((s) => schemasWithTables.has(s)),
    tables,
  };
  const viewsNotScanned = wanted.length - tables.length;
  const schemasWithoutTables = walkedSchemas.filter((s) => !schemasWithTables.has(s));
  timings.introspectMs = performance.now() - started;
  options.onProgress?.({
    type: 'introspected',
    schemas: database.schemas.length,
    tables: tables.length,
    columns: tables.reduce((n, t) => n + t.columns.length, 0),
    privilegeWarnings: database.privilegeWarnings ?? [],
  });
  checkReadOnlyRole(database, options.requireReadOnlyRole);

  const reused = new Map<TableMetadata, TableResult>();
  for (const table of tables) {
    const previous = reusableResult(options.finished?.get(tableId(table)), table, options);
    if (previous) reused.set(table, previous);
  }
  const graph = options.subjectGraph === false ? undefined : new SubjectGraph(introspected.tables);
  const plan = graph && planClassification(graph, tables);
  const ids = tables.map(tableId);
  const visibility = plan && new PlanVisibility(plan, ids);
  // Reused tables give their facts first: they are finished before anything else starts.
  if (graph) for (const previous of reused.values()) addFacts(graph, previous);
  let done = reused.size;
  // Finished tables are kept encoded until the output is written (see compact-result.ts).
  const codec = new ResultCodec();
  const results: (TableResult | undefined)[] = tables.map((table) => {
    const previous = reused.get(table);
    return previous && compactTableResult(previous, codec);
  });
  reused.clear();
  const order = plan?.order ?? tables.map((_, i) => i);
  const finished = new Finished(tables.length, order, results);
  const failures: { index: number; error: unknown }[] = [];
  // A few runners take the next table in order: no task or promise per table is made up front.
  // As before, a table that fails does not stop the others; on abort, tables in flight still
  // finish (and reach the checkpoint) before the connection is closed, only tables not yet
  // started are given up. A table waits for its dependencies only after sampling, and every
  // table taken is marked finished on every path, so a waiting table never waits forever.
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < order.length) {
      const index = order[next++];
      if (results[index]) continue;
      const table = tables[index];
      try {
        // Let the event loop run between tables: with synchronous drivers (SQLite) the whole scan
        // would otherwise be one chain of microtasks, and Ctrl-C would not be seen until the end.
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) return;
        const sampled = await sampleTable(connector, table, options, timings);
        let context: TableGraphContext | undefined;
        if (graph && plan && visibility) {
          await finished.before(index, plan);
          context = graph.contextFor(table, distinctValues(sampled.sample), visibility.of(index), sampled.sample?.rowsRead);
          options.onGraphContext?.(table, context);
        }
        const result = await classifyTable(database, table, sampled, context, options, timings);
        if (graph) addFacts(graph, result, sampled.sample);
        options.onTableResult?.(result);
        done++;
        options.onProgress?.({
          type: 'table-done',
          table: tableId(table),
          done,
          total: tables.length,
          status: result.status,
          message: result.issue?.message,
        });
        results[index] = compactTableResult(result, codec);
      } catch (error) {
        failures.push({ index, error });
      } finally {
        finished.mark(index);
      }
    }
  };
  const pending = results.filter((r) => r === undefined).length;
  const runners = Math.min(pending, Math.max(1, Math.floor(options.concurrency) || 1));
  await Promise.all(Array.from({ length: runners }, runner));
  if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
  if (failures.length > 0) throw failures.reduce((a, b) => (b.index < a.index ? b : a)).error;
  const subjects = graph && new Map(tables.map((t) => [tableId(t), graph.summary(t)] as const));
  timings.totalMs = performance.now() - started;
  return { database, tables: results as TableResult[], timings, viewsNotScanned, schemasWithoutTables, ...(subjects ? { subjects } : {}) };
}

/** Gives the graph a finished table's facts (with a key sketch when its sample is at hand). */
function addFacts(graph: SubjectGraph, result: TableResult, sample?: TableSample): void {
  const id = tableId(result.table);
  const values = sample && ((column: string) => sample.columns.get(column)?.values);
  graph.addFacts(
    id,
    tableFacts({ table: result.table, rowsSampled: result.rowsSampled, fields: result.fields, values }, (facts) =>
      graph.wouldHoldPeople(id, facts),
      graph.alternateKeyColumns(id),
    ),
  );
}

/** Distinct trimmed sampled values per column, for references inferred from values. */
function distinctValues(sample: TableSample | undefined): ((column: string) => readonly string[] | undefined) | undefined {
  if (!sample) return undefined;
  return (column) => {
    const values = sample.columns.get(column)?.values;
    return values && [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  };
}

/**
 * Which tables are classified, for a table that waits for some (its dependencies) or for every table
 * before it (barrier tables): a flag per table and how many tables at the head of the order are done,
 * with a promise only for a table that is waiting (a promise per table and per position took memory
 * in proportion to a 100,000-table estate, until the scan ended).
 */
class Finished {
  readonly #done: Uint8Array;
  readonly #order: readonly number[];
  /** Positions 0 .. #doneBefore - 1 of the order are classified. */
  #doneBefore = 0;
  readonly #waiting: { readonly ready: () => boolean; readonly resolve: () => void }[] = [];

  constructor(count: number, order: readonly number[], results: readonly (TableResult | undefined)[]) {
    this.#order = order;
    this.#done = new Uint8Array(count);
    results.forEach((r, i) => r && (this.#done[i] = 1));
    this.#advance();
  }

  mark(index: number): void {
    this.#done[index] = 1;
    this.#advance();
    for (let i = this.#waiting.length - 1; i >= 0; i--) {
      const waiter = this.#waiting[i];
      if (!waiter.ready()) continue;
      this.#waiting.splice(i, 1);
      waiter.resolve();
    }
  }

  /** Resolves when every table `index` waits for (see subject/order.ts) is classified. */
  before(
    index: number,
    plan: {
      readonly waitsFor: readonly (readonly number[])[];
      readonly barrier: readonly boolean[];
      readonly position: readonly number[];
    },
  ): Promise<void> {
    const ready = () => plan.waitsFor[index].every((d) => this.#done[d] === 1) && (!plan.barrier[index] || this.#doneBefore >= plan.position[index]);
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push({ ready, resolve }));
  }

  #advance(): void {
    while (this.#doneBefore < this.#order.length && this.#done[this.#order[this.#doneBefore]] === 1) this.#doneBefore++;
  }
}

function isView(table: TableMetadata): boolean {
  return table.kind === 'view' || table.kind === 'materialized_view';
}

/** With `required`, refuses a role that may do more than read (its warnings were shown already). */
export function checkReadOnlyRole(database: DatabaseMetadata, required: boolean | undefined): void {
  const warnings = database.privilegeWarnings ?? [];
  if (!required || warnings.length === 0) return;
  throw new UserError(`The scanning role may do more than read (${warnings.length} finding(s) above); refused by --require-read-only-role`, {
    hint: 'scan with a read-only role (docs/database-access.md: the least-privilege role or login for your engine), or drop the flag',
  });
}

/**
 * A checkpointed result is reused when the table still has the same columns to scan; its query
 * count is zeroed because this run issued none for it. Tables skipped for a lost connection are not reused.
 */
function reusableResult(previous: TableResult | undefined, table: TableMetadata, options: ScanOptions): TableResult | undefined {
  // A table lost with its connection is tried again: the resumed run may well reach it.
  if (!previous || previous.issue?.kind === 'connection-lost') return undefined;
  const columns = table.columns.filter((c) => options.filter.includeColumn(table.schema, table.name, c.name));
  const same =
    columns.length === previous.columns.length &&
    columns.every((c, i) => c.name === previous.columns[i].name && c.rawType === previous.columns[i].rawType);
  return same ? { ...previous, table, columns, queries: 0 } : undefined;
}

interface SampledTable {
  readonly columns: readonly ColumnMetadata[];
  readonly sample?: TableSample;
  readonly issue?: TableIssue;
}

/** Samples one table (one query; retried on a lost connection), or says why it could not. */
async function sampleTable(connector: Connector, table: TableMetadata, options: ScanOptions, timings: ScanTimings): Promise<SampledTable> {
  const columns = table.columns.filter((c) => options.filter.includeColumn(table.schema, table.name, c.name));
  let sample: TableSample | undefined;
  // Introspection may already know the object must not be read (a broken or unsafe view).
  let issue: TableIssue | undefined = table.unreadable && { ...table.unreadable };
  const sampleStart = performance.now();
  if (!issue && columns.length > 0 && options.sampleSize > 0) {
    try {
      sample = await withDeadline(sampleWithRetry(connector, table, columns, options), table, options.tableTimeoutMs);
    } catch (error) {
      if (!isTableLevel(error) && !(error instanceof ConnectorError && error.kind === 'connection-lost')) throw error;
      issue = { kind: error.kind, message: error.message, hint: error.hint };
    }
  }
  timings.sampleMs += performance.now() - sampleStart;
  return { columns, sample, issue };
}

async function classifyTable(
  database: DatabaseMetadata,
  table: TableMetadata,
  { columns, sample, issue }: SampledTable,
  subject: TableGraphContext | undefined,
  options: ScanOptions,
  timings: ScanTimings,
): Promise<TableResult> {
  const classifyStart = performance.now();
  const inputs: ColumnInput[] = columns.map((column) => ({
    database,
    table,
    column,
    sample: sample?.columns.get(column.name),
    rowsSampled: sample?.rowsRead ?? 0,
    ...(subject ? { subject } : {}),
  }));
  const classified = inputs.length > 0 ? await options.classifier.classify(inputs) : [];
  const nestedFields = await classifyNested(database, table, columns, sample, options);
  timings.classifyMs += performance.now() - classifyStart;

  const fields = new Map<string, FieldClassification>();
  // A JSON column holds what its nested fields hold (nested-json.ts).
  columns.forEach((c, i) => fields.set(c.name, jsonColumnProposal(classified[i], sample?.columns.get(c.name), nestedFields.get(c.name))));
  const unsampledColumns = new Map<string, string>();
  for (const c of columns) {
    const reason = sample?.columns.get(c.name)?.skippedReason;
    if (reason) unsampledColumns.set(c.name, reason);
  }
  return {
    table,
    columns,
    status: issue ? 'skipped' : 'scanned',
    issue,
    sampleMethod: sample?.method,
    rowsSampled: sample?.rowsRead ?? 0,
    queries: sample?.queries ?? 0,
    fields,
    unsampledColumns,
    ...(nestedFields.size > 0 ? { nestedFields } : {}),
  };
}

/** Rejects with a table-level timeout when `work` takes longer than `ms` (the query may still end later). */
async function withDeadline<T>(work: Promise<T>, table: TableMetadata, ms: number | undefined): Promise<T> {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ConnectorError('timeout', `sampling ${tableId(table)} took longer than ${Math.round(ms / 1000)} s`, {
            hint: 'raise --statement-timeout, or exclude the table',
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function sampleWithRetry(
  connector: Connector,
  table: TableMetadata,
  columns: readonly ColumnMetadata[],
  options: ScanOptions,
): Promise<TableSample> {
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      const sample = await connector.sample(table, {
        rows: options.sampleSize,
        columns,
        maxValueLength: options.maxValueLength,
        seed: options.seed,
      });
      // The one place JSON documents are read, for every engine: nested fields, values cut for classification.
      return readJsonDocuments(columns, sample, options.maxValueLength);
    } catch (error) {
      const retryable = error instanceof ConnectorError && error.kind === 'connection-lost';
      if (!retryable || attempt >= retries) throw error;
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}

/** Counts for summaries: tables, columns, personal-data fields, skipped tables. */
export function summarize(result: ScanResult): ScanSummary {
  let columns = 0;
  let personal = 0;
  let queries = 0;
  const byCategory = new Map<string, number>();
  for (const t of result.tables) {
    queries += t.queries;
    for (const f of t.fields.values()) {
      columns++;
      if (hasPersonalCategory(f.categories)) personal++;
      for (const c of f.categories) byCategory.set(c, (byCategory.get(c) ?? 0) + 1);
    }
  }
  return {
    schemas: result.database.schemas.length,
    tables: result.tables.length,
    tablesScanned: result.tables.filter((t) => t.status === 'scanned').length,
    tablesSkipped: result.tables.filter((t) => t.status === 'skipped').length,
    columns,
    personalColumns: personal,
    queries,
    byCategory: [...byCategory.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    timings: result.timings,
  };
}

export interface ScanSummary {
  readonly schemas: number;
  readonly tables: number;
  readonly tablesScanned: number;
  readonly tablesSkipped: number;
  readonly columns: number;
  readonly personalColumns: number;
  readonly queries: number;
  readonly byCategory: readonly (readonly [string, number])[];
  readonly timings: ScanTimings;
}
