/**
 * The Snowflake connector against a real account. Runs only when SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER,
 * SNOWFLAKE_DATABASE and one credential (SNOWFLAKE_PASSWORD, SNOWFLAKE_PRIVATE_KEY_FILE or
 * SNOWFLAKE_OAUTH_TOKEN) are set; SNOWFLAKE_WAREHOUSE, SNOWFLAKE_ROLE and SNOWFLAKE_SCHEMA are optional.
 * Read-only: it introspects, samples at most two tables (5 rows) and tries one wrong password.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import type { Connector } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';

const env = process.env;
const credential = env.SNOWFLAKE_PASSWORD || env.SNOWFLAKE_PRIVATE_KEY_FILE || env.SNOWFLAKE_OAUTH_TOKEN;
const missing = ['SNOWFLAKE_ACCOUNT', 'SNOWFLAKE_USER', 'SNOWFLAKE_DATABASE'].filter((name) => !env[name]);
if (!credential) missing.push('SNOWFLAKE_PASSWORD | SNOWFLAKE_PRIVATE_KEY_FILE | SNOWFLAKE_OAUTH_TOKEN');
const live = missing.length === 0;

function liveUrl(): string {
  const params = new URLSearchParams();
  if (env.SNOWFLAKE_WAREHOUSE) params.set('warehouse', env.SNOWFLAKE_WAREHOUSE);
  if (env.SNOWFLAKE_ROLE) params.set('role', env.SNOWFLAKE_ROLE);
  if (env.SNOWFLAKE_SCHEMA) params.set('schema', env.SNOWFLAKE_SCHEMA);
  const query = params.size > 0 ? `?${params}` : '';
  return `snowflake://${encodeURIComponent(env.SNOWFLAKE_USER ?? '')}@${env.SNOWFLAKE_ACCOUNT}/${encodeURIComponent(env.SNOWFLAKE_DATABASE ?? '')}${query}`;
}

if (!live) {
  describe('Snowflake live tests', () => {
    it.skip(`skipped: set ${missing.join(', ')} to run them against a real account`, () => {});
  });
} else {
  describe('Snowflake live tests', () => {
    let connector: Connector | undefined;
    afterAll(() => connector?.close());

    it('connects, introspects and samples with one query per table', async () => {
      connector = await createConnector(parseConnectionString(liveUrl(), { env }));
      await connector.connect({ statementTimeoutSeconds: 60, concurrency: 1 });
      const db = await connector.introspect({ includeViews: false });
      expect(db.engine).toBe('snowflake');
      expect(db.schemas.length).toBeGreaterThan(0);
      for (const table of db.tables.filter((t) => t.columns.length > 0).slice(0, 2)) {
        const sample = await connector.sample(table, { rows: 5, columns: table.columns, maxValueLength: 64, seed: 1 });
        expect(sample.queries).toBe(1);
        expect(sample.rowsRead).toBeLessThanOrEqual(5);
      }
    }, 120_000);

    it('maps a wrong password to an auth error', async () => {
      const config = parseConnectionString(liveUrl(), { env: { ...env, SNOWFLAKE_PASSWORD: 'definitely-not-the-password', SNOWFLAKE_PRIVATE_KEY_FILE: '', SNOWFLAKE_OAUTH_TOKEN: '' } });
      const wrong = await createConnector(config);
      const error = await wrong.connect({ statementTimeoutSeconds: 30, concurrency: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe('auth');
    }, 120_000);
  });
}
