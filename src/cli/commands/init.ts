/** `piiscout init`: writes the commented starter config; never overwrites without --force. */
import fs from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError } from '../../core/errors.js';
import { DEFAULT_CONFIG_FILE } from '../../config/load-config.js';
import { STARTER_CONFIG } from '../../config/starter-config.js';

export interface InitOptions {
  readonly force: boolean;
}

export async function initCommand(file: string | undefined, options: InitOptions): Promise<number> {
  const target = file ?? DEFAULT_CONFIG_FILE;
  if (fs.existsSync(target) && !options.force) {
    throw new UserError(`${target} already exists; nothing was written`, { hint: 'pass --force to replace it', exitCode: ExitCode.failed });
  }
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new UserError(`Folder does not exist: ${dir}`, { hint: 'create it first' });
  fs.writeFileSync(target, STARTER_CONFIG);
  process.stderr.write(`Wrote ${target}: edit the sources, then run piiscout scan --source NAME or piiscout schedule.\n`);
  return ExitCode.ok;
}
