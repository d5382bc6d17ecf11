/**
 * XLSX writer (exceljs): a "Data map" sheet with one row per data map row (styled, frozen header
 * with an autofilter) and a "Summary" sheet with fields per category, per dataset and per status.
 * Every cell is written as a plain value, never as a formula.
 */
import ExcelJS from 'exceljs';
import { VERSION } from '../version.js';
import { DATA_MAP_COLUMNS } from './columns.js';
import type { DataMap } from './data-map.js';
import { summarize } from './summary.js';

export const DATA_MAP_SHEET = 'Data map';
export const SUMMARY_SHEET = 'Summary';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const SECTION_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12, color: { argb: 'FF1F3A5F' } };

export async function toXlsx(map: DataMap, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `piiscout ${VERSION}`;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  writeDataMapSheet(workbook, map);
  writeSummarySheet(workbook, map, generatedAt);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeDataMapSheet(workbook: ExcelJS.Workbook, map: DataMap): void {
  const sheet = workbook.addWorksheet(DATA_MAP_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DATA_MAP_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  for (const row of map.rows) sheet.addRow(Object.fromEntries(DATA_MAP_COLUMNS.map((c) => [c.key, c.value(row)])));
  sheet.getColumn('confidence').numFmt = '0.00';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DATA_MAP_COLUMNS.length } };
}

function writeSummarySheet(workbook: ExcelJS.Workbook, map: DataMap, generatedAt: Date): void {
  const s = summarize(map.rows);
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  sheet.columns = [{ width: 40 }, { width: 34 }, { width: 24 }, { width: 16 }, { width: 16 }];
  const title = sheet.addRow(['Data map summary']);
  title.font = { bold: true, size: 14 };
  sheet.addRow(['Generated', generatedAt.toISOString()]);
  sheet.addRow(['Dataset files', map.files.join(', ')]);
  sheet.addRow(['Systems manifest', map.systemsFile ?? '(none)']);

  section(sheet, 'Totals', ['What', 'Count'], [
    ['Fields with personal data', s.personalFields],
    ['Fields listed', s.fields],
    ['Datasets', s.datasets],
    ['Tables', s.tables],
    ['Fields reviewed by a person', s.reviewedFields],
  ]);
  section(sheet, 'Fields per data category', ['Data category', 'Key', 'Category group', 'Fields'], s.byCategory.map((c) => [c.name ?? c.category, c.category, c.topLevelCategory, c.fields]));
  section(sheet, 'Fields per dataset', ['Dataset', 'Tables', 'Fields listed', 'Fields with personal data', 'Reviewed'], s.byDataset.map((d) => [d.dataset, d.tables, d.fields, d.personalFields, d.reviewedFields]));
  section(sheet, 'Fields per status', ['Status', 'Fields'], s.byStatus.map((x) => [x.status, x.fields]));
  if (map.systemsFile) {
    section(sheet, 'Categories found but not declared by the system', ['System', 'Dataset', 'Data category', 'Fields'], s.undeclared.map((u) => [u.system, u.dataset, u.category, u.fields]));
  }
  if (map.warnings.length > 0) section(sheet, 'Warnings', ['Warning'], map.warnings.map((w) => [w]));
}

function section(sheet: ExcelJS.Worksheet, title: string, header: string[], rows: (string | number)[][]): void {
  sheet.addRow([]);
  sheet.addRow([title]).font = SECTION_FONT;
  styleHeader(sheet.addRow(header));
  for (const r of rows) sheet.addRow(r);
  if (rows.length === 0) sheet.addRow(['(none)']).font = { italic: true };
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.height = 30;
}
