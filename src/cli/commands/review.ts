/**
 * `piiscout review FILE`: accept, set or ignore fields' categories from the command line, list
 * fields, or serve the review page (--serve). Every reference is resolved and every category
 * checked before anything changes; the file is then saved once, atomically, and only if nobody
 * else saved it meanwhile. Only the collections the actions touch are parsed and written back
 * (src/review/command-review-file.ts).
 *
 * `--accept-above X` decides many fields no one has looked at, so it first prints what it would
 * accept (counts per confidence band and category) and changes the file only when confirmed:
 * `--yes`, or "y" at the prompt on a terminal. Without either (a CI job, a pipe) it changes nothing
 * and exits 2; `--dry-run` shows the summary and every change without writing.
 */
import readline from 'node:readline';
import { ExitCode, UserError } from '../../core/errors.js';
import { formatAcceptanceSummary, summarizeAcceptance, type AcceptanceSummary } from '../../review/confidence-bands.js';
import { FIELD_STATUSES } from '../../fides/dataset-file/status.js';
import { formatAddress, needsReview, ReviewFile, type FieldAddress, type FieldState, type ReviewField } from '../../review/review-file.js';
import { CommandReviewFile, type CommandReviewEditor } from '../../review/command-review-file.js';
import { loadReviewTaxonomy } from '../../review/taxonomy-config.js';
import { escapeControl } from '../../util/printable.js';

