/** `piiscout scan`: connect read-only, scan, write the dataset YAML, print a summary. */
import fs from 'node:fs';
import path from 'node:path';
import {
  connectionFileStem,
  createConnector,
  datasetKeyPrefixOf,
  engineDescriptor,
  onlySchemaOf,
  parseConnectionString,
  type ConnectionConfig,
} from '../../../connectors/index.js';
import { ExitCode, UserError } from '../../core/errors.js';
import { createTableFilter, restrictToSchema, type TableFilter } from '../../scan/filters.js';
import { checkSelection, type SelectionRules } from '../../scan/selection.js';
import { runScan, summarize, type ScanResult, type ScanSummary } from '../../scan/scan.js';
import { buildDatasetFile, datasetKeys, type ExistingKeys } from '../../fides/dataset-writer.js';
import { scanDatasets, writeDatasetYamlFile, writeDatasetYamlStdout } from '../../fides/dataset-stream.js';
import { mergeScanIntoFile, mergesStreamed } from '../../fides/dataset-file/merge-stream.js';
import { parseShard, restrictToShard, formatShard, type Shard } from '../../scan/shard.js';
import type { CheckpointSettings } from '../../scan/checkpoint.js';
import { openScanCheckpoint, testAbortAfterTables } from '../scan-checkpoint.js';
import { formatMergeSummary, type MergeScope, type MergeSummary } from '../../fides/dataset-file/merge-scan.js';
import { hasPersonalCategory, isPersonalCategory } from '../../fides/dataset-file/personal.js';
import { checkMergeSize, mergeLimitBytes } from '../../review/merge-limit.js';
import { ReviewFile } from '../../review/review-file.js';
import { hashText } from '../../util/content-hash.js';
import { VERSION } from '../../version.js';
import type { HeuristicClassifierOptions } from '../../classify/heuristic-classifier.js';
import type { ColumnClassifier } from '../../classify/types.js';
import type { DatabaseMetadata } from '../../core/metadata.js';
import type { ColumnModel } from '../../model/model-classifier.js';
import { Output, ProgressTracker, formatDuration } from '../output.js';
import { fieldLines } from '../scan-verbose.js';
import { runDryRun, snowflakeFlags } from './scan-dry-run.js';

