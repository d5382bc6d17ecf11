/** `piiscout scan`: connect read-only, scan, write the dataset YAML, print a summary. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createConnector, describeConnection, parseConnectionString, type ConnectionConfig } from '../../../connectors/index.js';
import { ExitCode, UserError } from '../../core/errors.js';
import { createTableFilter, type TableFilter } from '../../scan/filters.js';
import { runScan, summarize, type ScanResult, type ScanSummary } from '../../scan/scan.js';
import { buildDatasetFile, datasetFileToYaml, datasetKeys } from '../../fides/dataset-writer.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { VERSION } from '../../version.js';
import { Output, ProgressTracker, formatDuration } from '../output.js';

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
  config?: string;
  maxValueLength: number;
  seed: number;
  merge: boolean;
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
    config = parseConnectionString(connection!, { passwordEnv: options.passwordEnv });
    if (config.engine === 'pglite' && config.dataDir) keyPrefix = path.basename(config.dataDir);
  }

  if (config.engine === 'mysql' && config.database) filter = restrictToSchema(filter, config.database);

  const outputPath = options.output ?? defaultOutputName(config, Boolean(options.demo));
  const toStdout = outputPath === '-';
  if (toStdout && options.json) {
    throw new UserError('--json and -o - both want stdout', { hint: 'write the YAML to a file with -o FILE', exitCode: ExitCode.usage });
  }
  if (!toStdout) checkOutputWritable(outputPath, options.merge);

  const connector = await createConnector(config);
  out.info(`piiscout ${VERSION}: scanning ${connector.displayName}`);
  const { createHeuristicClassifier } = await import('../../classify/heuristic-classifier.js');
  const { classifierOptionsFromConfig } = await import('../../config/custom-recognizers.js');
  const classifier = createHeuristicClassifier(loadedConfig ? classifierOptionsFromConfig(loadedConfig.config) : {});
  if (loadedConfig) out.debug(`using config ${loadedConfig.file}`);

  const abort = new AbortController();
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(130);
    out.warn('interrupted: finishing tables in flight, press Ctrl-C again to quit now');
    abort.abort(new UserError('Scan interrupted', { exitCode: 130 }));
  };
  process.on('SIGINT', onSigint);

  let result: ScanResult;
  const started = Date.now();
  try {
    await connector.connect({ statementTimeoutSeconds: options.statementTimeout, concurrency: options.concurrency, applicationName: 'piiscout' });
    let tracker: ProgressTracker | undefined;
    result = await runScan(connector, {
      sampleSize: options.sampleSize,
      concurrency: options.concurrency,
      includeViews: options.includeViews,
      maxValueLength: options.maxValueLength,
      seed: options.seed,
      filter,
      classifier,
      signal: abort.signal,
      onProgress: (event) => {
        if (event.type === 'introspected') {
          out.info(`found ${event.schemas} schema(s), ${event.tables} table(s), ${event.columns} column(s)`);
          tracker = new ProgressTracker(out, event.tables);
        } else {
          if (event.status === 'skipped') out.warn(`skipped ${event.table}: ${event.message ?? 'unknown reason'}`);
          else out.debug(`scanned ${event.table}`);
          tracker?.update(event.done);
        }
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    out.clearProgress();
    await connector.close().catch(() => undefined);
  }

  const file = buildDatasetFile(result, {
    scannedAt: new Date(started).toISOString(),
    toolVersion: VERSION,
    sampleSize: options.sampleSize,
    keyPrefix,
  });
  const yamlText = datasetFileToYaml(file);
  if (toStdout) process.stdout.write(yamlText);
  else {
    try {
      writeFileAtomic(outputPath, yamlText);
    } catch (error) {
      throw new UserError(`Cannot write ${outputPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'check the folder exists and is writable, or choose another -o path',
      });
    }
  }

  const summary = summarize(result);
  const exitCode = summary.tablesSkipped > 0 ? ExitCode.partial : ExitCode.ok;
  if (options.json) {
    process.stdout.write(JSON.stringify(jsonSummary(result, summary, connector.displayName, toStdout ? null : outputPath, exitCode, keyPrefix), null, 2) + '\n');
  } else if (!options.quiet) {
    printSummary(out, result, summary, toStdout ? null : outputPath, options.verbose);
  }
  return exitCode;
}

/** A MySQL URL that names a database scans that database; without one, every database the user may read. */
function restrictToSchema(filter: TableFilter, schema: string): TableFilter {
  return {
    isEmpty: false,
    includeSchema: (s) => s === schema && filter.includeSchema(s),
    includeTable: (s, t) => s === schema && filter.includeTable(s, t),
    includeColumn: (s, t, c) => filter.includeColumn(s, t, c),
  };
}

