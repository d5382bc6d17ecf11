/**
 * A PostgreSQL session the server ends while the scan holds it between two statements (issue 18: a
 * session dropped for idle-in-transaction surfaced as an unhandled 'error' event, which ends the
 * process and loses the scan). The connector must make it a lost connection of the table being
 * read: the scan retries the table on a new session, and when every attempt fails, lists the table
 * with a one-line reason and keeps the others.
 *
 * The session is lost as in issue 18: the connector sets idle_in_transaction_session_timeout to the
 * statement timeout (1 s here), and this thread is blocked for longer right after a sampling
 * transaction began (what classifying on the main thread does on a busy machine), so the server
 * ends the session while the client sits idle in its transaction.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import { createHeuristicClassifier } from '../../src/classify/heuristic-classifier.js';
import { createTableFilter } from '../../src/scan/filters.js';
import { runScan, type ScanResult } from '../../src/scan/scan.js';
import { isEngineSelected } from '../helpers/engines.js';
import { createPostgresDatabase, workerScopedName } from '../helpers/servers.js';

const FIXTURE_SQL = `
CREATE TABLE public.people (id int PRIMARY KEY, email text);
INSERT INTO public.people SELECT g, 'person' || g || '@example.com' FROM generate_series(1, 20) g;
CREATE TABLE public.visits (id int PRIMARY KEY, person_id int REFERENCES public.people (id), note text);
INSERT INTO public.visits SELECT g, g, 'visit ' || g FROM generate_series(1, 20) g;
`;

const STATEMENT_TIMEOUT_SECONDS = 1;
/** Well past the 1 s idle timeout, with room for a loaded machine. */
const BLOCK_MS = 2500;

/** Blocks this thread (no timer, no I/O runs), as a long synchronous computation does. */
function blockThread(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const originalQuery = pg.Client.prototype.query as unknown as Query;

/** The next `times` sampling transactions (the sampler's BEGIN READ ONLY) sit idle past the timeout. */
function stallSamplingTransactions(times: number): void {
  let left = times;
  (pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
    const result = originalQuery.apply(this, args);
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (left > 0 && text === 'BEGIN READ ONLY') {
      left--;
      blockThread(BLOCK_MS);
    }
    return result;
  };
}

describe.skipIf(!isEngineSelected('postgres'))('a session the server ends while the scan holds it', () => {
  let url: string;

  beforeAll(async () => {
    url = await createPostgresDatabase(workerScopedName('pg_session_lost'), { sql: FIXTURE_SQL });
  });

  afterEach(() => {
    (pg.Client.prototype as unknown as { query: Query }).query = originalQuery;
  });

  async function scan(retries: number): Promise<ScanResult> {
    const connector = await createConnector(parseConnectionString(url));
    await connector.connect({ statementTimeoutSeconds: STATEMENT_TIMEOUT_SECONDS, concurrency: 1 });
    try {
      return await runScan(connector, {
        sampleSize: 50,
        concurrency: 1,
        includeViews: false,
        maxValueLength: 256,
        seed: 1,
        retries,
        filter: createTableFilter([], []),
        classifier: createHeuristicClassifier(),
      });
    } finally {
      await connector.close();
    }
  }

  it('is retried on a new session: every table scanned', async () => {
    stallSamplingTransactions(1);
    const result = await scan(2);
    expect(result.tables.map((t) => [t.table.name, t.status, t.issue])).toEqual([
      ['people', 'scanned', undefined],
      ['visits', 'scanned', undefined],
    ]);
  });

  it('when the retries are used up, lists the table with a one-line reason and keeps the other', async () => {
    stallSamplingTransactions(1);
    const result = await scan(0);
    const statuses = result.tables.map((t) => t.status).sort();
    expect(statuses).toEqual(['scanned', 'skipped']);
    const lost = result.tables.find((t) => t.status === 'skipped')!;
    expect(lost.issue).toMatchObject({
      kind: 'connection-lost',
      message: `PostgreSQL ended the session reading public.${lost.table.name}: idle in its transaction past the timeout of 1 s`,
    });
    expect(lost.issue?.hint).toMatch(/--statement-timeout/);
    // Its columns are still listed (classified from names); the other table was read.
    expect([...lost.fields.keys()].length).toBe(lost.table.columns.length);
    const read = result.tables.find((t) => t.status === 'scanned')!;
    expect(read.rowsSampled).toBe(20);
  });
});
