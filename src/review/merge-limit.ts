/**
 * The largest file a scan is merged into. Merging holds the whole file as a YAML Document, which
 * takes about 100 times the file's size in memory: measured, a 10 MB file (500 tables of 30 columns
 * with evidence, or 340 tables of 100 columns without) merges in about 1 GB RSS, a 20 MB one in
 * 2.5 GB. Until the merge streams, larger files are refused before anything is scanned, with the
 * ways round it; `PIISCOUT_MERGE_MAX_MB` moves the limit.
 */
import fs from 'node:fs';
import { ExitCode, UserError } from '../core/errors.js';

export const MERGE_LIMIT_ENV = 'PIISCOUT_MERGE_MAX_MB';
export const DEFAULT_MERGE_LIMIT_MB = 10;
const MB = 1 << 20;

/** The limit in bytes, from the environment or the default. */
export function mergeLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MERGE_LIMIT_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_MERGE_LIMIT_MB * MB;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new UserError(`${MERGE_LIMIT_ENV}=${JSON.stringify(raw.slice(0, 40))} is not a size in MB`, {
      hint: `give a positive number, e.g. ${MERGE_LIMIT_ENV}=50 (default ${DEFAULT_MERGE_LIMIT_MB})`,
      exitCode: ExitCode.usage,
    });
  }
  return mb * MB;
}

/** Refuses, in one line with the ways round it, a file too large to merge a scan into. */
export function checkMergeSize(file: string, env: NodeJS.ProcessEnv = process.env): void {
  const limit = mergeLimitBytes(env);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return; // not there (or unreadable): reading it says so
  }
  if (size <= limit) return;
  throw new UserError(`${file} is ${formatMb(size)}, over the ${formatMb(limit)} a scan can be merged into (merging holds the whole file in memory); the file was not changed`, {
    hint: `scan into a new file (-o NEW.yml) or overwrite it with --no-merge, split the scan with --shard i/n into smaller files, or raise the limit with ${MERGE_LIMIT_ENV}=N if this machine has about N*100 MB of memory to spare`,
  });
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${Number(mb.toFixed(mb >= 0.1 ? 1 : 3))} MB`;
}
