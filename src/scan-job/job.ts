/**
 * The scan service below the CLI: one scan from typed settings to the dataset file written, with
 * what it found, what the merge changed and how it ended. `piiscout scan` and scheduled sources both
 * run it. It prints nothing and never exits the process: messages and progress go to the caller's
 * event sink, user errors are thrown as UserError (exit code inside), an interrupted scan as one with
 * exit code 130 once the tables in flight are in the checkpoint.
 */
import { ExitCode, UserError } from '../core/errors.js';
import { driftOfMerge, type DriftReport } from '../drift/drift.js';
import { datasetKeys } from '../fides/dataset-writer.js';
import type { MergeSummary } from '../fides/dataset-file/merge-scan.js';
import { hashText } from '../util/content-hash.js';
import { VERSION } from '../version.js';
import type { CheckpointSettings } from '../scan/checkpoint.js';
import { runScan, summarize, type ScanResult, type ScanSummary, type TableResult } from '../scan/scan.js';
import { formatShard } from '../scan/shard.js';
import { composeClassifier, connectLoadingModel, loadColumnModel } from './classifier.js';
import { openScanCheckpoint } from './open-checkpoint.js';
import { prepareScan, type ScanTarget } from './prepare.js';
import type { MessageLevel, ScanJobEvents, ScanJobSettings } from './settings.js';
import { writeOutput } from './write-output.js';

export type { ScanJobEvents, ScanJobSettings } from './settings.js';
export { prepareScan, type ScanTarget } from './prepare.js';

export interface ScanJobResult {
  readonly result: ScanResult;
  readonly summary: ScanSummary;
  /** The source as shown to people (no password). */
  readonly source: string;
  /** The dataset file written or merged into; null when the YAML went to stdout. */
  readonly output: string | null;
  /** What merging into the existing file changed; undefined when the file was written anew. */
  readonly merge?: MergeSummary;
  /** The drift the merge made (with `reportDrift`); null when the file was written anew or drift was not asked for. */
  readonly drift: DriftReport | null;
  /** The dataset key each schema got in the file (the file's own keys when merged). */
  readonly datasetKeys: ReadonlyMap<string, string>;
  /** Tables that could not be sampled (classified by name and type only). */
  readonly skippedTables: readonly TableResult[];
  /** `partial`: finished, with skipped tables. */
  readonly status: 'ok' | 'partial';
  readonly exitCode: number;
}

/** Prepares and runs one scan. */
export async function runScanJob(settings: ScanJobSettings, events: ScanJobEvents = {}): Promise<ScanJobResult> {
  return executeScan(await prepareScan(settings, sayTo(events)), settings, events);
}

export function sayTo(events: ScanJobEvents): (level: MessageLevel, line: string) => void {
  return (level, line) => events.message?.(level, line);
}

/** Connects, samples, classifies, writes or merges; always closes the connection and the classifier. */
export async function executeScan(target: ScanTarget, settings: ScanJobSettings, events: ScanJobEvents = {}): Promise<ScanJobResult> {
  const say = sayTo(events);
  const { connector, loadedConfig } = target;
  if (loadedConfig) say('debug', `using config ${loadedConfig.file}`);
  // Rules (with or without the model) classify on all cores; the model alone stays in this thread.
  // The model (TF.js) loads while the connection is opened, below. Workers get the parsed config, not its path.
  const { classifier, model } = await composeClassifier(settings, loadedConfig?.config, say);

  const checkpoint = target.toStdout
    ? undefined
    : openScanCheckpoint(target.outputPath, checkpointSettings(connector.displayName, settings, target), { resume: Boolean(settings.resume), say });
  const abort = new AbortController();
  const interrupt = (): void => {
    abort.abort(
      new UserError('Scan interrupted', {
        exitCode: 130,
        hint: checkpoint ? 'finished tables are saved: run the same command with --resume to continue' : undefined,
      }),
    );
  };
  if (settings.signal?.aborted) interrupt();
  settings.signal?.addEventListener('abort', interrupt, { once: true });

  let result: ScanResult;
  const started = Date.now();
  try {
    say('progress', model ? `connecting to ${connector.displayName}, loading the column model` : `connecting to ${connector.displayName}`);
    await connectLoadingModel(
      connector.connect({ statementTimeoutSeconds: settings.statementTimeout, concurrency: settings.concurrency, applicationName: 'piiscout' }),
      model && loadColumnModel(say, model),
    );
    say('progress', 'reading the catalog (schemas, tables, columns)');
    result = await runScan(connector, {
      sampleSize: settings.sampleSize,
      concurrency: settings.concurrency,
      includeViews: settings.includeViews,
      maxValueLength: settings.maxValueLength,
      seed: settings.seed,
      filter: target.filter,
      checkSelection: target.checkSelection,
      classifier,
      signal: abort.signal,
      // Beyond the server's statement timeout: a stalled connection must not hold a worker forever.
      tableTimeoutMs: 2 * settings.statementTimeout * 1000,
      finished: checkpoint?.finished,
      onTableResult: (table) => {
        checkpoint?.onTableResult(table);
        events.tableResult?.(table);
      },
      requireReadOnlyRole: settings.requireReadOnlyRole,
      onProgress: (event) => events.scanProgress?.(event),
    });
  } finally {
    settings.signal?.removeEventListener('abort', interrupt);
    checkpoint?.close();
    await connector.close().catch(() => undefined);
    await classifier.close?.();
  }

  const writeOptions = { scannedAt: new Date(started).toISOString(), toolVersion: VERSION, sampleSize: settings.sampleSize, keyPrefix: target.keyPrefix };
  const written = writeOutput(target, result, writeOptions, { includeViews: settings.includeViews, trackChanges: Boolean(settings.reportDrift) });
  checkpoint?.remove();

  const summary = summarize(result);
  const status = summary.tablesSkipped > 0 ? 'partial' : 'ok';
  return {
    result,
    summary,
    source: connector.displayName,
    output: target.toStdout ? null : target.outputPath,
    merge: written.merged,
    drift: written.merged?.changes ? driftOfMerge(written.merged.changes) : null,
    datasetKeys: datasetKeys(result.database, result.database.schemas, target.keyPrefix, written.existingKeys),
    skippedTables: result.tables.filter((t) => t.status === 'skipped'),
    status,
    exitCode: status === 'partial' ? ExitCode.partial : ExitCode.ok,
  };
}

/**
 * What a resumed scan must share with the interrupted one (the connection as printed: no password).
 * The config counts by its content (as parsed: comments and layout aside), so a resume after editing
 * it is refused rather than mixing two classifiers.
 */
function checkpointSettings(connection: string, settings: ScanJobSettings, target: ScanTarget): CheckpointSettings {
  const { loadedConfig, shard } = target;
  return {
    connection,
    include: [...settings.include],
    exclude: [...settings.exclude],
    includeViews: settings.includeViews,
    shard: shard ? formatShard(shard) : null,
    sampleSize: settings.sampleSize,
    seed: settings.seed,
    maxValueLength: settings.maxValueLength,
    classifier: settings.mlOnly ? 'ml-only' : settings.ml === false ? 'rules' : 'rules+ml',
    config: loadedConfig?.file ?? null,
    configContent: loadedConfig ? hashText(JSON.stringify(loadedConfig.config)) : null,
    version: VERSION,
  };
}
