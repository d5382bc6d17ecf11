/**
 * Prints the subject graph of a DEV-split unseen corpus (or of a database by connection string): for
 * each table whether it holds people, whose rows it holds and through which path, its domain, what
 * holds no people, and each reference. A development aid for classify/subject/ (never for test-split
 * corpora: they stay blind, see test/fixtures/unseen/README.md). Rules only (no column model).
 *
 *   npx tsx scripts/subject-graph.ts --corpus omop-cdm-clinical [--masked] [--table NAME]
 *   npx tsx scripts/subject-graph.ts --url sqlite:./file.db
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnector, parseConnectionString } from '../connectors/index.js';
import { createHeuristicClassifier } from '../src/classify/heuristic-classifier.js';
import type { TableGraphContext } from '../src/classify/subject/types.js';
import { tableId, type TableMetadata } from '../src/core/metadata.js';
import { createTableFilter } from '../src/scan/filters.js';
import { runScan } from '../src/scan/scan.js';
import { startMysql, startPostgres, stopAll } from './lib/db-servers.js';
import { generateRows, maskCorpus, maskedCorpusInput, readCorpus, realCorpusInput } from './lib/unseen-corpora.js';
import { loadMysql, loadPostgres, loadSqlite } from './lib/unseen/load.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, url: { type: 'string' }, masked: { type: 'boolean', default: false }, table: { type: 'string' } } });

async function urlFor(name: string, masked: boolean): Promise<{ url: string; env: NodeJS.ProcessEnv }> {
  const corpus = readCorpus(name);
  if (corpus.config.split !== 'dev' && !name.startsWith('_')) throw new Error(`${name} is a test-split corpus: it stays blind`);
  const rows = generateRows(corpus);
  const input = masked ? maskedCorpusInput(maskCorpus(corpus, rows)) : realCorpusInput(corpus, rows);
  if (input.engine === 'sqlite') {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'k1-graph-')), `${input.name}.sqlite`);
    loadSqlite(input, file);
    return { url: `sqlite:${file}`, env: {} };
  }
  if (input.engine === 'postgres') {
    const pg = await startPostgres();
    await loadPostgres(input, `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/postgres`);
    return { url: `postgres://${pg.user}@${pg.host}:${pg.port}/${input.database}`, env: { PGPASSWORD: pg.password } };
  }
  const my = await startMysql();
  await loadMysql(input, `mysql://${my.user}:${encodeURIComponent(my.password)}@${my.host}:${my.port}`);
  return { url: `mysql://${my.user}@${my.host}:${my.port}/${input.database}`, env: { MYSQL_PWD: my.password } };
}

function describe(table: TableMetadata, c: TableGraphContext): string {
  const lines = [`${tableId(table)}`];
  if (c.person) lines.push(`  PERSON (${c.person.subject}, ${c.person.score}): ${c.person.because}`);
  if (c.linked) lines.push(`  linked to ${c.linked.person} (${c.linked.subject}, ${c.linked.hops} hops, ${c.linked.strength}): ${c.linked.path}`);
  if (c.attributeOf) lines.push(`  attribute of ${c.attributeOf.person}: ${c.attributeOf.path}`);
  if (c.notPerson) lines.push(`  not a person (${c.notPerson.score}): ${c.notPerson.because}`);
  if (c.domain) lines.push(`  domain ${c.domain.key} (${c.domain.score}): ${c.domain.because}`);
  for (const r of c.references) lines.push(`  ${r.columns.join(',')} → ${r.targetName} [${r.origin} ${r.strength}, ${r.targetKind}${r.actor ? ', actor' : ''}]`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { url, env } = values.url ? { url: values.url, env: {} } : await urlFor(values.corpus ?? '_example', values.masked ?? false);
  const connector = await createConnector(parseConnectionString(url, { env: { ...process.env, ...env } }));
  await connector.connect({ statementTimeoutSeconds: 60, concurrency: 2, applicationName: 'piiscout' });
  const contexts: string[] = [];
  try {
    await runScan(connector, {
      sampleSize: 200,
      concurrency: 2,
      includeViews: false,
      maxValueLength: 512,
      seed: 42,
      filter: createTableFilter([], []),
      classifier: createHeuristicClassifier(),
      onGraphContext: (table, context) => {
        if (!values.table || table.name === values.table) contexts.push(describe(table, context));
      },
    });
  } finally {
    await connector.close();
  }
  process.stdout.write(`${contexts.sort().join('\n')}\n`);
}

main()
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
