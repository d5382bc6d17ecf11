/**
 * JSON writer: the rows with structured values (systems, data uses and subjects as {key, name}),
 * the column list, the summary counts and the warnings, under snake_case names that match the CSV.
 */
import { VERSION } from '../version.js';
import { DATA_MAP_COLUMNS } from './columns.js';
import type { DataMap, DataMapRow } from './data-map.js';
import { summarize } from './summary.js';

export function toJson(map: DataMap, generatedAt: Date): string {
  const out = {
    generator: `piiscout ${VERSION}`,
    generated_at: generatedAt.toISOString(),
    files: map.files,
    systems_file: map.systemsFile,
    all_fields: map.allFields,
    columns: DATA_MAP_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    rows: map.rows.map(jsonRow),
    summary: summarize(map.rows),
    warnings: map.warnings,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function jsonRow(r: DataMapRow): Record<string, unknown> {
  return {
    dataset: r.dataset,
    table: r.table,
    field: r.field,
    data_category: r.category,
    data_category_name: r.categoryName,
    top_level_category: r.topLevelCategory,
    top_level_category_name: r.topLevelCategoryName,
    personal_data: r.personal,
    status: r.status,
    confidence: r.confidence,
    reviewer_decision: r.decision,
    reviewed_at: r.reviewedAt,
    scan_marker: r.marker,
    system: r.system,
    data_uses: r.dataUses,
    data_subjects: r.dataSubjects,
    data_subjects_proposed: r.dataSubjectsProposed,
    declared_by_system: r.declared,
    file: r.file,
  };
}
