/**
 * A configured source as scan-service settings (src/scan-job/), the same `piiscout scan` builds from
 * its arguments: where its files go (relative to the config file, so a daemon does not depend on its
 * working directory) and the scan options.
 */
import path from 'node:path';
import { resolveEnvReferences } from '../config/env-refs.js';
import type { SourceConfig } from '../config/schema.js';
import { defaultSourceOutput } from '../config/source-checks.js';
import { resolveConnectionLocation } from '../../connectors/index.js';
import type { ScanJobSettings } from '../scan-job/settings.js';

export interface SourcePaths {
  /** Absolute dataset YAML path. */
  readonly output: string;
  /** Absolute history path. */
  readonly history: string;
}

export function sourcePaths(source: SourceConfig, configFile: string): SourcePaths {
  const dir = path.dirname(path.resolve(configFile));
  const output = path.resolve(dir, source.output ?? defaultSourceOutput(source.name));
  return { output, history: source.history ? path.resolve(dir, source.history) : `${output}.history.jsonl` };
}

/**
 * The connection string with `${ENV}` resolved and a relative sqlite:/pglite: path made relative to
 * the config file. Holds secrets: never print it. Throws when a referenced variable is not set.
 */
export function sourceConnection(source: SourceConfig, configFile: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolveConnectionLocation(resolveEnvReferences(source.url, source.name, env), path.dirname(path.resolve(configFile)));
}

export interface SourceScanFlags {
  /** false with --no-ml on the command line: rules only, whatever the source says. */
  readonly ml: boolean;
}

/** `connection`: the resolved connection string (sourceConnection). */
export function sourceScanSettings(source: SourceConfig, configFile: string, connection: string, flags: SourceScanFlags): ScanJobSettings {
  return {
    connection,
    output: sourcePaths(source, configFile).output,
    sampleSize: source.sample_size,
    include: source.include,
    exclude: source.exclude,
    includeViews: source.include_views,
    concurrency: source.concurrency ?? 4,
    statementTimeout: source.statement_timeout ?? 30,
    passwordEnv: source.password_env,
    config: path.resolve(configFile),
    maxValueLength: 512,
    seed: 42,
    merge: true,
    resume: false,
    ml: flags.ml && source.ml,
    reportDrift: true,
  };
}
