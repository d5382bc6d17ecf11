/**
 * `piiscout scan --source NAME` / `--all`: scans configured sources one after another, each merged
 * into its own dataset file with a drift report and a history line. A failing source does not stop
 * the others. Exit code: the worst of the runs (1 failed, 3 tables skipped, 0 ok).
 */
import { ExitCode, UserError } from '../../core/errors.js';
import type { SourceConfig } from '../../config/schema.js';
import { formatDrift } from '../../drift/format-drift.js';
import { runSource, type SourceRunResult } from '../../sources/run-source.js';
import { loadSources } from '../../sources/select-sources.js';
import { interruptOnSigint } from '../interrupt.js';
import { Output } from '../output.js';
import { printJobSummary } from '../report/scan-text.js';
import { terminalEvents } from './scan.js';

export interface ScanSourcesOptions {
  readonly source: string[];
  readonly all: boolean;
  readonly demo?: boolean;
  readonly output?: string;
  readonly dryRun?: boolean;
  readonly shard?: string;
  readonly resume?: boolean;
  readonly config?: string;
  readonly ml: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

export async function scanSourcesCommand(connection: string | undefined, options: ScanSourcesOptions): Promise<number> {
  const clash = [
    connection !== undefined && 'a connection string',
    options.demo && '--demo',
    options.output !== undefined && '-o',
    options.dryRun && '--dry-run',
    options.shard !== undefined && '--shard',
    options.resume && '--resume',
    options.all && options.source.length > 0 && '--source',
  ].find(Boolean);
  if (clash) {
    throw new UserError(`${options.all ? '--all' : '--source'} takes its settings from the config file: drop ${clash}`, {
      hint: 'edit the source in piiscout.config.yml, or scan without --source/--all',
      exitCode: ExitCode.usage,
    });
  }
  const out = new Output({ quiet: options.quiet || options.json, verbose: options.verbose });
  const { sources, configFile } = loadSources(options.config, options.all ? [] : options.source);
  const results: SourceRunResult[] = [];
  for (const source of sources) {
    if (sources.length > 1) out.info(`\n== source ${source.name}`);
    // Each scan's own messages as `piiscout scan` shows them (quiet with --json or -q).
    const scanOut = new Output({ quiet: options.quiet || options.json, verbose: options.verbose });
    const result = await runSourceInterruptibly(source, configFile, options.ml, scanOut);
    results.push(result);
    if (result.status === 'ran' && result.job && !scanOut.quiet) printJobSummary(scanOut, result.job, options.verbose);
    if (result.status === 'locked') {
      out.warn(`source ${source.name}: not scanned, its output is locked by ${result.heldBy}`);
      continue;
    }
    const { entry, drift } = result;
    for (const error of entry.errors) out.warn(error.startsWith(`Source '${source.name}'`) ? error : `source ${source.name}: ${error}`);
    if (drift) for (const line of formatDrift(drift, 20)) out.info(line);
    else if (entry.exit_code === ExitCode.ok || entry.exit_code === ExitCode.partial) out.info('First scan of this source: drift is reported from the next one.');
    out.info(`History: ${result.historyFile}`);
  }
  if (options.json) {
    const json = results.map((r) => (r.status === 'ran' ? r.entry : { source: r.source, locked_by: r.heldBy }));
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  }
  const codes = results.map((r) => (r.status === 'ran' ? r.entry.exit_code : ExitCode.failed));
  return codes.length === 1 ? codes[0] : worstExitCode(codes);
}

/** One source's scan through the scan service, its messages on the terminal, Ctrl-C interrupting it. */
export async function runSourceInterruptibly(source: SourceConfig, configFile: string, ml: boolean, out: Output): Promise<SourceRunResult> {
  const ctrlC = interruptOnSigint(out);
  try {
    return await runSource(source, { configFile, ml, events: terminalEvents(out), signal: ctrlC.signal });
  } finally {
    ctrlC.dispose();
    out.clearProgress();
  }
}

/** Failure beats partial beats ok. */
export function worstExitCode(codes: readonly number[]): number {
  if (codes.some((c) => c !== ExitCode.ok && c !== ExitCode.partial)) return ExitCode.failed;
  return codes.includes(ExitCode.partial) ? ExitCode.partial : ExitCode.ok;
}
