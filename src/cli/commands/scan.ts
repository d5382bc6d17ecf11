/** `piiscout scan`: the arguments to the scan service (src/scan-job/), its messages and result to the terminal. */
import { executeScan, prepareScan, sayTo, type ScanJobEvents, type ScanJobResult, type ScanJobSettings } from '../../scan-job/job.js';
import { Output, ProgressTracker } from '../output.js';
import { scanJson } from '../report/scan-json.js';
import { printJobSummary } from '../report/scan-text.js';
import { interruptOnSigint } from '../interrupt.js';
import { testAbortAfterTables } from '../scan-checkpoint.js';
import { fieldLines } from '../scan-verbose.js';
import { runDryRun } from './scan-dry-run.js';

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
  /** Snowflake: key-pair login, warehouse resume, SYSTEM$CLASSIFY evidence. */
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
  const events = terminalEvents(out);
  const settings: ScanJobSettings = { ...options, connection, reportOnStdout: options.json };
  const target = await prepareScan(settings, sayTo(events));
  if (options.dryRun) return runDryRun(target.connector, target.connection, { ...options, filter: target.filter, checkSelection: target.checkSelection }, out);

  const ctrlC = interruptOnSigint(out);
  // Test-only: interrupts as a Ctrl-C would once this run has checkpointed that many tables.
  const abortAfter = target.toStdout ? undefined : testAbortAfterTables();
  let tablesDone = 0;
  const counting: ScanJobEvents = {
    ...events,
    tableResult: (table) => {
      if (++tablesDone === abortAfter) ctrlC.interrupt();
      events.tableResult?.(table);
    },
  };
  let job: ScanJobResult;
  try {
    job = await executeScan(target, { ...settings, signal: ctrlC.signal }, counting);
  } finally {
    ctrlC.dispose();
    out.clearProgress();
  }
  if (options.json) process.stdout.write(JSON.stringify(scanJson(job), null, 2) + '\n');
  else if (!options.quiet) printJobSummary(out, job, options.verbose);
  return job.exitCode;
}

/** The scan service's events as terminal output: messages, warnings, the progress line, `-v` field lines. */
export function terminalEvents(out: Output): ScanJobEvents {
  let tracker: ProgressTracker | undefined;
  return {
    message: (level, line) => {
      if (level === 'progress') out.progress(line);
      else if (level === 'warn') out.warn(line);
      else if (level === 'debug') out.debug(line);
      else out.info(line);
    },
    scanProgress: (event) => {
      if (event.type === 'introspected') {
        for (const warning of event.privilegeWarnings) out.warn(warning);
        out.info(`found ${event.schemas} schema(s), ${event.tables} table(s), ${event.columns} column(s)`);
        tracker = new ProgressTracker(out, event.tables);
      } else {
        if (event.status === 'skipped') out.warn(`skipped ${event.table}: ${event.message ?? 'unknown reason'}`);
        tracker?.update(event.done);
      }
    },
    tableResult: (table) => {
      if (out.verbose) for (const line of fieldLines(table)) out.debug(line);
    },
  };
}
