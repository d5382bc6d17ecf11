/**
 * `piiscout schedule`: runs the configured sources on their cron expressions until SIGTERM/SIGINT
 * (then waits, bounded, for scans in flight and exits), or with `--once` runs the sources that are
 * due (see src/schedule/due.ts) and exits, for cron or a Kubernetes CronJob. Logs go to stderr,
 * one timestamped line per event.
 */
import { ExitCode, UserError } from '../../core/errors.js';
import type { SourceConfig } from '../../config/schema.js';
import { parseCron } from '../../config/source-checks.js';
import { driftSummaryLine } from '../../drift/format-drift.js';
import { checkDue } from '../../schedule/due.js';
import { describeDelay } from '../../schedule/retry.js';
import { systemClock } from '../../schedule/clock.js';
import { Scheduler, type SchedulerEvent } from '../../schedule/scheduler.js';
import { lastRun, type LastRunSummary } from '../../sources/history.js';
import type { SourceRunResult } from '../../sources/run-source.js';
import { sourcePaths } from '../../sources/source-settings.js';
import { loadSources } from '../../sources/select-sources.js';
import { escapeControl, printable } from '../../util/printable.js';
import { Output } from '../output.js';
import { printJobSummary } from '../report/scan-text.js';
import { runSourceInterruptibly, worstExitCode } from './scan-sources.js';

export interface ScheduleOptions {
  readonly once: boolean;
  readonly source: string[];
  readonly config?: string;
  readonly ml: boolean;
  /** Seconds to wait for scans in flight after SIGTERM/SIGINT. */
  readonly stopTimeout: number;
  readonly verbose: boolean;
}

const log = (line: string): void => void process.stderr.write(`${new Date().toISOString()} ${escapeControl(line)}\n`);

export async function scheduleCommand(options: ScheduleOptions): Promise<number> {
  const { sources: selected, configFile } = loadSources(options.config, options.source);
  const sources = selected.filter((s) => s.schedule !== undefined);
  for (const s of selected) if (s.schedule === undefined) log(`${s.name}: no schedule, not run (scan it with piiscout scan --source ${s.name})`);
  if (sources.length === 0) {
    throw new UserError('No source has a schedule', { hint: 'add schedule: "<cron expression>" to a source', exitCode: ExitCode.usage });
  }
  const runOne = async (source: SourceConfig): Promise<number> => {
    log(`${source.name}: scan started`);
    const scanOut = new Output({ quiet: !options.verbose, verbose: options.verbose });
    const result = await runSourceInterruptibly(source, configFile, options.ml, scanOut);
    if (result.status === 'ran' && result.job && !scanOut.quiet) printJobSummary(scanOut, result.job, options.verbose);
    logResult(result);
    return result.status === 'ran' ? result.entry.exit_code : ExitCode.ok;
  };
  return options.once ? runDueOnce(sources, configFile, runOne) : runForever(sources, runOne, options.stopTimeout);
}

async function runDueOnce(sources: readonly SourceConfig[], configFile: string, runOne: (s: SourceConfig) => Promise<number>): Promise<number> {
  let stopping = false;
  const onSignal = (signal: string): void => {
    stopping = true;
    log(`${signal}: finishing the scan in progress, starting no more`);
  };
  const onTerm = (): void => onSignal('SIGTERM');
  process.on('SIGTERM', onTerm);
  const codes: number[] = [];
  try {
    for (const source of sources) {
      if (stopping) break;
      const last = lastRun(sourcePaths(source, configFile).history, source.name);
      const due = checkDue(parseCron(source.schedule!, source.timezone), last, Date.now());
      if (!due.due) {
        if (due.retryAt === undefined) log(`${source.name}: not due (last run ${new Date(last!.started).toISOString()}, schedule ${source.schedule})`);
        else log(`${source.name}: not due: ${failureText(last!)}; retry after ${new Date(due.retryAt).toISOString()} (or at the next time of ${source.schedule})`);
        continue;
      }
      if (due.retry) log(`${source.name}: retrying: ${failureText(last!)}`);
      codes.push(await runOne(source));
    }
  } finally {
    process.off('SIGTERM', onTerm);
  }
  if (codes.length === 0) log('nothing due');
  return worstExitCode(codes);
}

