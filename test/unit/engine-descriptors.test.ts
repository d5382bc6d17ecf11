/**
 * The engine registry: every engine has one descriptor, found by its schemes, that parses its own
 * example, describes it without secrets, creates its connector, and names datasets as the files
 * piiscout has always written them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ENGINES,
  connectionFileStem,
  createConnector,
  datasetKeyPrefixOf,
  datasetNaming,
  describeConnection,
  engineDescriptor,
  onlySchemaOf,
  parseConnectionString,
  resolveConnectionLocation,
  samplingExtrasOf,
} from '../../connectors/index.js';
import type { DatabaseMetadata, EngineKind, TableMetadata } from '../../src/core/metadata.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALL_ENGINES: readonly EngineKind[] = ['postgres', 'mysql', 'sqlite', 'pglite', 'snowflake'];
const SECRET = 'pa55-w0rd';
const env = { SNOWFLAKE_PASSWORD: SECRET, PGPASSWORD: SECRET, MYSQL_PWD: SECRET };

const database = (engine: EngineKind, name: string): DatabaseMetadata => ({ engine, database: name, schemas: [], tables: [] });
const table = (kind: TableMetadata['kind']): TableMetadata => ({ schema: 's', name: 't', kind, columns: [], primaryKey: [], foreignKeys: [] });

describe('engine registry', () => {
  it('has exactly one descriptor per engine, each found under its own name', () => {
    expect(ENGINES.map((e) => e.engine)).toEqual(ALL_ENGINES);
    for (const engine of ALL_ENGINES) expect(engineDescriptor(engine).engine).toBe(engine);
  });

  it('has a descriptor module for every connector module, and registers each', () => {
    const folders = fs.readdirSync(path.join(repoRoot, 'connectors'), { withFileTypes: true }).filter((d) => d.isDirectory());
    const files = folders.flatMap((d) => fs.readdirSync(path.join(repoRoot, 'connectors', d.name)));
    const connectors = files.filter((f) => f.endsWith('-connector.ts'));
    const descriptors = files.filter((f) => f.endsWith('-engine.ts'));
    expect(connectors).toHaveLength(ALL_ENGINES.length);
    expect(descriptors.map((f) => f.replace('-engine.ts', '')).sort()).toEqual(connectors.map((f) => f.replace('-connector.ts', '')).sort());
  });

  it('gives every scheme to one engine only', () => {
    const schemes = ENGINES.flatMap((e) => e.schemes);
    expect(new Set(schemes).size).toBe(schemes.length);
    expect(schemes).toEqual(['postgres', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'pglite', 'snowflake']);
  });

  it.each(ENGINES.map((e) => [e.engine, e] as const))('%s: parses its example and every scheme, describes it without secrets', (engine, descriptor) => {
    expect(parseConnectionString(descriptor.example, { env, cwd: '/base' }).engine).toBe(engine);
    for (const scheme of descriptor.schemes) {
      const withScheme = descriptor.example.replace(/^[a-z]+:/, `${scheme.toUpperCase()}:`);
      expect(parseConnectionString(withScheme, { env, cwd: '/base' }).engine).toBe(engine);
    }
    const config = parseConnectionString(descriptor.example, { env, cwd: '/base' });
    expect(describeConnection(config)).toBe(descriptor.describe(config as never));
    expect(describeConnection(config)).not.toContain(SECRET);
  });

  it.each(ENGINES.map((e) => [e.engine, e] as const))('%s: creates its own connector without connecting, named as described', async (engine, descriptor) => {
    const config = parseConnectionString(descriptor.example, { env, cwd: '/base' });
    const connector = await createConnector(config);
    expect(connector.engine).toBe(engine);
    expect(connector.displayName).toBe(describeConnection(config));
  });
});

describe('engine capabilities', () => {
  it('says what differs between engines', () => {
    expect(Object.fromEntries(ENGINES.map((e) => [e.engine, e.capabilities]))).toEqual({
      postgres: { schemaIs: 'schema', fileBased: false, privilegeReview: true, billedWarehouse: false },
      mysql: { schemaIs: 'database', fileBased: false, privilegeReview: true, billedWarehouse: false },
      sqlite: { schemaIs: 'schema', fileBased: true, privilegeReview: false, billedWarehouse: false },
      pglite: { schemaIs: 'schema', fileBased: true, privilegeReview: false, billedWarehouse: false },
      snowflake: { schemaIs: 'schema', fileBased: false, privilegeReview: false, billedWarehouse: true },
    });
  });

  it('resolves a relative location of the file-based engines only', () => {
    expect(resolveConnectionLocation('sqlite:./a%20b.db', '/etc/piiscout')).toBe('sqlite:/etc/piiscout/a%20b.db');
    expect(resolveConnectionLocation('PGLITE://data', '/etc/piiscout')).toBe('PGLITE:/etc/piiscout/data');
    expect(resolveConnectionLocation('pglite:memory', '/etc/piiscout')).toBe('pglite:memory');
    expect(resolveConnectionLocation('sqlite:/abs.db', '/etc/piiscout')).toBe('sqlite:/abs.db');
    expect(resolveConnectionLocation('postgres://h/rel', '/etc/piiscout')).toBe('postgres://h/rel');
  });
});

describe('dataset naming', () => {
  // [engine, database name, schema, key prefix given, expected key, namespace database_name, description]
  it.each([
    ['postgres', 'shop', 'public', undefined, 'shop_public', 'shop', 'PostgreSQL schema public of shop'],
    ['postgres', 'shop', 'public', 'demo', 'demo_public', 'shop', 'PostgreSQL schema public of shop'],
    ['pglite', 'postgres', 'hr', undefined, 'postgres_hr', 'postgres', 'PostgreSQL (embedded PGlite) schema hr of postgres'],
    ['mysql', '', 'crm', undefined, 'crm', 'crm', 'MySQL/MariaDB database crm'],
    ['mysql', 'crm', 'crm', 'x', 'x_crm', 'crm', 'MySQL/MariaDB database crm'],
    ['sqlite', 'legacy.db', 'main', undefined, 'legacy', 'legacy.db', 'SQLite schema main of legacy.db'],
    ['sqlite', 'legacy.db', 'aux', undefined, 'legacy_aux', 'legacy.db', 'SQLite schema aux of legacy.db'],
    ['sqlite', 'legacy.db', 'main', '', 'main', 'legacy.db', 'SQLite schema main of legacy.db'],
    ['snowflake', 'DB', 'PUBLIC', undefined, 'DB_PUBLIC', 'DB', 'Snowflake schema PUBLIC of DB'],
  ] as const)('%s %s.%s (prefix %s) → %s', (engine, name, schema, givenPrefix, key, databaseName, description) => {
    const naming = datasetNaming(engine);
    const db = database(engine, name);
    expect(naming.datasetKey(schema, givenPrefix ?? naming.defaultKeyPrefix(db))).toBe(key);
    expect(naming.databaseName(db, schema)).toBe(databaseName);
    expect(naming.describe(db, schema)).toBe(description);
  });
});

describe('connection settings the scan asks the registry for', () => {
  it.each([
    ['postgres://u@h/shop', 'shop', undefined, undefined],
    ['postgres://u@h', 'postgres', undefined, undefined],
    ['mysql://u@h/crm', 'crm', 'crm', undefined],
    ['mysql://u@h', 'mysql', undefined, undefined],
    ['sqlite:/data/legacy.v2.db', 'legacy.v2', undefined, undefined],
    ['pglite:/data/demo-db', 'demo-db', undefined, 'demo-db'],
    ['pglite:memory', 'pglite', undefined, undefined],
    ['snowflake://u@acct/SALES?warehouse=WH', 'SALES', undefined, undefined],
  ])('%s: output stem %s, only schema %s, key prefix %s', (url, stem, onlySchema, keyPrefix) => {
    const config = parseConnectionString(url, { env });
    expect(connectionFileStem(config)).toBe(stem);
    expect(onlySchemaOf(config)).toBe(onlySchema);
    expect(datasetKeyPrefixOf(config)).toBe(keyPrefix);
  });

  it('counts SYSTEM$CLASSIFY as one more statement per table (not per view) only when asked for', () => {
    const url = 'snowflake://u@acct/SALES?warehouse=WH';
    expect(samplingExtrasOf(parseConnectionString(url, { env }))).toBeUndefined();
    const extras = samplingExtrasOf(parseConnectionString(url, { env, snowflake: { useSnowflakeClassify: true } }))!;
    expect([extras.extraQueriesPerTable(table('table')), extras.extraQueriesPerTable(table('view'))]).toEqual([1, 0]);
    expect(extras.note).toMatch(/SYSTEM\$CLASSIFY/);
    for (const other of ['postgres://h/db', 'mysql://h/db', 'sqlite:/x.db', 'pglite:memory']) {
      expect(samplingExtrasOf(parseConnectionString(other, { env }))).toBeUndefined();
    }
  });
});
