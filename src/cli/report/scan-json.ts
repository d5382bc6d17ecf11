/** `piiscout scan --json`: the scan's outcome as one JSON document on stdout. Names and counts, never a value. */
import { hasPersonalCategory } from '../../fides/dataset-file/personal.js';
import type { MergeSummary } from '../../fides/dataset-file/merge-scan.js';
import type { ScanJobResult } from '../../scan-job/job.js';
import { VERSION } from '../../version.js';

export function scanJson(job: ScanJobResult): unknown {
  const { result, summary: s } = job;
  const json = {
    version: VERSION,
    source: job.source,
    output: job.output,
    exitCode: job.exitCode,
    schemas: s.schemas,
    tables: s.tables,
    tablesScanned: s.tablesScanned,
    tablesSkipped: s.tablesSkipped,
    columns: s.columns,
    personalColumns: s.personalColumns,
    queries: s.queries,
    durationMs: Math.round(s.timings.totalMs),
    timingsMs: Object.fromEntries(Object.entries(s.timings).map(([k, v]) => [k.replace(/Ms$/, ''), Math.round(v)])),
    categories: Object.fromEntries(s.byCategory),
    warnings: result.database.privilegeWarnings ?? [],
    viewsNotScanned: result.viewsNotScanned ?? 0,
    schemasWithoutTables: result.schemasWithoutTables ?? [],
    partlyReadable: result.tables
      .filter((t) => t.table.partlyReadable)
      .map((t) => ({ schema: t.table.schema, table: t.table.name, message: t.table.partlyReadable })),
    skipped: job.skippedTables.map((t) => ({
      schema: t.table.schema,
      table: t.table.name,
      kind: t.issue?.kind,
      message: t.issue?.message,
      hint: t.issue?.hint,
    })),
    personalFields: result.tables.flatMap((t) =>
      [...t.fields]
        .filter(([, f]) => hasPersonalCategory(f.categories))
        .map(([name, f]) => ({
          dataset: job.datasetKeys.get(t.table.schema),
          schema: t.table.schema,
          table: t.table.name,
          field: name,
          categories: f.categories,
          confidence: Math.round(f.confidence * 100) / 100,
        })),
    ),
  };
  return job.merge ? { ...json, merge: mergeCounts(job.merge) } : json;
}

function mergeCounts(m: MergeSummary): Record<string, number> {
  return {
    newDatasets: m.newDatasets.length,
    newTables: m.newTables.length,
    newFields: m.newFields.length,
    removedTables: m.removedTables.length,
    removedFields: m.removedFields.length,
    reappearedFields: m.reappearedFields.length,
    changedProposals: m.changedProposals.length,
    proposalsBesideDecisions: m.proposalsBesideDecisions.length,
    decisionsKept: m.decisionsKept,
  };
}