async function runForever(sources: readonly SourceConfig[], runOne: (s: SourceConfig) => Promise<number>, stopTimeoutSeconds: number): Promise<number> {
  const byName = new Map(sources.map((s) => [s.name, s]));
  const scheduler = new Scheduler(
    sources.map((s) => ({ name: s.name, cron: parseCron(s.schedule!, s.timezone) })),
    {
      clock: systemClock,
      run: async (name) => {
        const code = await runOne(byName.get(name)!);
        // A failed scan (already logged) makes the scheduler retry it with a backoff.
        if (code !== ExitCode.ok && code !== ExitCode.partial) throw new Error(`scan exited ${code}`);
      },
      onEvent: logEvent,
    },
  );
  scheduler.start();
  log(`scheduling ${sources.length} source(s); stop with SIGTERM or Ctrl-C`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const forceExit = (): never => {
    log('second signal: exiting now');
    process.exit(ExitCode.failed);
  };
  process.once('SIGTERM', forceExit);
  process.once('SIGINT', forceExit);
  const running = scheduler.running;
  log(`${signal}: stopping${running.length ? `, waiting up to ${stopTimeoutSeconds}s for ${running.join(', ')}` : ''}`);
  const still = await scheduler.stop(stopTimeoutSeconds * 1000);
  if (still.length > 0) {
    log(`stopped with scans still running: ${still.join(', ')} (their output files are unchanged; they run again at their next time)`);
    return ExitCode.failed;
  }
  log('stopped');
  return ExitCode.ok;
}

/** `last run 2025-03-01T10:00:00.000Z failed (exit 1, 3 times in a row): Cannot reach ...` */
function failureText(last: LastRunSummary): string {
  const times = last.failuresInARow > 1 ? `, ${last.failuresInARow} times in a row` : '';
  return `last run ${new Date(last.started).toISOString()} failed (exit ${last.exitCode}${times})${last.error ? `: ${printable(last.error, 200)}` : ''}`;
}

function logEvent(e: SchedulerEvent): void {
  if (e.type === 'scheduled') log(`${e.job}: next scan at ${new Date(e.at).toISOString()}`);
  else if (e.type === 'overlap-skipped') log(`${e.job}: previous scan still running, skipping this time`);
  else if (e.type === 'failed') {
    const why = e.error instanceof Error ? e.error.message : String(e.error);
    const retry =
      e.retryAt === undefined
        ? 'retried at its next time'
        : `retry at ${new Date(e.retryAt).toISOString()} (in ${describeDelay(e.retryAt - e.at)}, ${e.failuresInARow} failure(s) in a row)`;
    log(`${e.job}: failed: ${why}; ${retry}`);
  }
}

function logResult(result: SourceRunResult): void {
  if (result.status === 'locked') {
    log(`${result.source}: skipped, its output is locked by ${result.heldBy}`);
    return;
  }
  const e = result.entry;
  const outcome = e.exit_code === ExitCode.ok ? 'done' : e.exit_code === ExitCode.partial ? 'done with skipped tables' : `failed (exit ${e.exit_code})`;
  const n = (count: number | null, what: string): string => `${count} ${what}${count === 1 ? '' : 's'}`;
  const counts = e.tables === null ? '' : `, ${n(e.tables, 'table')}, ${n(e.columns, 'column')}, ${e.personal_columns} personal`;
  log(`${e.source}: ${outcome} in ${(e.duration_ms / 1000).toFixed(1)}s${counts}${result.drift ? `, ${driftSummaryLine(result.drift)}` : ''}`);
  for (const error of e.errors) log(`${e.source}: ${error}`);
  for (const p of result.drift?.becamePersonal ?? []) log(`${e.source}: BECAME PERSONAL ${p.column}: ${p.old.join(', ') || '(none)'} → ${p.new.join(', ')}`);
}
