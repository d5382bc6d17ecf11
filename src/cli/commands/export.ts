/**
 * `piiscout export FILES... -o OUT [--format csv|xlsx|json|html] [--systems systems.yml] [--all-fields]`:
 * writes the data map of one or more dataset files. The format comes from --format or the output's
 * extension; `-o -` writes CSV or JSON to stdout. Warnings go to stderr and do not fail the export.
 */
import path from 'node:path';
import { ExitCode, UserError } from '../../core/errors.js';
import { toCsv } from '../../export/csv.js';
import { buildDataMap } from '../../export/data-map.js';
import { toHtml } from '../../export/html.js';
import { toJson } from '../../export/json.js';
import { summarize } from '../../export/summary.js';
import { loadSystemsManifest } from '../../export/systems.js';
import { ReviewFile } from '../../review/review-file.js';
import { loadReviewTaxonomy } from '../../review/taxonomy-config.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { Output } from '../output.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCommandOptions {
  output: string;
  format?: ExportFormat;
  systems?: string;
  allFields: boolean;
  config?: string;
  /** False with --no-bom: CSV files without the UTF-8 byte order mark. */
  bom: boolean;
  quiet: boolean;
}

const EXTENSIONS: Record<string, ExportFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json', '.html': 'html', '.htm': 'html' };

export function exportFormat(output: string, format: ExportFormat | undefined): ExportFormat {
  if (output === '-') {
    if (format === 'csv' || format === 'json') return format;
    throw new UserError(format ? `--format ${format} cannot be written to stdout` : '-o - needs --format csv or --format json', {
      hint: 'write XLSX and HTML to a file: -o datamap.xlsx / -o datamap.html',
      exitCode: ExitCode.usage,
    });
  }
  if (format) return format;
  const inferred = EXTENSIONS[path.extname(output).toLowerCase()];
  if (!inferred) {
    throw new UserError(`Cannot tell the format from ${output}`, { hint: 'give --format csv|xlsx|json|html, or an output ending in .csv, .xlsx, .json or .html', exitCode: ExitCode.usage });
  }
  return inferred;
}

export async function exportCommand(files: string[], options: ExportCommandOptions): Promise<number> {
  const format = exportFormat(options.output, options.format);
  const out = new Output({ quiet: options.quiet, verbose: false });
  const taxonomy = loadReviewTaxonomy(options.config);
  // Read without a YAML Document: a file of a million fields takes seconds.
  const inputs = files.map((file) => ({ file, fields: ReviewFile.readFields(file).fields }));
  const systems = options.systems ? loadSystemsManifest(options.systems) : undefined;
  const map = buildDataMap(inputs, { taxonomy, systems, allFields: options.allFields });
  for (const w of map.warnings) out.warn(w);

  const now = new Date();
  const content =
    format === 'csv' ? toCsv(map.rows, { bom: options.bom && options.output !== '-' })
    : format === 'json' ? toJson(map, now)
    : format === 'html' ? toHtml(map, now)
    : await (await import('../../export/xlsx.js')).toXlsx(map, now); // exceljs is large: loaded only for XLSX
  if (options.output === '-') {
    process.stdout.write(content);
  } else {
    try {
      writeFileAtomic(options.output, content);
    } catch (error) {
      throw new UserError(`Cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { hint: 'check that the folder exists and is writable' });
    }
  }
  const s = summarize(map.rows);
  out.info(
    `${options.output === '-' ? 'Exported' : `Wrote ${options.output}`} (${format}): ${map.rows.length} row(s), ` +
      `${s.personalFields} field(s) with personal data in ${s.datasets} dataset(s)${options.allFields ? `, ${s.fields} field(s) in all` : ''}.`,
  );
  return ExitCode.ok;
}
