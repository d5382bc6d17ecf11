/**
 * Commands around configured sources: `init` (starter config), `schedule` (scans on cron
 * expressions) and `diff` (drift between two dataset files). Modules load only when a command runs.
 */
import { Option, type Command } from 'commander';
import { describeRange, LIMITS } from '../core/limits.js';
import { collect, wholeNumber } from './option-parsers.js';

export function addSourceCommands(program: Command): void {
  program
    .command('init')
    .description('Write a commented starter piiscout.config.yml (sources, schedules, classification).')
    .argument('[file]', 'where to write it', 'piiscout.config.yml')
    .option('--force', 'replace an existing file', false)
    .addHelpText('after', '\nExit codes: 0 written, 1 the file exists (use --force) or cannot be written.')
    .action(async (file: string, options) => {
      const { initCommand } = await import('./commands/init.js');
      process.exitCode = await initCommand(file, options);
    });

  program
    .command('schedule')
    .description('Scan the configured sources on their cron schedules (long-running), or with --once those that are due.')
    .option('--once', 'run the sources that are due now, then exit (for cron, systemd timers, Kubernetes CronJobs)', false)
    .option('--source <name>', 'only this source (repeatable; default: every source with a schedule)', collect, [])
    .option('--config <file>', 'config file (default: ./piiscout.config.yml)')
    .option(
      '--stop-timeout <seconds>',
      `after SIGTERM/Ctrl-C, wait this long for scans in flight (${describeRange(LIMITS.stopTimeout)})`,
      wholeNumber('--stop-timeout', LIMITS.stopTimeout, ' of seconds'),
      60,
    )
    .option('--no-ml', 'classify with the rules only, whatever the sources say')
    .option('-v, --verbose', "show each scan's own output", false)
    .addHelpText(
      'after',
      `
Each run merges into the source's dataset file (review decisions kept) and appends a line with
counts, errors and drift to its history (<output>.history.jsonl). A failed run is logged and retried
1 min after it ended, then 2, 4, 8, ... min (at most one cron interval), or at its next time if that
comes first; two scans of one source never overlap (also across processes: <output>.lock).

Due (--once): never run, the last run started before the latest time the cron expression matched,
or the last run failed and its retry time has come.

Exit codes: 0 stopped cleanly / every due scan succeeded, 1 a scan failed (or scans were still
running at the stop timeout), 2 bad usage or config, 3 (--once) some tables were skipped.`,
    )
    .action(async (options) => {
      const { scheduleCommand } = await import('./commands/schedule.js');
      process.exitCode = await scheduleCommand(options);
    });

  program
    .command('diff')
    .description('Drift between two dataset files: new and removed tables and columns, changed proposals, columns that became personal data.')
    .argument('<old>', 'earlier dataset YAML')
    .argument('<new>', 'later dataset YAML')
    .option('--json', 'print the drift as JSON', false)
    .addOption(new Option('--fail-on <drift>', 'exit 1 when there is such drift (personal: a column became or a new column is personal data)').choices(['personal', 'any']))
    .addHelpText(
      'after',
      `
Examples:
  $ piiscout diff shop-last-week.yml shop.yml
  $ piiscout diff main.yml branch.yml --fail-on personal     CI: fail when new personal data shows up

Exit codes: 0 report printed, 1 --fail-on matched (or a file cannot be read), 2 bad usage.`,
    )
    .action(async (oldFile: string, newFile: string, options) => {
      const { diffCommand } = await import('./commands/diff.js');
      process.exitCode = await diffCommand(oldFile, newFile, options);
    });
}