export interface ScanCommandOptions {
  demo?: boolean;
  output?: string;
  sampleSize: number;
  include: string[];
  exclude: string[];
  includeViews: boolean;
  concurrency: number;
  statementTimeout: number;
  passwordEnv?: string;
  /** Snowflake: key-pair login, warehouse resume, SYSTEM$CLASSIFY evidence (see scan-dry-run.ts). */
  privateKeyFile?: string;
  allowWarehouseResume?: boolean;
  useSnowflakeClassify?: boolean;
  /** Introspect only and print what a scan would sample and cost. */
  dryRun?: boolean;
  /** Refuse to sample when the role may do more than read (superuser, write grants). */
  requireReadOnlyRole?: boolean;
  config?: string;
  maxValueLength: number;
  seed: number;
  merge: boolean;
  /** `i/n`: scan only shard i of n (see src/scan/shard.ts). */
  shard?: string;
  /** Continue from `<output>.checkpoint.jsonl`. */
  resume?: boolean;
  /** false with --no-ml: rules only. */
  ml: boolean;
  /** The column model alone (evaluation). */
  mlOnly?: boolean;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

export async function scanCommand(connection: string | undefined, options: ScanCommandOptions): Promise<number> {
  const out = new Output({ quiet: options.quiet || options.json, verbose: options.verbose });
  if (connection && options.demo) {
    throw new UserError('Give either a connection string or --demo, not both', { exitCode: ExitCode.usage });
  }
  if (!connection && !options.demo) {
    throw new UserError('Nothing to scan: give a connection string or --demo', {
      hint: 'e.g. piiscout scan postgres://user@host:5432/db -o db.yml, or piiscout scan --demo',
      exitCode: ExitCode.usage,
    });
  }
  let filter = createTableFilter(options.include, options.exclude);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (shard) filter = restrictToShard(filter, shard);
  // Config problems are the user's to fix: fail before connecting.
  const { loadConfig } = await import('../../config/load-config.js');
  const loadedConfig = loadConfig(options.config);

  let config: ConnectionConfig;
  let keyPrefix: string | undefined;
  if (options.demo) {
    const { ensureDemoDatabase } = await import('../../demo/demo-database.js');
    const demo = await ensureDemoDatabase({ onProgress: (m: string) => out.info(m) });
    config = { engine: 'pglite', dataDir: demo.dataDir };
    keyPrefix = 'demo';
  } else {
    config = parseConnectionString(connection!, { passwordEnv: options.passwordEnv, snowflake: snowflakeFlags(undefined, options) });
    keyPrefix = datasetKeyPrefixOf(config);
  }

  const onlyDatabase = onlySchemaOf(config);
  if (onlyDatabase) filter = restrictToSchema(filter, onlyDatabase);
  const selection: SelectionRules = {
    include: options.include,
    exclude: options.exclude,
    includeViews: options.includeViews,
    inScope: onlyDatabase ? (schema) => schema === onlyDatabase : undefined,
  };

  const outputPath = options.output ?? defaultOutputName(config, Boolean(options.demo));
  const toStdout = outputPath === '-';
  if (toStdout && options.json) {
    throw new UserError('--json and -o - both want stdout', { hint: 'write the YAML to a file with -o FILE', exitCode: ExitCode.usage });
  }
  if (toStdout && options.resume) {
    // The checkpoint lives beside the output file; a scan to stdout keeps none, so there is nothing to resume.
    throw new UserError('--resume needs an output file: a scan to stdout (-o -) keeps no checkpoint', {
      hint: 'scan with -o FILE to be able to resume, or drop --resume',
      exitCode: ExitCode.usage,
    });
  }
  // Fail before connecting when the file to merge into is broken; it is read again after the scan.
  const mergeInto = !toStdout && checkOutputWritable(outputPath, options.merge);

  snowflakeFlags(config.engine, options);
  const connector = await createConnector(config);
  out.info(`piiscout ${VERSION}: scanning ${connector.displayName}`);
  const verifySelection = (schemas: readonly string[], introspected: DatabaseMetadata): Promise<void> =>
    checkSelection(connector, selection, schemas, introspected);
  if (options.dryRun) return runDryRun(connector, config, { ...options, filter, checkSelection: verifySelection }, out);
  const { classifierOptionsFromConfig } = await import('../../config/custom-recognizers.js');
  const heuristicOptions = loadedConfig ? classifierOptionsFromConfig(loadedConfig.config) : {};
  if (loadedConfig) out.debug(`using config ${loadedConfig.file}`);
  // Rules (with or without the model) classify on all cores; the model alone stays in this thread.
  // The model (TF.js) loads while the connection is opened, below.
  const { createParallelClassifier, defaultClassifyWorkers } = await import('../../classify/parallel-classifier.js');
  const model = options.ml !== false && !options.mlOnly ? await createModel() : undefined;
  const classifier: ColumnClassifier & { close?(): Promise<void> } = options.mlOnly
    ? await modelClassifier(out, heuristicOptions, true)
    : model
      ? createParallelClassifier({ workers: defaultClassifyWorkers(), configFile: loadedConfig && path.resolve(loadedConfig.file), ml: true, model })
      : createParallelClassifier({ workers: defaultClassifyWorkers(), configFile: loadedConfig && path.resolve(loadedConfig.file), ml: false });

  const checkpoint = toStdout
    ? undefined
    : openScanCheckpoint(outputPath, checkpointSettings(connector.displayName, options, shard, loadedConfig), {
        resume: Boolean(options.resume),
        out,
        afterTables: testAbortAfterTables(),
        interrupt: () => onSigint(),
      });
  const abort = new AbortController();
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(130);
    out.warn('interrupted: finishing tables in flight, press Ctrl-C again to quit now');
    abort.abort(
      new UserError('Scan interrupted', {
        exitCode: 130,
        hint: checkpoint ? 'finished tables are saved: run the same command with --resume to continue' : undefined,
      }),
    );
  };
  process.on('SIGINT', onSigint);

