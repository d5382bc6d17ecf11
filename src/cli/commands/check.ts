/**
 * `piiscout check FILE...`: the CI gate. Passes when every field holds a human decision
 * (accepted, edited or ignored) and none is marked removed, or with --coverage N when at least
 * N% of all fields across the files do. Lists the fields that need review either way.
 */
import { ExitCode } from '../../core/errors.js';
import { needsReview, ReviewFile, type ReviewField } from '../../review/review-file.js';
import { escapeControl } from '../../util/printable.js';

export interface CheckCommandOptions {
  coverage?: number;
  json: boolean;
}

interface FileReport {
  file: string;
  total: number;
  reviewed: number;
  coverage: number;
  unreviewed: ReviewField[];
}

const percent = (reviewed: number, total: number): number => (total === 0 ? 100 : Math.floor((reviewed / total) * 1000) / 10);

export async function checkCommand(files: string[], options: CheckCommandOptions): Promise<number> {
  // Load every file first: a malformed one is an error (exit 1) before anything is reported.
  const reports: FileReport[] = files.map((file) => {
    // Read without a YAML Document: a file of a million fields takes seconds.
    const { fields } = ReviewFile.readFields(file);
    const unreviewed = fields.filter(needsReview);
    const reviewed = fields.length - unreviewed.length;
    return { file, total: fields.length, reviewed, coverage: percent(reviewed, fields.length), unreviewed };
  });
  const total = reports.reduce((n, r) => n + r.total, 0);
  const reviewed = reports.reduce((n, r) => n + r.reviewed, 0);
  const coverage = percent(reviewed, total);
  const ok = options.coverage === undefined ? reviewed === total : coverage >= options.coverage;
  const exitCode = ok ? ExitCode.ok : ExitCode.failed;

  if (options.json) {
    const out = {
      ok,
      exitCode,
      total,
      reviewed,
      coverage,
      requiredCoverage: options.coverage ?? 100,
      files: reports.map((r) => ({
        file: r.file,
        total: r.total,
        reviewed: r.reviewed,
        coverage: r.coverage,
        unreviewed: r.unreviewed.map((f) => ({
          ref: f.ref,
          ...f.address,
          schema: f.schema,
          status: f.status,
          categories: f.categories,
          ...(f.confidence !== undefined ? { confidence: f.confidence } : {}),
          new: f.isNew,
          removed: f.isRemoved,
        })),
      })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return exitCode;
  }

  const lines: string[] = [];
  // reduce, not Math.max(...array): a file may have a million fields.
  const width = Math.min(60, reports.reduce((w, r) => r.unreviewed.reduce((v, f) => Math.max(v, f.ref.length), w), 0));
  for (const r of reports) {
    lines.push(`${r.file}: ${r.reviewed} of ${r.total} field(s) reviewed (${r.coverage}%)${r.unreviewed.length ? `, ${r.unreviewed.length} need review:` : ''}`);
    for (const f of r.unreviewed) {
      const why = f.isRemoved ? 'removed (gone from the database; confirm with review --remove)' : f.isNew ? 'new' : f.status;
      lines.push(`  ${escapeControl(f.ref).padEnd(width)}  ${why.padEnd(8)}  ${f.categories.join(', ') || '-'}`);
    }
  }
  if (options.coverage !== undefined) {
    lines.push(ok ? `OK: ${coverage}% of fields reviewed (required ${options.coverage}%).` : `FAILED: ${coverage}% of fields reviewed, below the required ${options.coverage}%.`);
  } else {
    lines.push(ok ? `OK: all ${total} field(s) reviewed.` : `FAILED: ${total - reviewed} of ${total} field(s) need review (run piiscout review, or pass --coverage N).`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return exitCode;
}
