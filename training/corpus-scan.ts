/**
 * In-process scans of a loaded corpus for training/eval.ts: the CLI's defaults (sample size 200,
 * seed 42, value length 512, no views), any classifier (e.g. one that masks names), the dataset YAML
 * as text for `evaluate`. The corpus is introspected and sampled once; every further scan reuses the
 * samples from memory (never written anywhere), so nine variants cost one sampling pass.
 */
import { createConnector, onlySchemaOf, parseConnectionString } from '../connectors/index.js';
import type { ColumnClassifier } from '../src/classify/types.js';
import type { Connector } from '../src/core/connector.js';
import type { DatabaseMetadata } from '../src/core/metadata.js';
import { tableId } from '../src/core/metadata.js';
import { DEFAULT_MAX_VALUE_LENGTH, type TableSample } from '../src/core/sample.js';
import { datasetYamlChunks } from '../src/fides/dataset-stream.js';
import { createTableFilter, restrictToSchema } from '../src/scan/filters.js';
import { runScan } from '../src/scan/scan.js';
import { VERSION } from '../src/version.js';

const SAMPLE_SIZE = 200;
const SEED = 42;
const STATEMENT_TIMEOUT_SECONDS = 30;

export interface CorpusScanner {
  /** The dataset YAML a scan with `classifier` writes. */
  scan(classifier: ColumnClassifier): Promise<string>;
  close(): Promise<void>;
}

export async function openCorpusScanner(url: string, env: NodeJS.ProcessEnv): Promise<CorpusScanner> {
  const config = parseConnectionString(url, { env: { ...process.env, ...env } });
  const connector = await createConnector(config);
  await connector.connect({ statementTimeoutSeconds: STATEMENT_TIMEOUT_SECONDS, concurrency: 4, applicationName: 'piiscout-eval' });
  let filter = createTableFilter();
  // As the CLI does: a MySQL URL naming a database scans that database only.
  const onlySchema = onlySchemaOf(config);
  if (onlySchema) filter = restrictToSchema(filter, onlySchema);
  const cached = cachingConnector(connector);
  return {
    async scan(classifier) {
      const result = await runScan(cached, {
        sampleSize: SAMPLE_SIZE,
        concurrency: 4,
        includeViews: false,
        maxValueLength: DEFAULT_MAX_VALUE_LENGTH,
        seed: SEED,
        filter,
        classifier,
        tableTimeoutMs: 2 * STATEMENT_TIMEOUT_SECONDS * 1000,
      });
      return [...datasetYamlChunks(result, { scannedAt: new Date(0).toISOString(), toolVersion: VERSION, sampleSize: SAMPLE_SIZE })].join('');
    },
    close: () => connector.close(),
  };
}

/** The connector with introspection and samples remembered (same table and columns → same sample). */
function cachingConnector(inner: Connector): Connector {
  let introspected: Promise<DatabaseMetadata> | undefined;
  const samples = new Map<string, Promise<TableSample>>();
  return {
    engine: inner.engine,
    displayName: inner.displayName,
    connect: async () => undefined,
    introspect: (options) => (introspected ??= inner.introspect(options)),
    sample(table, options) {
      const key = `${tableId(table)}\u0000${options.columns.map((c) => c.name).join('\u0000')}`;
      let sample = samples.get(key);
      if (!sample) samples.set(key, (sample = inner.sample(table, options)));
      return sample;
    },
    close: async () => undefined,
  };
}
