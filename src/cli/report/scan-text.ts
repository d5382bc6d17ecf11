/** `piiscout scan`'s closing summary for people (stderr): counts, personal data by category, what was left out. */
import { engineDescriptor } from '../../../connectors/index.js';
import { formatMergeSummary } from '../../fides/dataset-file/merge-scan.js';
import { isPersonalCategory } from '../../fides/dataset-file/personal.js';
import type { ScanJobResult } from '../../scan-job/job.js';
import type { ScanResult, ScanSummary } from '../../scan/scan.js';
import { formatDuration, type Output } from '../output.js';

/** The summary, then what the merge changed (when the scan merged into an existing file). */
export function printJobSummary(out: Output, job: ScanJobResult, verbose: boolean): void {
  printSummary(out, job.result, job.summary, job.output, verbose);
  if (job.merge) out.info(`${job.output}: ${formatMergeSummary(job.merge)}.`);
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
        if (!isPersonalCategory(c)) continue;
        const list = examples.get(c) ?? [];
        list.push(`${t.table.schema}.${t.table.name}.${name}`);
        examples.set(c, list);
      }
    }
  }
  const personal = s.byCategory.filter(([c]) => isPersonalCategory(c));
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
  lines.push(...notScannedLines(result));
  if (verbose) {
    const ms = (n: number): string => `${(n / 1000).toFixed(2)}s`;
    lines.push(`Timings: introspection ${ms(s.timings.introspectMs)}, sampling ${ms(s.timings.sampleMs)} (summed over workers), classification ${ms(s.timings.classifyMs)}.`);
  }
  if (outputPath) lines.push(`Wrote ${outputPath}: review the proposals (status: proposed) and their evidence there.`);
  for (const l of lines) out.info(l);
}

/** What the scan left out besides skipped tables: partly readable tables, views, schemas without tables. */
function notScannedLines(result: ScanResult): string[] {
  const lines: string[] = [];
  const partly = result.tables.filter((t) => t.table.partlyReadable);
  if (partly.length > 0) {
    lines.push(`Read ${partly.length} table(s) only in part:`);
    for (const t of partly) lines.push(`  ${t.table.schema}.${t.table.name}: ${t.table.partlyReadable}`);
  }
  const views = result.viewsNotScanned ?? 0;
  if (views > 0) {
    lines.push(`Did not scan ${views} view(s): reading a view runs its SQL and the functions it calls; pass --include-views to scan them.`);
  }
  const empty = result.schemasWithoutTables ?? [];
  if (empty.length > 0) {
    const unit = engineDescriptor(result.database.engine).capabilities.schemaIs;
    lines.push(`Left out ${empty.length} ${unit}(s) with no table to scan (no dataset written): ${empty.join(', ')}.`);
  }
  return lines;
}