function defaultOutputName(config: ConnectionConfig, demo: boolean): string {
  if (demo) return 'piiscout-demo.yml';
  const name =
    config.engine === 'sqlite'
      ? path.basename(config.file).replace(/\.[^.]*$/, '')
      : config.engine === 'pglite'
        ? config.dataDir
          ? path.basename(config.dataDir)
          : 'pglite'
        : (config.database ?? config.engine);
  return `piiscout-${name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.yml`;
}

/** Refuses to replace a file that holds human decisions (merging them in is the review feature's job). */
function checkOutputWritable(file: string, merge: boolean): void {
  if (!fs.existsSync(file)) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new UserError(`Output folder does not exist: ${dir}`, { hint: 'create it first or choose another -o path' });
    return;
  }
  if (!merge) return;
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file} exists but is not valid YAML (${(error as Error).message.split('\n')[0]})`, {
      hint: 'fix or move it, or pass --no-merge to overwrite it',
    });
  }
  const decided = countHumanDecisions(doc);
  if (decided > 0) {
    throw new UserError(`${file} holds ${decided} reviewed field(s); refusing to overwrite them`, {
      hint: 'write to another file with -o, or pass --no-merge to overwrite',
    });
  }
}

function countHumanDecisions(doc: unknown): number {
  let n = 0;
  const datasets = (doc as { dataset?: unknown })?.dataset;
  if (!Array.isArray(datasets)) return 0;
  const visit = (fields: unknown): void => {
    if (!Array.isArray(fields)) return;
    for (const f of fields) {
      const status = f?.piiscout?.status;
      if ((status && status !== 'proposed') || (!f?.piiscout && Array.isArray(f?.data_categories) && f.data_categories.length > 0)) n++;
      visit(f?.fields);
    }
  };
  for (const d of datasets) for (const c of d?.collections ?? []) visit(c?.fields);
  return n;
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
        if (!c.startsWith('user')) continue;
        const list = examples.get(c) ?? [];
        list.push(`${t.table.name}.${name}`);
        examples.set(c, list);
      }
    }
  }
  const personal = s.byCategory.filter(([c]) => c.startsWith('user'));
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
  if (verbose) {
    const ms = (n: number): string => `${(n / 1000).toFixed(2)}s`;
    lines.push(`Timings: introspection ${ms(s.timings.introspectMs)}, sampling ${ms(s.timings.sampleMs)} (summed over workers), classification ${ms(s.timings.classifyMs)}.`);
  }
  if (outputPath) lines.push(`Wrote ${outputPath}: review the proposals (status: proposed) and their evidence there.`);
  for (const l of lines) out.info(l);
}

function jsonSummary(
  result: ScanResult,
  s: ScanSummary,
  source: string,
  outputPath: string | null,
  exitCode: number,
  keyPrefix: string | undefined,
): unknown {
  const keys = datasetKeys(result.database, result.database.schemas, keyPrefix);
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
    skipped: result.tables
      .filter((t) => t.status === 'skipped')
      .map((t) => ({ schema: t.table.schema, table: t.table.name, kind: t.issue?.kind, message: t.issue?.message, hint: t.issue?.hint })),
    personalFields: result.tables.flatMap((t) =>
      [...t.fields]
        .filter(([, f]) => f.categories.some((c) => c.startsWith('user')))
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
