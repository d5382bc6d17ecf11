/**
 * `piiscout diff OLD.yml NEW.yml`: the drift report between two dataset files, the same one the
 * scheduled scans record. Exit 0 after printing, or 1 with `--fail-on` when the drift it names is
 * there (`personal`: a column became personal data or a new column is proposed as such; `any`:
 * any drift), so CI can gate on it. A file that cannot be read is also exit 1.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { ExitCode, UserError } from '../../core/errors.js';
import { documentToJs } from '../../util/yaml-input.js';
import { compareDatasetFiles, hasDrift, hasPersonalDrift } from '../../drift/drift.js';
import { driftJson, formatDrift } from '../../drift/format-drift.js';

export interface DiffOptions {
  readonly json: boolean;
  readonly failOn?: 'personal' | 'any';
}

export async function diffCommand(oldFile: string, newFile: string, options: DiffOptions): Promise<number> {
  const before = readDatasetFile(oldFile);
  const after = readDatasetFile(newFile);
  const drift = compareDatasetFiles(before, after);
  if (options.json) process.stdout.write(JSON.stringify(driftJson(drift), null, 2) + '\n');
  else process.stdout.write([`Drift from ${oldFile} to ${newFile}:`, ...formatDrift(drift, Infinity)].join('\n') + '\n');
  const fail = options.failOn === 'any' ? hasDrift(drift) : options.failOn === 'personal' ? hasPersonalDrift(drift) : false;
  return fail ? ExitCode.failed : ExitCode.ok;
}

function readDatasetFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((error as NodeJS.ErrnoException).code ?? (error as Error).message)}`);
  }
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw new UserError(`${file}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const parsed = documentToJs(doc, file, 'pass two dataset YAML files written by piiscout scan');
  if (parsed === null || typeof parsed !== 'object' || !Array.isArray((parsed as { dataset?: unknown }).dataset)) {
    throw new UserError(`${file} is not a dataset file (no dataset: list)`, { hint: 'pass two dataset YAML files written by piiscout scan' });
  }
  return parsed;
}
