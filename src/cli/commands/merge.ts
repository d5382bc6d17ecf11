/** `piiscout merge a.yml b.yml ... -o all.yml`: joins the files of a sharded scan into one. */
import { ExitCode, UserError } from '../../core/errors.js';
import { mergeShardFiles } from '../../fides/dataset-file/merge-shards.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { Output } from '../output.js';

export interface MergeCommandOptions {
  output: string;
  json: boolean;
  quiet: boolean;
}

export async function mergeCommand(files: string[], options: MergeCommandOptions): Promise<number> {
  const out = new Output({ quiet: options.quiet || options.json, verbose: false });
  if (files.length < 1) throw new UserError('Nothing to merge: give the shard files', { exitCode: ExitCode.usage });
  const { yaml, summary } = mergeShardFiles(files);
  const toStdout = options.output === '-';
  if (toStdout && options.json) throw new UserError('--json and -o - both want stdout', { hint: 'write the YAML to a file with -o FILE', exitCode: ExitCode.usage });
  if (toStdout) process.stdout.write(yaml);
  else {
    try {
      writeFileAtomic(options.output, yaml);
    } catch (error) {
      throw new UserError(`Cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'check the folder exists and is writable, or choose another -o path',
      });
    }
  }
  if (options.json) process.stdout.write(JSON.stringify({ output: toStdout ? null : options.output, ...summary }, null, 2) + '\n');
  else
    out.info(
      `Merged ${summary.files} file(s) into ${toStdout ? 'stdout' : options.output}: ${summary.datasets} dataset(s), ${summary.tables} table(s), ` +
        `${summary.fields} field(s)${summary.overlappingFields > 0 ? `; ${summary.overlappingFields} field(s) were in several files, ${summary.decisionsKept} human decision(s) kept over proposals` : ''}.`,
    );
  return ExitCode.ok;
}
