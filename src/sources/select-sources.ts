/** Loads the config that `scan --source/--all` and `schedule` need, and picks sources by name. */
import path from 'node:path';
import { ExitCode, UserError } from '../core/errors.js';
import { closest, DEFAULT_CONFIG_FILE, loadConfig } from '../config/load-config.js';
import type { PiiscoutConfig, SourceConfig } from '../config/schema.js';

export interface LoadedSources {
  readonly config: PiiscoutConfig;
  /** Absolute path of the config file. */
  readonly configFile: string;
  readonly sources: SourceConfig[];
}

/** `names` empty = every source. Unknown names are usage errors, with a did-you-mean. */
export function loadSources(configOption: string | undefined, names: readonly string[]): LoadedSources {
  const loaded = loadConfig(configOption);
  if (!loaded) {
    throw new UserError(`No config file: ${DEFAULT_CONFIG_FILE} not found in ${process.cwd()}`, {
      hint: 'run piiscout init to write a starter file, or pass --config FILE',
      exitCode: ExitCode.usage,
    });
  }
  const all = loaded.config.sources;
  if (all.length === 0) {
    throw new UserError(`${loaded.file} has no sources`, { hint: 'add a sources: section (see piiscout init)', exitCode: ExitCode.usage });
  }
  const known = all.map((s) => s.name);
  const sources = names.length === 0 ? all : names.map((name) => all.find((s) => s.name === name) ?? unknownSource(name, known, loaded.file));
  return { config: loaded.config, configFile: path.resolve(loaded.file), sources: [...new Set(sources)] };
}

function unknownSource(name: string, known: readonly string[], file: string): never {
  const guess = closest(name, known);
  throw new UserError(`No source named '${name}' in ${file}${guess.length ? ` (did you mean '${guess[0]}'?)` : ''}`, {
    hint: `sources: ${known.join(', ')}`,
    exitCode: ExitCode.usage,
  });
}