export const LIST_FILTERS = [...FIELD_STATUSES, 'new', 'removed', 'unreviewed'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface ReviewCommandOptions {
  accept: string[];
  set: string[];
  ignore: string[];
  remove: string[];
  acceptAbove?: number;
  /** Confirms a bulk accept (--accept-above) without asking. */
  yes?: boolean;
  /** Check and show every change, write nothing. */
  dryRun?: boolean;
  list: boolean;
  status?: ListFilter;
  json: boolean;
  config?: string;
  serve?: boolean;
  port?: number;
  open?: boolean;
}

type Action = 'accept' | 'set' | 'ignore' | 'remove';
interface Planned {
  readonly ref: string;
  readonly address: FieldAddress;
  readonly action: Action;
  readonly categories?: string[];
  /** Chosen by --accept-above rather than named on the command line. */
  readonly bulk?: boolean;
}

export async function reviewCommand(file: string, options: ReviewCommandOptions): Promise<number> {
  const taxonomy = loadReviewTaxonomy(options.config);
  if (options.serve) return serve(file, options, taxonomy);
  if (!hasActions(options)) return listOnly(file, options);

  // Spliced per collection: only the collections an action touches are parsed and written.
  const review: CommandReviewEditor = CommandReviewFile.load(file, { taxonomy, details: options.json });
  const plan = planActions(review, options);
  let acceptAbove: { threshold: number; summary: AcceptanceSummary } | undefined;
  if (options.acceptAbove !== undefined) {
    const byAddress = new Map(review.fields().map((f) => [formatAddress(f.address), f]));
    const bulk = plan.filter((p) => p.bulk).map((p) => byAddress.get(formatAddress(p.address))!);
    acceptAbove = { threshold: options.acceptAbove, summary: summarizeAcceptance(bulk, taxonomy) };
    const what = `--accept-above ${options.acceptAbove}`;
    if (!options.json) {
      process.stderr.write(
        bulk.length === 0 ? `${what}: no proposed field has a confidence of ${options.acceptAbove} or more.\n` : formatAcceptanceSummary(acceptAbove.summary, what),
      );
    }
  }
  // Applied in memory first, so an error in any action shows before anyone is asked to confirm.
  const changes = plan.map((p) => ({ ...p, previous: apply(review, p) }));
  if (acceptAbove && acceptAbove.summary.fields > 0 && !options.dryRun && !(await confirmBulkAccept(options, acceptAbove.summary.fields))) {
    process.stderr.write('Cancelled: nothing was changed.\n');
    return ExitCode.failed;
  }
  if (changes.length > 0 && !options.dryRun) review.save();

  const listing = options.list || changes.length === 0;
  const fields = listing ? review.fields().filter((f) => matches(f, options.status)) : [];
  if (options.json) {
    process.stdout.write(
      JSON.stringify(
        {
          file,
          ...(options.dryRun ? { dryRun: true } : {}),
          version: review.version,
          changed: changes.map((c) => ({
            field: review.refOf(c.address),
            action: c.action,
            previous: c.previous ?? null,
            ...(c.categories ? { categories: c.categories } : {}),
          })),
          ...(acceptAbove ? { acceptAbove } : {}),
          ...(listing ? { fields } : {}),
        },
        null,
        2,
      ) + '\n',
    );
    return ExitCode.ok;
  }
  const would = options.dryRun ? 'would be ' : '';
  for (const c of changes) {
    const what = c.action === 'set' ? `${would}set to ${c.categories!.join(', ')}` : would + { accept: 'accepted', ignore: 'ignored', remove: 'removed' }[c.action];
    process.stderr.write(`${escapeControl(review.refOf(c.address))}: ${what}\n`);
  }
  const count = `${changes.length} change${changes.length === 1 ? '' : 's'}`;
  if (changes.length > 0) process.stderr.write(options.dryRun ? `Dry run: ${count} checked, nothing written to ${file}.\n` : `Saved ${file} (${count}).\n`);
  if (listing) process.stdout.write(formatList(review.fields(), fields, options.status));
  return ExitCode.ok;
}

/**
 * --yes confirms; on a terminal the person is asked; anywhere else (CI, a pipe) nobody can be, so
 * the bulk accept is refused: accepting unread proposals by default would make `check` meaningless.
 */
async function confirmBulkAccept(options: ReviewCommandOptions, count: number): Promise<boolean> {
  if (options.yes) return true;
  if (!process.stdin.isTTY || options.json) {
    throw new UserError(`--accept-above would accept ${count} field${count === 1 ? '' : 's'} no one has looked at; add --yes to confirm (nothing was changed)`, {
      hint: options.json ? '--dry-run --json lists every field it would accept' : 'see the summary above; --dry-run lists every field it would accept',
      exitCode: ExitCode.usage,
    });
  }
  return askYesNo(`Accept these ${count} field${count === 1 ? '' : 's'}? [y/N] `);
}

function askYesNo(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    rl.on('close', () => {
      if (!answered) {
        process.stderr.write('\n');
        resolve(false);
      }
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}

function hasActions(options: ReviewCommandOptions): boolean {
  return options.accept.length + options.set.length + options.ignore.length + options.remove.length > 0 || options.acceptAbove !== undefined;
}

/** The listing alone reads the file without a YAML Document: a million fields take seconds. */
function listOnly(file: string, options: ReviewCommandOptions): number {
  const { fields: all, version } = ReviewFile.readFields(file, { details: options.json, version: options.json });
  const fields = all.filter((f) => matches(f, options.status));
  if (options.json) process.stdout.write(JSON.stringify({ file, version, changed: [], fields }, null, 2) + '\n');
  else process.stdout.write(formatList(all, fields, options.status));
  return ExitCode.ok;
}

/** Resolves every reference and checks every category first, so a typo changes nothing. */
function planActions(review: CommandReviewEditor, options: ReviewCommandOptions): Planned[] {
  const plan: Planned[] = [];
  for (const ref of options.accept) plan.push({ ref, address: review.find(ref), action: 'accept' });
  for (const spec of options.set) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) {
      throw new UserError(`--set ${spec}: expected REF=category[,category]`, { hint: 'e.g. --set public.users.email=user.contact.email', exitCode: ExitCode.usage });
    }
    const ref = spec.slice(0, eq);
    plan.push({ ref, address: review.find(ref), action: 'set', categories: review.checkCategories(spec.slice(eq + 1).split(',')) });
  }
  for (const ref of options.ignore) plan.push({ ref, address: review.find(ref), action: 'ignore' });
  for (const ref of options.remove) plan.push({ ref, address: review.find(ref), action: 'remove' });
  const seen = new Map<string, Planned>();
  const unique: Planned[] = [];
  for (const p of plan) {
    const key = formatAddress(p.address);
    const earlier = seen.get(key);
    if (earlier && (earlier.action !== p.action || p.action === 'set')) {
      throw new UserError(`${review.refOf(p.address)} is given two decisions (--${earlier.action} and --${p.action})`, { hint: 'give each field one decision', exitCode: ExitCode.usage });
    }
    if (earlier) continue;
    seen.set(key, p);
    unique.push(p);
  }
  if (options.acceptAbove !== undefined) {
    for (const f of review.fields()) {
      const key = formatAddress(f.address);
      if (seen.has(key) || f.status !== 'proposed' || f.isRemoved || f.categories.length === 0) continue;
      if ((f.confidence ?? 0) >= options.acceptAbove) unique.push({ ref: key, address: f.address, action: 'accept', bulk: true });
    }
  }
  return unique;
}

function apply(review: CommandReviewEditor, p: Planned): FieldState | undefined {
  switch (p.action) {
    case 'accept':
      return review.accept(p.address);
    case 'set':
      return review.set(p.address, p.categories!);
    case 'ignore':
      return review.ignore(p.address);
    case 'remove':
      review.remove(p.address);
      return undefined;
  }
}

function matches(f: ReviewField, filter: ListFilter | undefined): boolean {
  if (!filter) return true;
  if (filter === 'new') return f.isNew;
  if (filter === 'removed') return f.isRemoved;
  if (filter === 'unreviewed') return needsReview(f);
  return f.status === filter;
}

function formatList(all: readonly ReviewField[], shown: readonly ReviewField[], filter: ListFilter | undefined): string {
  const lines: string[] = [];
  const width = Math.min(60, shown.reduce((w, f) => Math.max(w, f.ref.length), 10));
  for (const f of shown) {
    const marks = [f.isNew ? 'new' : '', f.isRemoved ? 'removed' : ''].filter(Boolean).join(',');
    const confidence = f.status === 'proposed' && f.confidence !== undefined ? f.confidence.toFixed(2) : '    ';
    const proposal = f.machineProposal ? `  (scan proposes ${f.machineProposal.categories.join(', ')})` : '';
    lines.push(
      `${f.status.padEnd(8)} ${confidence}  ${escapeControl(f.ref).padEnd(width)}  ${f.categories.join(', ') || '-'}${marks ? `  [${marks}]` : ''}${proposal}`,
    );
  }
  const counts = new Map<string, number>();
  for (const f of all) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  const removed = all.filter((f) => f.isRemoved).length;
  const summary = FIELD_STATUSES.map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ');
  lines.push(
    `${shown.length}${filter ? ` ${filter}` : ''} of ${all.length} field(s) shown; ${summary}${removed ? `, ${removed} marked removed` : ''}.`,
  );
  return lines.join('\n') + '\n';
}

async function serve(file: string, options: ReviewCommandOptions, taxonomy: ReturnType<typeof loadReviewTaxonomy>): Promise<number> {
  if (
    options.accept.length ||
    options.set.length ||
    options.ignore.length ||
    options.remove.length ||
    options.acceptAbove !== undefined ||
    options.list ||
    options.dryRun
  ) {
    throw new UserError(
      '--serve cannot be combined with --accept, --set, --ignore, --remove, --accept-above, --dry-run or --list',
      { exitCode: ExitCode.usage },
    );
  }
  // The review page lives in its own module (src/review/server.ts), loaded only when asked for.
  const { serveReview } = await import('../../review/server.js');
  const server = await serveReview(file, { port: options.port, open: options.open, taxonomy });
  process.stderr.write(`Review page for ${file}: ${server.url}\nOnly this link (with its token) opens it. Press Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  return ExitCode.ok;
}