  let result: ScanResult;
  const started = Date.now();
  try {
    out.progress(model ? `connecting to ${connector.displayName}, loading the column model` : `connecting to ${connector.displayName}`);
    await connectLoadingModel(
      connector.connect({ statementTimeoutSeconds: options.statementTimeout, concurrency: options.concurrency, applicationName: 'piiscout' }),
      model && loadColumnModel(out, model),
    );
    out.progress('reading the catalog (schemas, tables, columns)');
    let tracker: ProgressTracker | undefined;
    result = await runScan(connector, {
      sampleSize: options.sampleSize,
      concurrency: options.concurrency,
      includeViews: options.includeViews,
      maxValueLength: options.maxValueLength,
      seed: options.seed,
      filter,
      checkSelection: verifySelection,
      classifier,
      signal: abort.signal,
      // Beyond the server's statement timeout: a stalled connection must not hold a worker forever.
      tableTimeoutMs: 2 * options.statementTimeout * 1000,
      finished: checkpoint?.finished,
      onTableResult: (table) => {
        checkpoint?.onTableResult(table);
        if (out.verbose) for (const line of fieldLines(table)) out.debug(line);
      },
      requireReadOnlyRole: options.requireReadOnlyRole,
      onProgress: (event) => {
        if (event.type === 'introspected') {
          for (const warning of event.privilegeWarnings) out.warn(warning);
          out.info(`found ${event.schemas} schema(s), ${event.tables} table(s), ${event.columns} column(s)`);
          tracker = new ProgressTracker(out, event.tables);
        } else {
          if (event.status === 'skipped') out.warn(`skipped ${event.table}: ${event.message ?? 'unknown reason'}`);
          tracker?.update(event.done);
        }
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    checkpoint?.close();
    out.clearProgress();
    await connector.close().catch(() => undefined);
    await classifier.close?.();
  }

  const writeOptions = {
    scannedAt: new Date(started).toISOString(),
    toolVersion: VERSION,
    sampleSize: options.sampleSize,
    keyPrefix,
  };
  let merged: MergeSummary | undefined;
  let existingKeys: ExistingKeys | undefined;
  if (mergeInto) {
    const scope = scanScope(filter, options.includeViews);
    // Read the file again now: a review saved during the scan is merged too, never overwritten.
    // Each schema keeps the dataset key the file gives it (see dataset-file/match-datasets.ts).
    merged = mergeScanIntoFile(outputPath, (keys) => scanDatasets(result, { ...writeOptions, existingKeys: (existingKeys = keys) }), { scope });
    if (!merged) {
      // Not in the writer's layout (formatted by hand): merged through one Document of the whole file.
      const existing = loadForMerge(outputPath);
      existingKeys = existing.datasetKeys();
      merged = existing.mergeScan(buildDatasetFile(result, { ...writeOptions, existingKeys }), { scope });
      existing.save();
    }
  } else if (toStdout) writeDatasetYamlStdout(result, writeOptions);
  else {
    try {
      // Streamed one table at a time: the whole file never sits in memory (10,000 tables and more).
      writeDatasetYamlFile(outputPath, result, writeOptions);
    } catch (error) {
      throw new UserError(`Cannot write ${outputPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'check the folder exists and is writable, or choose another -o path',
      });
    }
  }

  checkpoint?.remove();

  const summary = summarize(result);
  const exitCode = summary.tablesSkipped > 0 ? ExitCode.partial : ExitCode.ok;
  if (options.json) {
    const json = jsonSummary(
      result,
      summary,
      connector.displayName,
      toStdout ? null : outputPath,
      exitCode,
      datasetKeys(result.database, result.database.schemas, keyPrefix, existingKeys),
    );
    process.stdout.write(JSON.stringify(merged ? { ...(json as object), merge: mergeCounts(merged) } : json, null, 2) + '\n');
  } else if (!options.quiet) {
    printSummary(out, result, summary, toStdout ? null : outputPath, options.verbose);
    if (merged) out.info(`${outputPath}: ${formatMergeSummary(merged)}.`);
  }
  return exitCode;
}

/** Loads the column model (lazily: only scans that use it pay for it) and wraps it with the rules, or alone. */
async function modelClassifier(out: Output, heuristicOptions: HeuristicClassifierOptions, alone: boolean): Promise<ColumnClassifier> {
  const { createCombinedClassifier, createModelOnlyClassifier } = await import('../../model/ml-classifiers.js');
  const model = await loadColumnModel(out);
  return alone ? createModelOnlyClassifier(model) : createCombinedClassifier(model, heuristicOptions);
}

async function createModel(): Promise<ColumnModel> {
  const { createColumnModel } = await import('../../model/model-classifier.js');
  return createColumnModel();
}

/**
 * Waits for the connection and the model, started together: the model's loading (TF.js, ~0.2 s of
 * CPU) runs while the server answers. A connection error wins over a model error.
 */
async function connectLoadingModel(connecting: Promise<void>, modelLoading: Promise<unknown> | undefined): Promise<void> {
  // Not awaited yet when connecting fails: it must not become an unhandled rejection.
  modelLoading?.catch(() => undefined);
  await connecting;
  await modelLoading;
}

async function loadColumnModel(out: Output, model?: ColumnModel): Promise<ColumnModel> {
  model ??= await createModel();
  try {
    const info = await model.load();
    out.debug(`column model ${info.name}@${info.version} on the ${info.backend} backend, loaded in ${info.loadMs} ms`);
  } catch (error) {
    throw new UserError(`Cannot load the column model: ${(error as Error).message}`, { hint: 'scan with --no-ml to use the rules only' });
  }
  return model;
}


function defaultOutputName(config: ConnectionConfig, demo: boolean): string {
  if (demo) return 'piiscout-demo.yml';
  return `piiscout-${connectionFileStem(config).replace(/[^A-Za-z0-9_.-]+/g, '_')}.yml`;
}

/** Checks the output can be written; returns true when an existing file is to be merged into. */
function checkOutputWritable(file: string, merge: boolean): boolean {
  if (!fs.existsSync(file)) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new UserError(`Output folder does not exist: ${dir}`, { hint: 'create it first or choose another -o path' });
    return false;
  }
  if (!merge) return false;
  // Streamed, a merge holds one table at a time; only the whole-Document merge (files in another layout) has a size limit.
  mergeLimitBytes(); // a limit that is no size is a usage error either way
  if (!mergesStreamed(file)) checkMergeSize(file);
  try {
    // The fast line reader: same errors as a whole Document, at a fraction of its cost.
    ReviewFile.readFields(file);
  } catch (error) {
    throw cannotMerge(error);
  }
  return true;
}

function cannotMerge(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  return new UserError(`${error.message}; cannot merge into it`, { hint: 'fix the file by hand (it was not changed), or pass --no-merge to overwrite it' });
}

function loadForMerge(file: string): ReviewFile {
  checkMergeSize(file);
  try {
    return ReviewFile.load(file);
  } catch (error) {
    throw cannotMerge(error);
  }
}

/** What this scan looked at: tables outside its filters (or views, without --include-views) keep their fields unmarked. */
function scanScope(filter: TableFilter, includeViews: boolean): MergeScope {
  return {
    coversTable: (schema, table, kind) =>
      filter.includeSchema(schema) && filter.includeTable(schema, table) && (includeViews || (kind !== 'view' && kind !== 'materialized_view')),
    coversColumn: (schema, table, column) => filter.includeColumn(schema, table, column),
  };
}

function mergeCounts(m: MergeSummary): Record<string, number> {
  return {
    newDatasets: m.newDatasets.length,
    newTables: m.newTables.length,
    newFields: m.newFields.length,
    removedTables: m.removedTables.length,
    removedFields: m.removedFields.length,
    reappearedFields: m.reappearedFields.length,
    changedProposals: m.changedProposals.length,
    proposalsBesideDecisions: m.proposalsBesideDecisions.length,
    decisionsKept: m.decisionsKept,
  };
}

function printSummary(out: Output, result: ScanResult, s: ScanSummary, outputPath: string | null, verbose: boolean): void {
  const lines: string[] = [];
  lines.push('');
  lines.push(
    `Scanned ${s.tablesScanned} of ${s.tables} table(s) in ${s.schemas} schema(s), ${s.columns} column(s), ` +
      `${s.queries} sampling quer${s.queries === 1 ? 'y' : 'ies'}, in ${formatDuration(s.timings.totalMs / 1000)}.`,
  );
  lines.push(`Personal data proposed in ${s.personalColumns} of ${s.columns} column(s):`);
  const examples = new Map<string, string[]>();
  for (const t of result.tables) {
    for (const [name, f] of t.fields) {
      for (const c of f.categories) {
        if (!isPersonalCategory(c)) continue;
        const list = examples.get(c) ?? [];
        list.push(`${t.table.schema}.${t.table.name}.${name}`);
        examples.set(c, list);
      }
    }
  }
  const personal = s.byCategory.filter(([c]) => isPersonalCategory(c));
  const width = Math.max(10, ...personal.map(([c]) => c.length));
  for (const [category, count] of personal) {
    const ex = examples.get(category) ?? [];
    const shown = verbose ? ex : ex.slice(0, 3);
    lines.push(`  ${category.padEnd(width)} ${String(count).padStart(4)}  ${shown.join(', ')}${ex.length > shown.length ? ', …' : ''}`);
  }
  const skipped = result.tables.filter((t) => t.status === 'skipped');
  if (skipped.length > 0) {
    lines.push(`Skipped ${skipped.length} table(s) (classified by name and type only):`);
    for (const t of skipped) lines.push(`  ${t.table.schema}.${t.table.name}: ${t.issue?.message}${t.issue?.hint ? ` (${t.issue.hint})` : ''}`);
  }
  lines.push(...notScannedLines(result));
  if (verbose) {
    const ms = (n: number): string => `${(n / 1000).toFixed(2)}s`;
    lines.push(`Timings: introspection ${ms(s.timings.introspectMs)}, sampling ${ms(s.timings.sampleMs)} (summed over workers), classification ${ms(s.timings.classifyMs)}.`);
  }
  if (outputPath) lines.push(`Wrote ${outputPath}: review the proposals (status: proposed) and their evidence there.`);
  for (const l of lines) out.info(l);
}

/** What the scan left out besides skipped tables: partly readable tables, views, schemas without tables. */
function notScannedLines(result: ScanResult): string[] {
  const lines: string[] = [];
  const partly = result.tables.filter((t) => t.table.partlyReadable);
  if (partly.length > 0) {
    lines.push(`Read ${partly.length} table(s) only in part:`);
    for (const t of partly) lines.push(`  ${t.table.schema}.${t.table.name}: ${t.table.partlyReadable}`);
  }
  const views = result.viewsNotScanned ?? 0;
  if (views > 0) {
    lines.push(`Did not scan ${views} view(s): reading a view runs its SQL and the functions it calls; pass --include-views to scan them.`);
  }
  const empty = result.schemasWithoutTables ?? [];
  if (empty.length > 0) {
    const unit = engineDescriptor(result.database.engine).capabilities.schemaIs;
    lines.push(`Left out ${empty.length} ${unit}(s) with no table to scan (no dataset written): ${empty.join(', ')}.`);
  }
  return lines;
}

function jsonSummary(
  result: ScanResult,
  s: ScanSummary,
  source: string,
  outputPath: string | null,
  exitCode: number,
  keys: ReadonlyMap<string, string>,
): unknown {
  return {
    version: VERSION,
    source,
    output: outputPath,
    exitCode,
    schemas: s.schemas,
    tables: s.tables,
    tablesScanned: s.tablesScanned,
    tablesSkipped: s.tablesSkipped,
    columns: s.columns,
    personalColumns: s.personalColumns,
    queries: s.queries,
    durationMs: Math.round(s.timings.totalMs),
    timingsMs: Object.fromEntries(Object.entries(s.timings).map(([k, v]) => [k.replace(/Ms$/, ''), Math.round(v)])),
    categories: Object.fromEntries(s.byCategory),
    warnings: result.database.privilegeWarnings ?? [],
    viewsNotScanned: result.viewsNotScanned ?? 0,
    schemasWithoutTables: result.schemasWithoutTables ?? [],
    partlyReadable: result.tables
      .filter((t) => t.table.partlyReadable)
      .map((t) => ({ schema: t.table.schema, table: t.table.name, message: t.table.partlyReadable })),
    skipped: result.tables
      .filter((t) => t.status === 'skipped')
      .map((t) => ({ schema: t.table.schema, table: t.table.name, kind: t.issue?.kind, message: t.issue?.message, hint: t.issue?.hint })),
    personalFields: result.tables.flatMap((t) =>
      [...t.fields]
        .filter(([, f]) => hasPersonalCategory(f.categories))
        .map(([name, f]) => ({
          dataset: keys.get(t.table.schema),
          schema: t.table.schema,
          table: t.table.name,
          field: name,
          categories: f.categories,
          confidence: Math.round(f.confidence * 100) / 100,
        })),
    ),
  };
}

/** What must not change between an interrupted scan and its --resume (the connection as printed: no password). */
/**
 * What a resumed scan must share with the interrupted one. The config counts by its content (as parsed:
 * comments and layout aside), so a resume after editing it is refused rather than mixing two classifiers.
 */
function checkpointSettings(
  connection: string,
  options: ScanCommandOptions,
  shard: Shard | undefined,
  loadedConfig: { config: unknown; file: string } | undefined,
): CheckpointSettings {
  return {
    connection,
    include: options.include,
    exclude: options.exclude,
    includeViews: options.includeViews,
    shard: shard ? formatShard(shard) : null,
    sampleSize: options.sampleSize,
    seed: options.seed,
    maxValueLength: options.maxValueLength,
    classifier: options.mlOnly ? 'ml-only' : options.ml === false ? 'rules' : 'rules+ml',
    config: loadedConfig?.file ?? null,
    configContent: loadedConfig ? hashText(JSON.stringify(loadedConfig.config)) : null,
    version: VERSION,
  };
}
