/**
 * CSV writer: RFC 4180 (comma-separated, CRLF line ends, fields with a comma, quote or line break
 * in double quotes, quotes doubled), UTF-8. A byte order mark makes Excel read the file as UTF-8
 * rather than the ANSI code page (which garbles names like `geburtsdatum_ü`); the CLI writes one to
 * files and none to stdout. Cells starting with = + - @ get a leading apostrophe so spreadsheet apps
 * do not run a database column name as a formula (CSV injection); the JSON export keeps names exact.
 */
import { DATA_MAP_COLUMNS } from './columns.js';
import type { DataMapRow } from './data-map.js';

export const UTF8_BOM = '\uFEFF';

export interface CsvOptions {
  readonly bom?: boolean;
}

export function toCsv(rows: readonly DataMapRow[], options: CsvOptions = {}): string {
  const lines = [DATA_MAP_COLUMNS.map((c) => csvField(c.key))];
  for (const row of rows) lines.push(DATA_MAP_COLUMNS.map((c) => csvField(c.value(row))));
  return (options.bom ? UTF8_BOM : '') + lines.map((l) => l.join(',') + '\r\n').join('');
}

export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
