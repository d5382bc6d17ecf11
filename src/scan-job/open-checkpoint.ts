/**
 * The scan job's side of checkpoints: where the file goes, and when an old one is reused or replaced.
 */
import fs from 'node:fs';
import { UserError } from '../core/errors.js';
import { CheckpointWriter, checkpointPathFor, loadCheckpoint, type CheckpointSettings } from '../scan/checkpoint.js';
import type { TableResult } from '../scan/scan.js';
import type { MessageLevel } from './settings.js';

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
 * its settings differ); without, it is replaced.
 */
export function openScanCheckpoint(
  outputPath: string,
  settings: CheckpointSettings,
  options: { resume: boolean; say: (level: MessageLevel, line: string) => void },
): ScanCheckpoint {
  const file = checkpointPathFor(outputPath);
  let finished = new Map<string, TableResult>();
  let writer: CheckpointWriter;
  const loaded = options.resume ? loadCheckpoint(file, settings) : undefined;
  if (loaded) {
    finished = loaded.tables;
    options.say('info', `resuming: ${finished.size} table(s) already scanned (from ${file})`);
    if (loaded.unreadableLines > 0) {
      options.say('warn', `${loaded.unreadableLines} unreadable line(s) in ${file} (an interrupted write): those tables are scanned again`);
    }
    writer = CheckpointWriter.continue(file);
  } else {
    if (options.resume) options.say('info', `nothing to resume (no ${file}): scanning every table`);
    else if (fs.existsSync(file)) options.say('warn', `replacing the checkpoint of an interrupted scan (${file}); pass --resume to continue it instead`);
    try {
      writer = CheckpointWriter.start(file, settings);
    } catch (error) {
      throw new UserError(`Cannot write the checkpoint ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'the output folder must be writable',
      });
    }
  }
  return {
    file,
    finished,
    onTableResult: (result) => writer.append(result),
    close: () => writer.close(),
    remove: () => writer.remove(),
  };
}
