/**
 * The command table. Each command's module is imported only when that command runs, so
 * `piiscout --help` stays fast and a command never pays for another's drivers.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';

function positiveInt(name: string, min = 1) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
    return n;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function buildProgram(): Command {
  const program = new Command('piiscout')
    .description('Find personal data in databases and write it down as Fides dataset YAML for review.')
    .version(VERSION, '-V, --version')
    .exitOverride() // set before subcommands are added, so they inherit it: bin.ts maps exit codes
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Quick start:
  $ piiscout scan --demo                           scan the built-in demo database
  $ piiscout scan postgres://me@db:5432/shop -o shop.yml

Exit codes: 0 success, 1 failed, 2 bad usage, 3 finished but some tables were skipped.
Docs: README.md`,
    );

  program
    .command('scan')
    .description('Scan a database read-only and write proposed Fides data categories to a dataset YAML file.')
    .argument(
      '[connection]',
      'postgres://user@host:5432/db | mysql://user@host:3306[/db] (no db: every database the user may read) | sqlite:./file.db | pglite:./dir',
    )
    .option('--demo', 'scan the embedded demo database (created on first use, no set-up needed)')
    .option('-o, --output <file>', 'YAML file to write ("-" for stdout)', undefined)
    .option('--sample-size <rows>', 'rows sampled per table (one query per table)', positiveInt('--sample-size', 0), 200)
    .option('--include <pattern>', 'only scan matching schema, schema.table or schema.table.column (glob, repeatable)', collect, [])
    .option('--exclude <pattern>', 'skip matching schema, schema.table or schema.table.column (glob, repeatable)', collect, [])
    .option('--include-views', 'also scan views', false)
    .option('--concurrency <n>', 'tables sampled in parallel', positiveInt('--concurrency'), 4)
    .option('--statement-timeout <seconds>', 'timeout for each SQL statement', positiveInt('--statement-timeout'), 30)
    .option('--password-env <NAME>', 'read the password from this environment variable (default: PGPASSWORD / MYSQL_PWD)')
    .option('--config <file>', 'config file with custom recognizers and settings (default: ./piiscout.config.yml when it exists)')
    .addOption(new Option('--max-value-length <chars>', 'longest sampled value kept in memory').argParser(positiveInt('--max-value-length', 16)).default(512))
    .addOption(new Option('--seed <n>', 'seed for repeatable sampling').argParser(positiveInt('--seed', 0)).default(42))
    .option('--no-merge', 'overwrite the output file instead of refusing to replace reviewed decisions')
    .option('--json', 'print a machine-readable summary on stdout', false)
    .option('-q, --quiet', 'no progress or summary, only warnings and errors', false)
    .option('-v, --verbose', 'more detail: every table, timings, categories per field', false)
    .addHelpText(
      'after',
      `
Passwords: prefer PGPASSWORD / MYSQL_PWD or --password-env NAME over putting them in the URL;
printed URLs are always redacted.

Examples:
  $ piiscout scan --demo -o demo.yml
  $ PGPASSWORD=... piiscout scan postgres://scanner@db.internal:5432/shop -o shop.yml
  $ piiscout scan mysql://scanner@127.0.0.1:3306 --include 'crm.*' --exclude '*.audit_*' -o crm.yml
  $ piiscout scan sqlite:./legacy.db --sample-size 500 --json > summary.json

Exit codes: 0 every table scanned, 3 finished but some tables were skipped (listed),
1 the scan failed (e.g. cannot connect), 2 bad usage.`,
    )
    .action(async (connection: string | undefined, options) => {
      const { scanCommand } = await import('./commands/scan.js');
      process.exitCode = await scanCommand(connection, options);
    });

  program
    .command('evaluate')
    .description('Score a scan file against labelled truth: precision, recall and F1 per category, false positives, confusions.')
    .argument('<scan>', 'dataset YAML written by piiscout scan')
    .requiredOption('--truth <file>', 'labels file (fields: schema.table.column → key | {any: [keys]} | user) or a labelled Fides dataset YAML')
    .addOption(new Option('--baseline <name>', "score a baseline's predictions for the scan's field names instead of the scan's").choices(['piicatcher']))
    .option('--schema <name>', 'schema for truth fields that name none (Fides datasets without a namespace)')
    .option('--top <n>', 'confusions listed', positiveInt('--top'), 10)
    .option('--json', 'print the report as JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  $ piiscout evaluate shop.yml --truth shop.labels.yml
  $ piiscout evaluate shop.yml --truth shop.labels.yml --baseline piicatcher
  $ piiscout evaluate cookies.yml --truth postgres_example_test_dataset.yml --schema public --json

Exit codes: 0 report printed, 1 a file cannot be read or is not a scan/truth file, 2 bad usage.`,
    )
    .action(async (scan: string, options) => {
      const { evaluateCommand } = await import('./commands/evaluate.js');
      process.exitCode = await evaluateCommand(scan, options);
    });

  return program;
}
