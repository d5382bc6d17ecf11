/**
 * `piiscout diff OLD.yml NEW.yml`: the drift report between two dataset files, the same one the
 * scheduled scans record. Exit 0 after printing, or 1 with `--fail-on` when the drift it names is
 * there (`personal`: a column became personal data or a new column is proposed as such; `any`:
 * any drift), so CI can gate on it. A file that cannot be read is also exit 1.
 */
import { ExitCode, UserError } from '../../core/errors.js';
import { compareDatasetFiles, hasDrift, hasPersonalDrift } from '../../drift/drift.js';
import { driftJson, formatDrift } from '../../drift/format-drift.js';
import { readDatasetFile } from '../../fides/dataset-read.js';

export interface DiffOptions {
  readonly json: boolean;
  readonly failOn?: 'personal' | 'any';
}

export async function diffCommand(oldFile: string, newFile: string, options: DiffOptions): Promise<number> {
  // Both files are read without evidence (most of their size); field names depend on both (fides/field-names.ts).
  const drift = compareDatasetFiles(readDataset(oldFile), readDataset(newFile));
  if (options.json) process.stdout.write(JSON.stringify(driftJson(drift), null, 2) + '\n');
  else process.stdout.write([`Drift from ${oldFile} to ${newFile}:`, ...formatDrift(drift, Infinity)].join('\n') + '\n');
  const fail = options.failOn === 'any' ? hasDrift(drift) : options.failOn === 'personal' ? hasPersonalDrift(drift) : false;
  return fail ? ExitCode.failed : ExitCode.ok;
}

/** Read line by line and without evidence (see fides/dataset-read.ts): a file of a million fields takes seconds. */
function readDataset(file: string): unknown {
  const { value } = readDatasetFile(file);
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { dataset?: unknown }).dataset)) {
    throw new UserError(`${file} is not a dataset file (no dataset: list)`, { hint: 'pass two dataset YAML files written by piiscout scan' });
  }
  return value;
}
