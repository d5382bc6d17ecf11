/**
 * A scan job's last step: the dataset YAML written, streamed to a new file or to stdout, or merged
 * into the existing file (review decisions kept), with what the merge changed.
 */
import { UserError } from '../core/errors.js';
import { buildDatasetFile, type ExistingKeys } from '../fides/dataset-writer.js';
import { scanDatasets, writeDatasetYamlFile, writeDatasetYamlStdout } from '../fides/dataset-stream.js';
import { mergeScanIntoFile } from '../fides/dataset-file/merge-stream.js';
import type { MergeScope, MergeSummary } from '../fides/dataset-file/merge-scan.js';
import { checkMergeSize } from '../review/merge-limit.js';
import { ReviewFile } from '../review/review-file.js';
import type { TableFilter } from '../scan/filters.js';
import type { ScanResult } from '../scan/scan.js';
import { cannotMerge, type ScanTarget } from './prepare.js';

export interface WriteOptions {
  readonly scannedAt: string;
  readonly toolVersion: string;
  readonly sampleSize: number;
  readonly keyPrefix?: string;
}

export interface Written {
  readonly merged?: MergeSummary;
  /** The dataset keys the merged file gave each schema (undefined: the writer's own). */
  readonly existingKeys?: ExistingKeys;
}

export interface MergeSettings {
  readonly includeViews: boolean;
  /** Record what the merge changed, table by table, for drift. */
  readonly trackChanges: boolean;
}

export function writeOutput(target: ScanTarget, result: ScanResult, writeOptions: WriteOptions, merge: MergeSettings): Written {
  const { outputPath } = target;
  if (target.mergeInto) {
    let existingKeys: ExistingKeys | undefined;
    const options = { scope: scanScope(target.filter, merge.includeViews), trackChanges: merge.trackChanges };
    // Read the file again now: a review saved during the scan is merged too, never overwritten.
    // Each schema keeps the dataset key the file gives it (see dataset-file/match-datasets.ts).
    let merged = mergeScanIntoFile(outputPath, (keys) => scanDatasets(result, { ...writeOptions, existingKeys: (existingKeys = keys) }), options);
    if (!merged) {
      // Not in the writer's layout (formatted by hand): merged through one Document of the whole file.
      const existing = loadForMerge(outputPath);
      existingKeys = existing.datasetKeys();
      merged = existing.mergeScan(buildDatasetFile(result, { ...writeOptions, existingKeys }), options);
      existing.save();
    }
    return { merged, existingKeys };
  }
  if (target.toStdout) writeDatasetYamlStdout(result, writeOptions);
  else {
    try {
      // Streamed one table at a time: the whole file never sits in memory (10,000 tables and more).
      writeDatasetYamlFile(outputPath, result, writeOptions);
    } catch (error) {
      throw new UserError(`Cannot write ${outputPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'check the folder exists and is writable, or choose another -o path',
      });
    }
  }
  return {};
}

function loadForMerge(file: string): ReviewFile {
  checkMergeSize(file);
  try {
    return ReviewFile.load(file);
  } catch (error) {
    throw cannotMerge(error);
  }
}

/** What this scan looked at: tables outside its filters (or views, without --include-views) keep their fields unmarked. */
function scanScope(filter: TableFilter, includeViews: boolean): MergeScope {
  return {
    coversTable: (schema, table, kind) =>
      filter.includeSchema(schema) && filter.includeTable(schema, table) && (includeViews || (kind !== 'view' && kind !== 'materialized_view')),
    coversColumn: (schema, table, column) => filter.includeColumn(schema, table, column),
  };
}
