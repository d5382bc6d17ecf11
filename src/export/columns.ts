/**
 * The data map's columns, shared by the CSV, XLSX and HTML writers: a stable machine key (the CSV
 * header and JSON name), a human header (XLSX/HTML), and how to turn a row into a cell.
 */
import type { DataMapRow, NamedKey } from './data-map.js';

export interface DataMapColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number /* XLSX characters */;
  readonly value: (row: DataMapRow) => string | number;
}

const names = (list: readonly NamedKey[]): string => list.map((x) => x.name).join('; ');

export const DATA_MAP_COLUMNS: readonly DataMapColumn[] = [
  { key: 'dataset', header: 'Dataset', width: 22, value: (r) => r.dataset },
  { key: 'table', header: 'Table', width: 20, value: (r) => r.table },
  { key: 'field', header: 'Field', width: 20, value: (r) => r.field },
  { key: 'data_category', header: 'Data category (key)', width: 36, value: (r) => r.category ?? '' },
  { key: 'data_category_name', header: 'Data category', width: 28, value: (r) => r.categoryName ?? '' },
  { key: 'top_level_category', header: 'Category group (key)', width: 20, value: (r) => r.topLevelCategory ?? '' },
  { key: 'top_level_category_name', header: 'Category group', width: 24, value: (r) => r.topLevelCategoryName ?? '' },
  { key: 'status', header: 'Status', width: 11, value: (r) => r.status },
  { key: 'confidence', header: 'Confidence', width: 11, value: (r) => r.confidence ?? '' },
  { key: 'reviewer_decision', header: 'Reviewer decision', width: 22, value: (r) => r.decision },
  { key: 'reviewed_at', header: 'Reviewed at', width: 25, value: (r) => r.reviewedAt ?? '' },
  { key: 'scan_marker', header: 'Scan marker', width: 11, value: (r) => r.marker ?? '' },
  { key: 'system', header: 'System', width: 30, value: (r) => r.system?.name ?? '' },
  { key: 'system_key', header: 'System (fides_key)', width: 30, value: (r) => r.system?.key ?? '' },
  { key: 'data_uses', header: 'Data uses (purposes)', width: 34, value: (r) => names(r.dataUses) },
  { key: 'data_subjects', header: 'Data subjects', width: 18, value: (r) => names(r.dataSubjects) + (r.dataSubjectsProposed ? ' (proposed by piiscout)' : '') },
  { key: 'declared_by_system', header: 'Declared by the system', width: 14, value: (r) => (r.declared === null ? '' : r.declared ? 'yes' : 'no') },
];
