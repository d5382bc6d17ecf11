/**
 * The scan command's side of checkpoints: where the file goes, when an old one is reused or
 * replaced, and the test-only hook that interrupts a scan after n tables.
 */
import fs from 'node:fs';
import { UserError } from '../core/errors.js';
import { CheckpointWriter, checkpointPathFor, loadCheckpoint, type CheckpointSettings } from '../scan/checkpoint.js';
import type { TableResult } from '../scan/scan.js';
import type { Output } from './output.js';

export interface ScanCheckpoint {
  readonly file: string;
  /** Tables finished by the interrupted run (empty when starting over). */
  readonly finished: ReadonlyMap<string, TableResult>;
  readonly onTableResult: (result: TableResult) => void;
  /** Flushes and closes; the file stays for --resume. */
  close(): void;
  /** The scan's output is written: the checkpoint is no longer needed. */
  remove(): void;
}

/**
 * Opens the checkpoint beside `outputPath`. With `resume`, an existing one is loaded (refused when
 * its settings differ); without, it is replaced. `afterTables` (tests only) calls `interrupt` once
 * this run has finished that many tables, as a Ctrl-C would.
 */
export function openScanCheckpoint(
  outputPath: string,
  settings: CheckpointSettings,
  options: { resume: boolean; out: Output; afterTables?: number; interrupt?: () => void },
): ScanCheckpoint {
  const file = checkpointPathFor(outputPath);
  let finished = new Map<string, TableResult>();
  let writer: CheckpointWriter;
  const loaded = options.resume ? loadCheckpoint(file, settings) : undefined;
  if (loaded) {
    finished = loaded.tables;
    options.out.info(`resuming: ${finished.size} table(s) already scanned (from ${file})`);
    if (loaded.unreadableLines > 0) options.out.warn(`${loaded.unreadableLines} unreadable line(s) in ${file} (an interrupted write): those tables are scanned again`);
    writer = CheckpointWriter.continue(file);
  } else {
    if (options.resume) options.out.info(`nothing to resume (no ${file}): scanning every table`);
    else if (fs.existsSync(file)) options.out.warn(`replacing the checkpoint of an interrupted scan (${file}); pass --resume to continue it instead`);
    try {
      writer = CheckpointWriter.start(file, settings);
    } catch (error) {
      throw new UserError(`Cannot write the checkpoint ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'the output folder must be writable',
      });
    }
  }
  let scanned = 0;
  return {
    file,
    finished,
    onTableResult: (result) => {
      writer.append(result);
      scanned++;
      if (options.afterTables !== undefined && scanned === options.afterTables) options.interrupt?.();
    },
    close: () => writer.close(),
    remove: () => writer.remove(),
  };
}

/** PIISCOUT_TEST_ABORT_AFTER_TABLES=n: test-only, interrupts a scan after n tables (like Ctrl-C). */
export function testAbortAfterTables(): number | undefined {
  const raw = process.env.PIISCOUT_TEST_ABORT_AFTER_TABLES;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
