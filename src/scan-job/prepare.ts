/**
 * A scan job's first step, before anything is sampled: usage checks, the config parsed (once), the
 * demo database set up, the connection parsed, the table filter and the output file checked, the
 * connector created (not yet connected). Fails here, on the user's mistakes, before connecting.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  connectionFileStem,
  createConnector,
  datasetKeyPrefixOf,
  onlySchemaOf,
  parseConnectionString,
  type ConnectionConfig,
} from '../../connectors/index.js';
import type { Connector } from '../core/connector.js';
import { ExitCode, UserError } from '../core/errors.js';
import type { DatabaseMetadata } from '../core/metadata.js';
import type { PiiscoutConfig } from '../config/schema.js';
import { mergesStreamed } from '../fides/dataset-file/merge-stream.js';
import { checkMergeSize, mergeLimitBytes } from '../review/merge-limit.js';
import { ReviewFile } from '../review/review-file.js';
import { createTableFilter, restrictToSchema, type TableFilter } from '../scan/filters.js';
import { checkSelection, type SelectionRules } from '../scan/selection.js';
import { parseShard, restrictToShard, type Shard } from '../scan/shard.js';
import { VERSION } from '../version.js';
import { snowflakeFlags } from './engine-flags.js';
import type { MessageLevel, ScanJobSettings } from './settings.js';

export interface LoadedConfig {
  readonly config: PiiscoutConfig;
  /** As given (or the default name): the checkpoint records it so. */
  readonly file: string;
}

/** Everything a scan job decided before connecting. */
export interface ScanTarget {
  readonly connection: ConnectionConfig;
  readonly connector: Connector;
  readonly filter: TableFilter;
  readonly shard?: Shard;
  readonly keyPrefix?: string;
  /** The dataset YAML path, `-` for stdout. */
  readonly outputPath: string;
  readonly toStdout: boolean;
  /** An existing, readable output file to merge into. */
  readonly mergeInto: boolean;
  readonly loadedConfig?: LoadedConfig;
  /** Checks the include/exclude patterns against what the catalog holds. */
  readonly checkSelection: (schemas: readonly string[], introspected: DatabaseMetadata) => Promise<void>;
}

export async function prepareScan(settings: ScanJobSettings, say: (level: MessageLevel, line: string) => void): Promise<ScanTarget> {
  if (settings.connection && settings.demo) {
    throw new UserError('Give either a connection string or --demo, not both', { exitCode: ExitCode.usage });
  }
  if (!settings.connection && !settings.demo) {
    throw new UserError('Nothing to scan: give a connection string or --demo', {
      hint: 'e.g. piiscout scan postgres://user@host:5432/db -o db.yml, or piiscout scan --demo',
      exitCode: ExitCode.usage,
    });
  }
  let filter = createTableFilter(settings.include, settings.exclude);
  const shard = settings.shard === undefined ? undefined : parseShard(settings.shard);
  if (shard) filter = restrictToShard(filter, shard);
  // Config problems are the user's to fix: fail before connecting. The only time this job reads it.
  const { loadConfig } = await import('../config/load-config.js');
  const loadedConfig = loadConfig(settings.config);

  let connection: ConnectionConfig;
  let keyPrefix: string | undefined;
  if (settings.demo) {
    const { ensureDemoDatabase } = await import('../demo/demo-database.js');
    const demo = await ensureDemoDatabase({ onProgress: (m: string) => say('info', m) });
    connection = { engine: 'pglite', dataDir: demo.dataDir };
    keyPrefix = 'demo';
  } else {
    connection = parseConnectionString(settings.connection!, { passwordEnv: settings.passwordEnv, snowflake: snowflakeFlags(undefined, settings) });
    keyPrefix = datasetKeyPrefixOf(connection);
  }

  const onlyDatabase = onlySchemaOf(connection);
  if (onlyDatabase) filter = restrictToSchema(filter, onlyDatabase);
  const selection: SelectionRules = {
    include: settings.include,
    exclude: settings.exclude,
    includeViews: settings.includeViews,
    inScope: onlyDatabase ? (schema) => schema === onlyDatabase : undefined,
  };

  const outputPath = settings.output ?? defaultOutputName(connection, Boolean(settings.demo));
  const toStdout = outputPath === '-';
  if (toStdout && settings.reportOnStdout) {
    throw new UserError('--json and -o - both want stdout', { hint: 'write the YAML to a file with -o FILE', exitCode: ExitCode.usage });
  }
  if (toStdout && settings.resume) {
    // The checkpoint lives beside the output file; a scan to stdout keeps none, so there is nothing to resume.
    throw new UserError('--resume needs an output file: a scan to stdout (-o -) keeps no checkpoint', {
      hint: 'scan with -o FILE to be able to resume, or drop --resume',
      exitCode: ExitCode.usage,
    });
  }
  // Fail before connecting when the file to merge into is broken; it is read again after the scan.
  const mergeInto = !toStdout && checkOutputWritable(outputPath, settings.merge);

  snowflakeFlags(connection.engine, settings);
  const connector = await createConnector(connection);
  say('info', `piiscout ${VERSION}: scanning ${connector.displayName}`);
  return {
    connection,
    connector,
    filter,
    shard,
    keyPrefix,
    outputPath,
    toStdout,
    mergeInto,
    loadedConfig,
    checkSelection: (schemas, introspected) => checkSelection(connector, selection, schemas, introspected),
  };
}

function defaultOutputName(config: ConnectionConfig, demo: boolean): string {
  if (demo) return 'piiscout-demo.yml';
  return `piiscout-${connectionFileStem(config).replace(/[^A-Za-z0-9_.-]+/g, '_')}.yml`;
}

/** Checks the output can be written; returns true when an existing file is to be merged into. */
function checkOutputWritable(file: string, merge: boolean): boolean {
  if (!fs.existsSync(file)) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new UserError(`Output folder does not exist: ${dir}`, { hint: 'create it first or choose another -o path' });
    return false;
  }
  if (!merge) return false;
  // Streamed, a merge holds one table at a time; only the whole-Document merge (files in another layout) has a size limit.
  mergeLimitBytes(); // a limit that is no size is a usage error either way
  if (!mergesStreamed(file)) checkMergeSize(file);
  try {
    // The fast line reader: same errors as a whole Document, at a fraction of its cost.
    ReviewFile.readFields(file);
  } catch (error) {
    throw cannotMerge(error);
  }
  return true;
}

export function cannotMerge(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  return new UserError(`${error.message}; cannot merge into it`, { hint: 'fix the file by hand (it was not changed), or pass --no-merge to overwrite it' });
}
