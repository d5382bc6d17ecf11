/**
 * One measured run for `npm run bench`, in its own process so peak RSS is its own:
 *   node dist/scripts/bench-scan.js '{"url":…,"mode":"scan"|"schema-only"|"sample-only"|"floor-sql",…}'
 * (password in PGPASSWORD / MYSQL_PWD). `scan` runs the pipeline as `piiscout scan` does
 * (introspect → sample → classify on worker threads → streamed YAML writing); `schema-only` introspects and writes
 * with no sampling or classification (what `fides generate dataset` does); `sample-only` samples and
 * writes but classifies nothing (scan minus sample-only = what classification adds); `floor-sql` writes the
 * sampling statements the connector would issue to a file, for the plain command-line client.
 * Prints one JSON line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnector, onlySchemaOf, parseConnectionString } from '../connectors/index.js';
import { buildSampleSql, chooseSamplingPlan, skipReason } from '../connectors/postgres/postgres-sampler.js';
import { planMysqlSample } from '../connectors/mysql/mysql-sampler.js';
import type { ColumnClassifier } from '../src/classify/types.js';
import { createParallelClassifier, defaultClassifyWorkers } from '../src/classify/parallel-classifier.js';
import { writeDatasetYamlFile } from '../src/fides/dataset-stream.js';
import { createTableFilter } from '../src/scan/filters.js';
import { runScan } from '../src/scan/scan.js';

/**
 * Wall time during which at least one call was in progress. With several tables in flight the
 * calls overlap (and the column model batches concurrent calls), so summed durations would exceed
 * the wall time; this is the share of the wall time spent in the stage.
 */
class BusyClock {
  busyMs = 0;
  #active = 0;
  #since = 0;

  async time<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active++ === 0) this.#since = performance.now();
    try {
      return await work();
    } finally {
      if (--this.#active === 0) this.busyMs += performance.now() - this.#since;
    }
  }
}

interface Spec {
  readonly url: string;
  /** sample-only: the scan with a classifier that does nothing, so scan minus it is what classification adds. */
  readonly mode: 'scan' | 'schema-only' | 'sample-only' | 'floor-sql';
  readonly concurrency: number;
  readonly sampleSize: number;
  readonly ml: boolean;
  /** floor-sql: where to write the statements. */
  readonly sqlFile?: string;
}

const spec = JSON.parse(process.argv[2]) as Spec;
const config = parseConnectionString(spec.url);
const connector = await createConnector(config);
await connector.connect({ statementTimeoutSeconds: 120, concurrency: spec.concurrency, applicationName: 'piiscout-bench' });
const filter = createTableFilter();
const onlySchema = onlySchemaOf(config);
const schemaFilter = onlySchema ? (s: string) => s === onlySchema : () => true;

if (spec.mode === 'floor-sql') {
  const db = await connector.introspect({ includeViews: false, schemaFilter });
  const options = { rows: spec.sampleSize, maxValueLength: 512, seed: 42 };
  const lines: string[] = [];
  for (const table of db.tables.filter((t) => schemaFilter(t.schema))) {
    if (config.engine === 'mysql') lines.push(planMysqlSample(table, { ...options, columns: table.columns }).sql + ';');
    else {
      const selected = table.columns.filter((c) => !skipReason(c));
      lines.push(buildSampleSql(table, selected, chooseSamplingPlan(table, spec.sampleSize), options) + ';');
    }
  }
  fs.writeFileSync(spec.sqlFile!, lines.join('\n') + '\n');
  await connector.close();
  console.log(JSON.stringify({ statements: lines.length }));
} else {
  const sampling = new BusyClock();
  const classifying = new BusyClock();
  const sample = connector.sample.bind(connector);
  connector.sample = (table, options) => sampling.time(() => sample(table, options));
  const inner: ColumnClassifier & { close?(): Promise<void> } = spec.mode === 'scan' ? await chooseClassifier(spec.ml) : noClassifier();
  const classifier: ColumnClassifier = { id: inner.id, classify: (inputs) => classifying.time(() => inner.classify(inputs)) };
  const result = await runScan(connector, {
    sampleSize: spec.mode === 'schema-only' ? 0 : spec.sampleSize,
    concurrency: spec.concurrency,
    includeViews: false,
    maxValueLength: 512,
    seed: 42,
    filter: onlySchema ? { ...filter, includeSchema: schemaFilter, includeTable: (s) => schemaFilter(s) } : filter,
    classifier,
  });
  await connector.close();
  await inner.close?.();
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-bench-out-')), 'out.yml');
  const writeStart = performance.now();
  writeDatasetYamlFile(out, result, { scannedAt: new Date().toISOString(), toolVersion: 'bench', sampleSize: spec.sampleSize });
  const writeMs = performance.now() - writeStart;
  const bytes = fs.statSync(out).size;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  console.log(
    JSON.stringify({
      tables: result.tables.length,
      columns: result.tables.reduce((n, t) => n + t.columns.length, 0),
      queries: result.tables.reduce((n, t) => n + t.queries, 0),
      skipped: result.tables.filter((t) => t.status === 'skipped').length,
      ...result.timings,
      samplingBusyMs: sampling.busyMs,
      classifyBusyMs: classifying.busyMs,
      writeMs,
      wallMs: result.timings.totalMs + writeMs,
      yamlBytes: bytes,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      // User + system CPU of the whole process, worker threads included.
      cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    }),
  );
}

/** Schema-only: every field gets an empty proposal, as a schema dump has no categories. */
function noClassifier(): ColumnClassifier {
  return {
    id: 'none',
    classify: async (inputs) => inputs.map(() => ({ categories: [], confidence: 0, alternatives: [], factors: {}, evidence: [] })),
  };
}

/**
 * The classifier `piiscout scan` uses: rules plus the column model (rules alone with ml=false), the
 * rules on the worker-thread pool (so peak RSS includes the workers), the model in this thread.
 */
async function chooseClassifier(ml: boolean): Promise<ColumnClassifier & { close(): Promise<void> }> {
  const workers = defaultClassifyWorkers();
  if (!ml) return createParallelClassifier({ workers, ml: false });
  const { createColumnModel } = await import('../src/model/model-classifier.js');
  const model = createColumnModel();
  await model.load();
  return createParallelClassifier({ workers, ml: true, model });
}
