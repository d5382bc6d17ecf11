/**
 * The Snowflake connector (through the real snowflake-sdk driver) against the protocol double in
 * test/helpers/snowflake-double.ts: login methods, case-sensitive names, VARIANT nested fields,
 * one SAMPLE query per table, session settings, warehouse handling, errors and SYSTEM$CLASSIFY.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import type { SnowflakeFlags } from '../../connectors/snowflake/snowflake-config.js';
import type { Connector } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import { readJsonDocuments } from '../../src/core/json-documents.js';
import type { TableMetadata } from '../../src/core/metadata.js';
import { createHeuristicClassifier } from '../../src/classify/heuristic-classifier.js';
import { buildDatasetFile } from '../../src/fides/dataset-writer.js';
import { createTableFilter } from '../../src/scan/filters.js';
import { runScan } from '../../src/scan/scan.js';
import { formatDryRun, planDryRun } from '../../src/scan/dry-run.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { startSnowflakeDouble, type SnowflakeDouble } from '../helpers/snowflake-double.js';
import { doubleOptions, SLOW_TABLE, SNOWFLAKE_TABLES } from '../helpers/snowflake-fixture.js';

const PASSWORD = doubleOptions().password!;
const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const PASSPHRASE = 'key passphrase for tests';
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-sf-keys-'));
const keyFile = path.join(keyDir, 'rsa_key.p8');
fs.writeFileSync(keyFile, keys.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }));
const otherKeyFile = path.join(keyDir, 'other_key.p8');
fs.writeFileSync(otherKeyFile, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));

let double: SnowflakeDouble;
const open: Connector[] = [];

beforeAll(async () => {
  double = await startSnowflakeDouble(
    doubleOptions({ publicKeyPem: keys.publicKey.export({ format: 'pem', type: 'spki' }).toString(), tables: [...SNOWFLAKE_TABLES, SLOW_TABLE] }),
  );
});
afterEach(async () => {
  for (const c of open.splice(0)) await c.close().catch(() => undefined);
  double.reset();
  for (const w of double.options.warehouses) w.state = w.name === 'SCAN_WH' ? 'STARTED' : 'SUSPENDED';
});
afterAll(async () => {
  await double.close();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

function url(params = 'warehouse=scan_wh', database = 'analytics'): string {
  return `snowflake://scanner@testorg-testacct/${database}?${params}&accessUrl=${encodeURIComponent(double.url)}`;
}

async function connect(
  options: { params?: string; database?: string; env?: NodeJS.ProcessEnv; flags?: SnowflakeFlags; timeout?: number } = {},
): Promise<Connector> {
  const config = parseConnectionString(url(options.params, options.database), {
    env: options.env ?? { SNOWFLAKE_PASSWORD: PASSWORD },
    snowflake: options.flags,
  });
  const connector = await createConnector(config);
  open.push(connector);
  await connector.connect({ statementTimeoutSeconds: options.timeout ?? 30, concurrency: 2 });
  return connector;
}

async function connectError(options: Parameters<typeof connect>[0]): Promise<ConnectorError> {
  const error = await connect(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const find = (tables: readonly TableMetadata[], schema: string, name: string): TableMetadata => {
  const t = tables.find((x) => x.schema === schema && x.name === name);
  if (!t) throw new Error(`no ${schema}.${name}`);
  return t;
};
const sampleQueries = () => double.queries.filter((q) => / FROM "ANALYTICS"\."[^"]+"\."/.test(q.sqlText));

describe('login', () => {
  it('logs in with a password, tags the session and sets the statement timeout before any catalog query', async () => {
    await connect({ timeout: 17 });
    expect(double.logins).toHaveLength(1);
    expect(double.logins[0]).toMatchObject({ authenticator: 'SNOWFLAKE', ok: true, sessionParameters: { QUERY_TAG: 'piiscout' } });
    expect(double.logins[0].query).toMatchObject({ databaseName: 'analytics', warehouse: 'scan_wh' });
    const alter = double.queries.findIndex((q) => q.sqlText.startsWith('ALTER SESSION'));
    expect(double.queries[alter].session).toMatchObject({ QUERY_TAG: 'piiscout', STATEMENT_TIMEOUT_IN_SECONDS: 17 });
    expect(double.queries.slice(0, alter).every((q) => !q.sqlText.includes('INFORMATION_SCHEMA'))).toBe(true);
    expect(double.stats.unhandled).toEqual([]);
  });

  it('logs in with a key pair (encrypted PKCS#8, passphrase from the environment)', async () => {
    await connect({ env: { SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: PASSPHRASE }, flags: { privateKeyFile: keyFile } });
    expect(double.logins[0]).toMatchObject({ authenticator: 'SNOWFLAKE_JWT', ok: true });
  });

  it('rejects a key pair whose public key is not registered (390144 → auth)', async () => {
    const error = await connectError({ env: {}, flags: { privateKeyFile: otherKeyFile } });
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('390144');
  });

  it('logs in with an OAuth token', async () => {
    await connect({ env: { SNOWFLAKE_OAUTH_TOKEN: 'oauth-token-for-tests' } });
    expect(double.logins[0]).toMatchObject({ authenticator: 'OAUTH', ok: true });
  });

  it('reports a wrong password as one line of kind auth, without the password', async () => {
    const error = await connectError({ env: { SNOWFLAKE_PASSWORD: 'wrong-password-123' } });
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('390100');
    expect(error.message).not.toContain('\n');
    expect(`${error.message} ${error.hint}`).not.toContain('wrong-password-123');
    expect(error.message).toMatch(/Authentication failed for user scanner/);
  });

  it('reports an unknown database (390201)', async () => {
    const error = await connectError({ database: 'NOPE' });
    expect(error.kind).toBe('unknown-database');
  });

  it('refuses to start without a warehouse', async () => {
    const error = await connectError({ params: 'role=PIISCOUT_READER' });
    expect(error.message).toMatch(/No Snowflake warehouse/);
  });
});

describe('suspended warehouse', () => {
  it('fails before any query that would resume it, with a hint', async () => {
    const error = await connectError({ params: 'warehouse=SLEEPY_WH' });
    expect(error.message).toMatch(/warehouse SLEEPY_WH is suspended/);
    expect(error.hint).toMatch(/--allow-warehouse-resume/);
    expect(double.stats.warehouseResumes).toBe(0);
    expect(double.queries.some((q) => q.sqlText.includes('INFORMATION_SCHEMA'))).toBe(false);
  });

  it('lets Snowflake resume it with --allow-warehouse-resume', async () => {
    const connector = await connect({ params: 'warehouse=SLEEPY_WH', flags: { allowWarehouseResume: true } });
    await connector.introspect({ includeViews: false });
    expect(double.stats.warehouseResumes).toBe(1);
  });

  it('still fails when AUTO_RESUME is off, and says so', async () => {
    const error = await connectError({ params: 'warehouse=LOCKED_WH', flags: { allowWarehouseResume: true } });
    expect(error.hint).toMatch(/AUTO_RESUME is off/);
  });
});

describe('introspection', () => {
  it('keeps the case of every name: "Customers" and CUSTOMERS are two tables', async () => {
    const connector = await connect();
    const db = await connector.introspect({ includeViews: false });
    expect(db.engine).toBe('snowflake');
    expect(db.database).toBe('ANALYTICS');
    expect(db.schemas).toEqual(['Audit Log', 'CRM']);
    expect(db.tables.map((t) => `${t.schema}.${t.name}`)).toEqual([
      'Audit Log.events',
      'CRM.BIG_FACTS',
      'CRM.CUSTOMERS',
      'CRM.Customers',
      'CRM.Orders',
      'CRM.SALARIES',
    ]);
    const customers = find(db.tables, 'CRM', 'Customers');
    expect(customers.columns.map((c) => c.name)).toEqual(['ID', 'emailAddress', 'Full Name', 'BIRTH_DATE', 'PROFILE', 'prefs', 'ADDRESSES', 'PHOTO']);
    expect(customers.columns.map((c) => c.normalizedType)).toEqual(['integer', 'string', 'string', 'date', 'json', 'json', 'json', 'binary']);
    expect(customers.columns.find((c) => c.name === 'ADDRESSES')?.isArray).toBe(true);
    expect(customers).toMatchObject({ comment: 'People who bought something', rowEstimate: 40, primaryKey: ['ID'] });
    expect(customers.columns[1]).toMatchObject({ comment: 'Primary contact email', isPrimaryKey: false });
    expect(find(db.tables, 'CRM', 'CUSTOMERS').columns.map((c) => c.name)).toEqual(['CUSTOMER_ID', 'mixedCase', 'NOTE']);
    expect(find(db.tables, 'CRM', 'Orders').foreignKeys).toEqual([
      { name: 'FK_ORDERS_CUSTOMER', columns: ['customerId'], referencedSchema: 'CRM', referencedTable: 'Customers', referencedColumns: ['ID'] },
    ]);
    expect(find(db.tables, 'CRM', 'Orders').columns.find((c) => c.name === 'TOTAL')?.normalizedType).toBe('decimal');
  });

  it('costs the same five catalog statements whatever the number of tables, and lists views only when asked', async () => {
    const connector = await connect();
    const before = double.queries.length;
    const withViews = await connector.introspect({ includeViews: true });
    expect(double.queries.length - before).toBe(5);
    expect(find(withViews.tables, 'CRM', 'CUSTOMER_EMAILS').kind).toBe('view');
  });

  it('scans only the schema named in the URL (resolved like Snowflake: quoted names exactly)', async () => {
    const connector = await connect({ params: `warehouse=SCAN_WH&schema=${encodeURIComponent('"Audit Log"')}` });
    const db = await connector.introspect({ includeViews: false });
    expect(db.schemas).toEqual(['Audit Log']);
    expect(db.tables.map((t) => t.name)).toEqual(['events']);
  });
});

describe('sampling', () => {
  it('reads each table with one SAMPLE query, identifiers quoted with their case', async () => {
    const connector = await connect();
    const db = await connector.introspect({ includeViews: true });
    double.reset();
    const lower = find(db.tables, 'CRM', 'Customers');
    const upper = find(db.tables, 'CRM', 'CUSTOMERS');
    const view = find(db.tables, 'CRM', 'CUSTOMER_EMAILS');
    const a = await connector.sample(lower, { rows: 25, columns: lower.columns, maxValueLength: 512, seed: 1 });
    const b = await connector.sample(upper, { rows: 25, columns: upper.columns, maxValueLength: 512, seed: 1 });
    const v = await connector.sample(view, { rows: 25, columns: view.columns, maxValueLength: 512, seed: 1 });
    expect(double.queries.map((q) => q.sqlText.replace(/^SELECT .* FROM /, ''))).toEqual([
      '"ANALYTICS"."CRM"."Customers" SAMPLE (25 ROWS)',
      '"ANALYTICS"."CRM"."CUSTOMERS" SAMPLE (25 ROWS)',
      '"ANALYTICS"."CRM"."CUSTOMER_EMAILS" LIMIT 25',
    ]);
    expect(double.queries[1].sqlText).toContain('LEFT(TO_VARCHAR("mixedCase"), 513)');
    expect([a.queries, b.queries, v.queries]).toEqual([1, 1, 1]);
    expect(a).toMatchObject({ method: 'tablesample-bernoulli', rowsRead: 25 });
    expect(b).toMatchObject({ method: 'all-rows', rowsRead: 12 });
    expect(a.columns.get('emailAddress')?.values.every((x) => x.endsWith('@example.org'))).toBe(true);
    expect(a.columns.get('BIRTH_DATE')?.values[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(a.columns.get('PHOTO')?.skippedReason).toMatch(/binary/);
    expect(b.columns.get('mixedCase')?.values).toHaveLength(12);
  });

  it('reads VARIANT, OBJECT and ARRAY columns whole, so the scan proposes their stable keys as nested fields', async () => {
    const connector = await connect();
    const db = await connector.introspect({ includeViews: false });
    const table = find(db.tables, 'CRM', 'Customers');
    // Nested fields are read after sampling, for every engine alike (core/json-documents.ts, called by the scan).
    const sample = readJsonDocuments(table.columns, await connector.sample(table, { rows: 40, columns: table.columns, maxValueLength: 512, seed: 1 }), 512);
    const paths = (column: string) => sample.columns.get(column)?.nested?.map((n) => `${n.path.join('.')}:${n.normalizedType}${n.isArray ? '[]' : ''}`);
    expect(paths('PROFILE')).toEqual(['contact:json', 'contact.email:string', 'contact.phone:string', 'loyalty:json', 'loyalty.points:integer', 'loyalty.tier:string']);
    expect(paths('prefs')).toEqual(['language:string', 'newsletter:boolean']);
    expect(paths('ADDRESSES')).toEqual(['city:string', 'postal_code:string', 'street:string']);
    const email = sample.columns.get('PROFILE')?.nested?.find((n) => n.path.join('.') === 'contact.email');
    expect(email?.sample.values).toHaveLength(40);
  });

  it('reports a table the role may not read as a permission error for that table', async () => {
    const connector = await connect();
    const db = await connector.introspect({ includeViews: false });
    const table = find(db.tables, 'CRM', 'SALARIES');
    const error = await connector.sample(table, { rows: 10, columns: table.columns, maxValueLength: 512, seed: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('permission');
    expect((error as ConnectorError).code).toBe('002003');
    expect((error as ConnectorError).hint).toContain('GRANT SELECT ON TABLE "ANALYTICS"."CRM"."SALARIES"');
  });

  it('reports the statement timeout as a timeout for that table', async () => {
    const connector = await connect({ timeout: 5 });
    const db = await connector.introspect({ includeViews: false });
    const table = find(db.tables, 'CRM', 'BIG_FACTS');
    const error = (await connector
      .sample(table, { rows: 10, columns: table.columns, maxValueLength: 512, seed: 1 })
      .catch((e: unknown) => e)) as ConnectorError;
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/timeout of 5 s/);
  });
});

describe('full scan', () => {
  const filter = createTableFilter([], ['CRM.BIG_FACTS']);

  it('writes a valid dataset with case-preserved names and nested fields, skipping the unreadable table', async () => {
    const connector = await connect();
    const result = await runScan(connector, {
      sampleSize: 50,
      concurrency: 2,
      includeViews: false,
      maxValueLength: 512,
      seed: 42,
      filter,
      classifier: createHeuristicClassifier(),
    });
    const byName = new Map(result.tables.map((t) => [`${t.table.schema}.${t.table.name}`, t]));
    expect(byName.get('CRM.SALARIES')?.status).toBe('skipped');
    expect(byName.get('CRM.SALARIES')?.issue?.kind).toBe('permission');
    expect(byName.get('CRM.Customers')?.status).toBe('scanned');
    // One sampling statement per readable table, nothing else after introspection.
    expect(sampleQueries()).toHaveLength(5);
    expect(double.queries.every((q) => q.session.QUERY_TAG === 'piiscout')).toBe(true);

    const file = buildDatasetFile(result, { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: 'test', sampleSize: 50 });
    expect(validateFidesDatasetFile(file)).toEqual([]);
    const crm = file.dataset.find((d) => d.name === 'CRM')!;
    expect(crm.fides_meta?.namespace).toEqual({ database_name: 'ANALYTICS', schema: 'CRM' });
    expect(crm.collections.map((c) => c.name)).toEqual(['CUSTOMERS', 'Customers', 'Orders', 'SALARIES']);
    const customers = crm.collections.find((c) => c.name === 'Customers')!;
    const profile = customers.fields.find((f) => f.name === 'PROFILE')!;
    expect(profile.fides_meta?.data_type).toBe('object');
    expect(profile.fields?.map((f) => f.name)).toEqual(['contact', 'loyalty']);
    const contact = profile.fields![0];
    expect(contact.fides_meta?.data_type).toBe('object');
    expect(contact.fields?.map((f) => [f.name, f.data_categories])).toEqual([
      ['email', ['user.contact.email']],
      ['phone', ['user.contact.phone_number']],
    ]);
    const addresses = customers.fields.find((f) => f.name === 'ADDRESSES')!;
    expect(addresses.fides_meta?.data_type).toBe('object[]');
    expect(addresses.fields?.find((f) => f.name === 'city')?.data_categories).toEqual(['user.contact.address.city']);
    expect(customers.fields.find((f) => f.name === 'emailAddress')?.data_categories).toEqual(['user.contact.email']);
    // No sampled value reaches the file.
    const text = JSON.stringify(file);
    for (const value of ['@example.org', '+44 20 7946', 'High Street']) expect(text).not.toContain(value);
  });

  it('adds SYSTEM$CLASSIFY verdicts as evidence with --use-snowflake-classify (one more query per table)', async () => {
    const connector = await connect({ flags: { useSnowflakeClassify: true } });
    const result = await runScan(connector, {
      sampleSize: 50,
      concurrency: 1,
      includeViews: false,
      maxValueLength: 512,
      seed: 42,
      // --include globs are case-insensitive (src/scan/filters.ts), so this selects "Customers" and CUSTOMERS.
      filter: createTableFilter(['CRM.Customers'], []),
      classifier: createHeuristicClassifier(),
    });
    const classifyCalls = double.queries.filter((q) => q.sqlText.includes('SYSTEM$CLASSIFY')).map((q) => q.sqlText.replace(/^.*SYSTEM\$CLASSIFY\(/, ''));
    expect(classifyCalls.sort()).toEqual([
      `'"ANALYTICS"."CRM"."CUSTOMERS"', {'sample_count': 50, 'auto_tag': false}) AS "RESULT"`,
      `'"ANALYTICS"."CRM"."Customers"', {'sample_count': 50, 'auto_tag': false}) AS "RESULT"`,
    ]);
    expect(sampleQueries().filter((q) => !q.sqlText.includes('SYSTEM$CLASSIFY'))).toHaveLength(2);
    const customers = result.tables.find((t) => t.table.name === 'Customers')!;
    expect(customers.queries).toBe(2);
    const evidence = customers.fields.get('Full Name')?.evidence.filter((e) => e.source === 'snowflake-classify');
    expect(evidence).toEqual([expect.objectContaining({ factor: 'model', category: 'user.name', score: 0.9 })]);
    expect(evidence?.[0].reason).toMatch(/SYSTEM\$CLASSIFY: NAME \(IDENTIFIER, confidence HIGH, coverage 95%\)/);
  });

  it('--dry-run plans without sampling: tables and query count', async () => {
    const connector = await connect({ flags: { useSnowflakeClassify: true } });
    const plan = await planDryRun(connector, { includeViews: true, sampleSize: 200, filter, extraQueriesPerTable: (t) => (t.kind === 'table' ? 1 : 0) });
    expect(sampleQueries()).toHaveLength(0);
    expect(double.queries.some((q) => q.sqlText.includes('SYSTEM$CLASSIFY'))).toBe(false);
    expect(plan.tables).toHaveLength(6);
    expect(plan.queries).toBe(5 * 2 + 1);
    const text = formatDryRun(plan, 200);
    expect(text).toContain('CRM.Customers');
    expect(text).toContain('CRM.CUSTOMERS');
    expect(text).toMatch(/with 11 sampling queries/);
  });
});
