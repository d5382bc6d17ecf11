/**
 * The command table. Each command's module is imported only when that command runs, so
 * `piiscout --help` stays fast and a command never pays for another's drivers.
 */
import { Option, type Command } from 'commander';
import { describeRange, groupThousands, LIMITS } from '../core/limits.js';
import { FIELD_STATUSES } from '../fides/dataset-file/status.js';
import { HOMEPAGE, README_FILE, VERSION } from '../version.js';
import { collect, fraction, percentage, wholeNumber } from './option-parsers.js';
import { PiiscoutCommand } from './piiscout-command.js';
import { addSourceCommands } from './source-commands.js';

/** `(0 to 10,000)` after an option's description: the bound its parser enforces. */
const range = (r: keyof typeof LIMITS): string => `(${describeRange(LIMITS[r])})`;

export function buildProgram(): Command {
  const program = new PiiscoutCommand('piiscout')
    .description('Find personal data in databases and write it down as Fides dataset YAML for review.')
    .version(VERSION, '-V, --version')
    .exitOverride() // set before subcommands are added, so they inherit it: bin.ts maps exit codes
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Quick start:
  $ piiscout scan --demo                           scan the built-in demo database
  $ piiscout scan postgres://me@db:5432/shop -o shop.yml
  $ piiscout review shop.yml --accept public.customers.email   review from the command line (or --serve)
  $ piiscout check shop.yml --coverage 90                       CI gate on review coverage

Exit codes: 0 success, 1 failed, 2 bad usage, 3 finished but some tables were skipped.
Docs: ${README_FILE} (the README of this version), or ${HOMEPAGE}`,
    );

  program
    .command('scan')
    .description('Scan a database read-only and write proposed Fides data categories to a dataset YAML file.')
    .argument(
      '[connection]',
      'postgres://user@host:5432/db | mysql://user@host:3306[/db] (no db: every database the user may read) | sqlite:./file.db | pglite:./dir | snowflake://user@account/DB?warehouse=WH&role=R&schema=S',
    )
    .option('--demo', 'scan the embedded demo database (created on first use, no set-up needed)')
    .option('-o, --output <file>', 'YAML file to write ("-" for stdout)', undefined)
    .option('--sample-size <rows>', `rows sampled per table, one query per table ${range('sampleSize')}`, wholeNumber('--sample-size', LIMITS.sampleSize), 200)
    .option('--include <pattern>', 'only scan matching schema, schema.table or schema.table.column (glob, repeatable)', collect, [])
    .option('--exclude <pattern>', 'skip matching schema, schema.table or schema.table.column (glob, repeatable)', collect, [])
    .option('--include-views', 'also scan views', false)
    .option('--concurrency <n>', `tables sampled in parallel ${range('concurrency')}`, wholeNumber('--concurrency', LIMITS.concurrency), 4)
    .option(
      '--statement-timeout <seconds>',
      `timeout for each SQL statement ${range('statementTimeout')}`,
      wholeNumber('--statement-timeout', LIMITS.statementTimeout, ' of seconds'),
      30,
    )
    .option('--password-env <NAME>', 'read the password from this environment variable (default: PGPASSWORD / MYSQL_PWD / SNOWFLAKE_PASSWORD)')
    .option('--private-key-file <file>', 'Snowflake key-pair login with this PEM private key (passphrase from SNOWFLAKE_PRIVATE_KEY_PASSPHRASE)')
    .option('--allow-warehouse-resume', 'Snowflake: run even if the warehouse is suspended (Snowflake resumes it and bills credits)', false)
    .option('--use-snowflake-classify', 'Snowflake: also run SYSTEM$CLASSIFY per table and use its verdicts as evidence', false)
    .option('--dry-run', 'introspect only: list the tables a scan would sample and how many queries it costs; writes nothing', false)
    .option('--require-read-only-role', 'refuse to sample when the login is a superuser or may write (PostgreSQL, MySQL/MariaDB; otherwise only a warning)')
    .option(
      '--shard <i/n>',
      `scan only shard i of n (1-based, n up to ${groupThousands(LIMITS.shards.max)}; tables split by a stable hash of schema.table); join the files with piiscout merge`,
    )
    .option('--resume', 'continue an interrupted scan from its checkpoint (<output>.checkpoint.jsonl) without sampling finished tables again', false)
    .option('--config <file>', 'config file with custom recognizers and settings (default: ./piiscout.config.yml when it exists)')
    .option('--source <name>', 'scan this source of the config file (repeatable); its settings replace the scan options', collect, [])
    .option('--all', 'scan every source of the config file, one after another', false)
    .addOption(
      new Option('--max-value-length <chars>', `longest sampled value kept in memory ${range('maxValueLength')}`)
        .argParser(wholeNumber('--max-value-length', LIMITS.maxValueLength))
        .default(512),
    )
    .addOption(new Option('--seed <n>', `seed for repeatable sampling ${range('seed')}`).argParser(wholeNumber('--seed', LIMITS.seed)).default(42))
    .option('--no-merge', 'overwrite the output file instead of merging into it (default: merge, keeping every review decision)')
    .option('--no-ml', 'classify with the rules only, without the column model')
    .addOption(new Option('--ml-only', 'classify with the column model alone (for evaluation)').default(false).hideHelp())
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
  $ piiscout scan --source shop          a source of piiscout.config.yml (or --all; see piiscout init)

Exit codes: 0 every table scanned, 3 finished but some tables were skipped (listed),
1 the scan failed (e.g. cannot connect), 2 bad usage.`,
    )
    .action(async (connection: string | undefined, options) => {
      if (options.source.length > 0 || options.all) {
        const { scanSourcesCommand } = await import('./commands/scan-sources.js');
        process.exitCode = await scanSourcesCommand(connection, options);
        return;
      }
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
    .option('--top <n>', `confusions listed ${range('evaluateTop')}`, wholeNumber('--top', LIMITS.evaluateTop), 10)
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

  program
    .command('review')
    .description('Review proposed categories: accept, set or ignore fields, list them, or open the review page (--serve).')
    .argument('<file>', 'dataset YAML written by piiscout scan')
    .option('--accept <ref>', 'confirm a field\'s categories; ref = schema.table.column (repeatable)', collect, [])
    .option('--set <ref=categories>', 'set a field\'s categories, e.g. public.users.mail=user.contact.email[,…] (repeatable)', collect, [])
    .option('--ignore <ref>', 'leave a field unclassified on purpose (repeatable)', collect, [])
    .option('--remove <ref>', 'confirm that a field marked removed (gone from the database) may be deleted (repeatable)', collect, [])
    .option('--accept-above <confidence>', 'accept every proposed field with confidence at or above this (0..1); prints a summary and needs --yes (or a "y" on a terminal)', fraction('--accept-above'))
    .option('-y, --yes', 'confirm --accept-above without asking', false)
    .option('--dry-run', 'check and show every change, write nothing', false)
    .option('--list', 'list fields (the default when no action is given)', false)
    .addOption(new Option('--status <status>', 'list only fields with this status or marker').choices([...FIELD_STATUSES, 'new', 'removed', 'unreviewed']))
    .option('--json', 'print changes and fields as JSON', false)
    .option('--config <file>', 'config file whose classification.categories extend the taxonomy (default: ./piiscout.config.yml when it exists)')
    .option('--serve', 'serve the review page on 127.0.0.1 (stop with Ctrl-C)', false)
    .option('--port <n>', `port for --serve ${range('port')}; default: a free one`, wholeNumber('--port', LIMITS.port))
    .option('--open', 'open the review page in the browser (with --serve)', false)
    .addHelpText(
      'after',
      `
Examples:
  $ piiscout review shop.yml --list --status proposed
  $ piiscout review shop.yml --accept public.customers.email --set public.customers.eml2=user.contact.email
  $ piiscout review shop.yml --accept-above 0.9 --dry-run     # what it would accept
  $ piiscout review shop.yml --accept-above 0.9 --yes
  $ piiscout review shop.yml --serve

Every reference and category is checked before anything changes; the file is saved once, atomically,
and not at all when it changed on disk meanwhile. --accept-above prints what it would accept (per
confidence band: high >= 0.9, medium >= 0.5, and per category) and writes only with --yes or a "y" on
a terminal; without a terminal and without --yes (CI) it changes nothing and exits 2.
Exit codes: 0 done, 1 error or answered no (nothing saved), 2 bad usage or --accept-above not confirmed.`,
    )
    .action(async (file: string, options) => {
      const { reviewCommand } = await import('./commands/review.js');
      process.exitCode = await reviewCommand(file, options);
    });

  program
    .command('merge')
    .description('Join the dataset files of a sharded scan (scan --shard i/n) into one; human decisions are always kept.')
    .argument('<files...>', 'dataset YAML files written by piiscout scan --shard')
    .requiredOption('-o, --output <file>', 'merged YAML file ("-" for stdout)')
    .option('--json', 'print a machine-readable summary on stdout', false)
    .option('-q, --quiet', 'no summary', false)
    .addHelpText(
      'after',
      `
Example (3 parallel jobs, then one merge):
  $ piiscout scan postgres://scanner@db/shop --shard 1/3 -o shard-1.yml   # and 2/3, 3/3
  $ piiscout merge shard-1.yml shard-2.yml shard-3.yml -o shop.yml

The same field in two files: a human decision wins over a proposal, else the later scan;
two different decisions stop the merge (nothing is written). Exit codes: 0 merged, 1 error, 2 bad usage.`,
    )
    .action(async (files: string[], options) => {
      const { mergeCommand } = await import('./commands/merge.js');
      process.exitCode = await mergeCommand(files, options);
    });

  program
    .command('check')
    .description('CI gate: fail when fields are unreviewed (or fewer than --coverage N percent are reviewed), listing them.')
    .argument('<files...>', 'dataset YAML files')
    .option('--coverage <percent>', 'pass when at least this share of fields (0..100, over all files) is reviewed', percentage('--coverage'))
    .option('--json', 'print the result as JSON', false)
    .addHelpText(
      'after',
      `
Reviewed = accepted, edited or ignored, and not marked removed.
Exit codes: 0 passed, 1 unreviewed fields (or a file cannot be read), 2 bad usage.`,
    )
    .action(async (files: string[], options) => {
      const { checkCommand } = await import('./commands/check.js');
      process.exitCode = await checkCommand(files, options);
    });

  program
    .command('export')
    .description('Export a data map of the dataset files: one row per field with personal data, as CSV, XLSX, JSON or an HTML report.')
    .argument('<files...>', 'dataset YAML files written by piiscout scan')
    .requiredOption('-o, --output <file>', 'output file; the extension picks the format ("-" for CSV/JSON on stdout)')
    .addOption(new Option('--format <format>', 'output format (default: from the -o extension)').choices(['csv', 'xlsx', 'json', 'html']))
    .option('--systems <file>', 'Fides system manifest (systems.yml): adds each dataset\'s systems, data uses and data subjects')
    .option('--all-fields', 'list every field, also those without personal data', false)
    .option('--config <file>', 'config file whose classification.categories name custom categories (default: ./piiscout.config.yml when it exists)')
    .option('--no-bom', 'CSV files without the UTF-8 byte order mark (written by default so Excel reads UTF-8)')
    .option('-q, --quiet', 'no summary line, only warnings and errors', false)
    .addHelpText(
      'after',
      `
Examples:
  $ piiscout export shop.yml -o datamap.xlsx
  $ piiscout export shop.yml crm.yml --systems systems.yml -o datamap.html
  $ piiscout export shop.yml --format csv -o - --all-fields > fields.csv

Exit codes: 0 written, 1 a file cannot be read or written, 2 bad usage.`,
    )
    .action(async (files: string[], options) => {
      const { exportCommand } = await import('./commands/export.js');
      process.exitCode = await exportCommand(files, options);
    });

  addSourceCommands(program);
  return program;
}
