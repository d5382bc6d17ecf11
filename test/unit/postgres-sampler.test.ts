/** Pure parts of the Postgres connector: sampling plan, SQL text, identifier quoting, types, errors. */
import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, NormalizedType, TableMetadata } from '../../src/core/metadata.js';
import { ConnectorError } from '../../src/core/errors.js';
import {
  BINARY_SKIPPED,
  MIN_SAMPLE_PAGES,
  PostgresSampler,
  UNREADABLE_SKIPPED,
  buildSampleSql,
  chooseSamplingPlan,
  quoteIdentifier,
  samplePages,
  stringLiteral,
} from '../../connectors/postgres/postgres-sampler.js';
import { normalizePgType, pgCharMaxLength } from '../../connectors/postgres/postgres-types.js';
import { toPostgresConnectorError } from '../../connectors/postgres/postgres-errors.js';
import type { PgQueryable, PgStatements } from '../../connectors/postgres/pg-queryable.js';

function column(name: string, normalizedType: NormalizedType, ordinal = 1): ColumnMetadata {
  return { name, ordinal, rawType: normalizedType, normalizedType, isArray: false, isNullable: true, isPrimaryKey: false };
}

function table(overrides: Partial<TableMetadata> = {}): TableMetadata {
  return { schema: 'public', name: 't', kind: 'table', columns: [], primaryKey: [], foreignKeys: [], ...overrides };
}

describe('chooseSamplingPlan', () => {
  it('samples pages of tables and materialized views, whatever their row estimate', () => {
    for (const rowEstimate of [undefined, 0, 1000, 5e9]) {
      expect(chooseSamplingPlan(table({ rowEstimate }), 200)).toEqual({ method: 'pages', pages: MIN_SAMPLE_PAGES });
      expect(chooseSamplingPlan(table({ kind: 'materialized_view', rowEstimate }), 200).method).toBe('pages');
    }
  });

  it('reads at least four pages per wanted row', () => {
    expect(samplePages(200)).toBe(1000);
    expect(samplePages(10_000)).toBe(40_000);
  });

  it('never uses TABLESAMPLE on views or foreign tables', () => {
    for (const kind of ['view', 'foreign_table'] as const) {
      expect(chooseSamplingPlan(table({ kind, rowEstimate: 5e7 }), 1000).method).toBe('limit');
    }
  });
});

describe('quoteIdentifier', () => {
  it.each([
    ['plain', '"plain"'],
    ['Order Details', '"Order Details"'],
    ['select', '"select"'],
    ['a.b', '"a.b"'],
    ['naïve café', '"naïve café"'],
    ['x"y', '"x""y"'],
    ['""', '""""""'],
    ["it's", '"it\'s"'],
  ])('%s → %s', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });

  it('rejects NUL, which Postgres identifiers cannot hold', () => {
    expect(() => quoteIdentifier('a\u0000b')).toThrow();
  });
});

describe('buildSampleSql', () => {
  const cols = [column('x"y', 'string'), column('select', 'integer', 2)];
  const plain = { rowSecurity: false, selectOnTable: true, userTypeColumns: new Set<string>(), unreadableColumns: new Set<string>() };
  const options = { rows: 500, maxValueLength: 100, seed: 42, hints: plain };

  it('selects built-in types as text cut in SQL (one past the limit, so truncation shows), all functions qualified', () => {
    const sql = buildSampleSql({ schema: 'Weird Schema', name: 'a.b' }, cols, { method: 'limit' }, options);
    expect(sql).toBe('SELECT pg_catalog.left("x""y"::pg_catalog.text, 101), pg_catalog.left("select"::pg_catalog.text, 101) FROM "Weird Schema"."a.b" LIMIT 500');
  });

  it("never casts a column of the database's own types, nor any column when nothing is known about them", () => {
    const hints = { ...plain, userTypeColumns: new Set(['x"y']) };
    expect(buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'limit' }, { ...options, hints })).toBe(
      'SELECT "x""y", pg_catalog.left("select"::pg_catalog.text, 101) FROM "s"."t" LIMIT 500',
    );
    expect(buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'limit' }, { ...options, hints: undefined })).toBe(
      'SELECT "x""y", "select" FROM "s"."t" LIMIT 500',
    );
  });

  it('selects inet through its output form, without the /32 that a text cast adds', () => {
    const ip = { ...column('ip', 'inet'), rawType: 'inet' };
    expect(buildSampleSql({ schema: 's', name: 't' }, [ip, { ...ip, name: 'ips', rawType: 'inet[]', isArray: true }], { method: 'limit' }, options)).toBe(
      'SELECT pg_catalog.left(pg_catalog.abbrev("ip"), 101), pg_catalog.left("ips"::pg_catalog.text, 101) FROM "s"."t" LIMIT 500',
    );
  });

  it('samples pages by a percentage computed from the size on disk, and keeps the rows with the smallest seeded hash of their position', () => {
    const sql = buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'pages', pages: 1000 }, options);
    expect(sql).toContain(`SELECT E'"s"."t"'::pg_catalog.regclass::pg_catalog.oid UNION ALL SELECT i.inhrelid FROM pg_catalog.pg_inherits i`);
    expect(sql).toContain('LEAST(100, 100 * 1000 / GREATEST(1, pg_catalog.sum(pg_catalog.pg_relation_size(relid))');
    expect(sql).toContain(', (SELECT percent FROM size) FROM "s"."t" TABLESAMPLE SYSTEM ((SELECT percent FROM size)) REPEATABLE (42)');
    expect(sql).toMatch(/ORDER BY pg_catalog\.hashtidextended\(ctid, 42 OPERATOR\(pg_catalog\.\+\) tableoid::pg_catalog\.int8\) LIMIT 500$/);
    expect(sql).not.toMatch(/reltuples|relpages/);
  });

  it('orders by a hash of the values read when only some columns are granted (ctid needs the table)', () => {
    const hints = { ...plain, selectOnTable: false };
    const sql = buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'pages', pages: 1000 }, { ...options, hints });
    expect(sql).toMatch(/ORDER BY pg_catalog\.hashtextextended\(ROW\(pg_catalog\.left\("x""y"::pg_catalog\.text, 101\), pg_catalog\.left\("select"::pg_catalog\.text, 101\)\)::pg_catalog\.text, 42\) LIMIT 500$/);
    expect(sql).not.toContain('ctid');
  });

  it("writes the table's name as an escape-string literal, whatever standard_conforming_strings says", () => {
    expect(stringLiteral(`it's a\\b`)).toBe(`E'it''s a\\\\b'`);
    const sql = buildSampleSql({ schema: 'x\\', name: "y'z" }, cols, { method: 'pages', pages: 1000 }, options);
    expect(sql).toContain(`SELECT E'"x\\\\"."y''z"'::pg_catalog.regclass`);
  });

  it('writes numbers without exponents, whatever the seed', () => {
    const sql = buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'pages', pages: 1e6 }, { ...options, seed: 1e21 });
    expect(sql).not.toMatch(/\de[+-]?\d/i);
    expect(sql).toContain('100 * 1000000 /');
  });
});

describe('normalizePgType', () => {
  it.each([
    ['text', 'b', 'S', 'string'],
    ['varchar', 'b', 'S', 'string'],
    ['bpchar', 'b', 'S', 'string'],
    ['name', 'b', 'S', 'string'],
    ['citext', 'b', 'S', 'string'],
    ['int2', 'b', 'N', 'integer'],
    ['int4', 'b', 'N', 'integer'],
    ['int8', 'b', 'N', 'integer'],
    ['numeric', 'b', 'N', 'decimal'],
    ['float4', 'b', 'N', 'float'],
    ['float8', 'b', 'N', 'float'],
    ['bool', 'b', 'B', 'boolean'],
    ['date', 'b', 'D', 'date'],
    ['timetz', 'b', 'D', 'time'],
    ['timestamptz', 'b', 'D', 'timestamp'],
    ['interval', 'b', 'T', 'interval'],
    ['uuid', 'b', 'U', 'uuid'],
    ['jsonb', 'b', 'U', 'json'],
    ['bytea', 'b', 'U', 'binary'],
    ['mood', 'e', 'E', 'enum'],
    ['inet', 'b', 'I', 'inet'],
    ['cidr', 'b', 'I', 'inet'],
    ['macaddr', 'b', 'U', 'inet'],
    ['point', 'b', 'G', 'geometry'],
    ['geometry', 'b', 'U', 'geometry'],
    ['my_text_like', 'b', 'S', 'string'],
    ['tsvector', 'b', 'U', 'other'],
    ['int4range', 'r', 'R', 'other'],
    ['address', 'c', 'C', 'other'],
  ])('%s (typtype %s, category %s) → %s', (name, typType, category, expected) => {
    expect(normalizePgType(name, typType, category)).toBe(expected);
  });

  it('reads varchar(n)/char(n) lengths from the typmod', () => {
    expect(pgCharMaxLength('varchar', 104)).toBe(100);
    expect(pgCharMaxLength('bpchar', 5)).toBe(1);
    expect(pgCharMaxLength('varchar', -1)).toBeUndefined();
    expect(pgCharMaxLength('numeric', 655366)).toBeUndefined();
  });
});

describe('PostgresSampler (with a recorded queryable)', () => {
  function recorder(results: unknown[][][]): PgQueryable & { sql: string[]; transactions: number } {
    const sql: string[] = [];
    const db = {
      sql,
      transactions: 0,
      async readOnly<T>(work: (statements: PgStatements) => Promise<T>): Promise<T> {
        db.transactions++;
        return work({
          query: async () => [],
          queryRawArrays: async (text: string) => {
            sql.push(text);
            return results.shift() ?? [];
          },
        });
      },
    };
    return db;
  }
  const email = column('email', 'string');
  const photo = column('photo', 'binary', 2);
  const base = { rows: 4, maxValueLength: 5, seed: 1 };
  const plain = { rowSecurity: false, selectOnTable: true, userTypeColumns: new Set<string>(), unreadableColumns: new Set<string>() };

  it('skips binary columns in SQL and reports them, keeping the requested order', async () => {
    const db = recorder([[['a@b.c'], [null], ['abcdef']]]);
    const sample = await new PostgresSampler(db).sample(table({ kind: 'view' }), { ...base, columns: [photo, email] }, plain);
    expect(db.sql).toEqual(['SELECT pg_catalog.left("email"::pg_catalog.text, 6) FROM "public"."t" LIMIT 4']);
    expect(db.transactions).toBe(1);
    expect(sample.method).toBe('all-rows');
    expect(sample.queries).toBe(1);
    expect([...sample.columns.keys()]).toEqual(['photo', 'email']);
    expect(sample.columns.get('photo')).toMatchObject({ values: [], skippedReason: BINARY_SKIPPED });
    expect(sample.columns.get('email')).toEqual({ values: ['a@b.c', 'abcde'], nullCount: 1, truncatedCount: 1 });
  });

  it('names the method from the share of pages read, and drops that extra column', async () => {
    const whole = recorder([[['a', '100'], ['b', '100'], ['c', '100'], ['d', '100']]]);
    const sample = await new PostgresSampler(whole).sample(table(), { ...base, columns: [email] }, plain);
    expect(sample).toMatchObject({ method: 'seeded-hash', rowsRead: 4, queries: 1 });
    expect(sample.columns.get('email')!.values).toEqual(['a', 'b', 'c', 'd']);
    const partial = recorder([[['a', '12.5'], ['b', '12.5'], ['c', '12.5']]]);
    expect(await new PostgresSampler(partial).sample(table(), { ...base, columns: [email] }, plain)).toMatchObject({ method: 'tablesample-system', rowsRead: 3 });
    const small = recorder([[['a', '100']]]);
    expect(await new PostgresSampler(small).sample(table(), { ...base, columns: [email] }, plain)).toMatchObject({ method: 'all-rows', rowsRead: 1 });
  });

  it('falls back to one counted LIMIT query, in the same transaction, when a page sample returns clearly too few rows', async () => {
    const db = recorder([[['x', '0.5']], [['1'], ['2'], ['3'], ['4']]]);
    const sample = await new PostgresSampler(db).sample(table(), { ...base, columns: [email] }, plain);
    expect(db.sql[0]).toContain('TABLESAMPLE SYSTEM');
    expect(db.sql[1]).toMatch(/LIMIT 4$/);
    expect(db.transactions).toBe(1);
    expect(sample).toMatchObject({ method: 'limit', rowsRead: 4, queries: 2 });
  });

  it('reads only the granted columns and lists the others as unreadable', async () => {
    const db = recorder([[['a@b.c', '100']]]);
    const secret = column('secret', 'string', 3);
    const hints = { ...plain, selectOnTable: false, unreadableColumns: new Set(['secret']) };
    const sample = await new PostgresSampler(db).sample(table(), { ...base, columns: [email, secret] }, hints);
    expect(db.sql[0]).not.toContain('secret');
    expect(sample.columns.get('secret')).toEqual({ values: [], nullCount: 0, truncatedCount: 0, skippedReason: UNREADABLE_SKIPPED });
    expect(sample.columns.get('email')!.values).toEqual(['a@b.c']);
  });

  it('runs no query for a table with row-level security, nor one without a readable column', async () => {
    const db = recorder([]);
    const rls = new PostgresSampler(db).sample(table(), { ...base, columns: [email] }, { ...plain, rowSecurity: true });
    await expect(rls).rejects.toMatchObject({ kind: 'permission', message: expect.stringMatching(/row-level security/i) });
    const none = new PostgresSampler(db).sample(table(), { ...base, columns: [email] }, { ...plain, selectOnTable: false, unreadableColumns: new Set(['email']) });
    await expect(none).rejects.toMatchObject({ code: '42501' });
    expect(db.sql).toEqual([]);
  });

  it('runs no query when every requested column is skipped', async () => {
    const db = recorder([]);
    const sample = await new PostgresSampler(db).sample(table(), { ...base, columns: [photo] }, plain);
    expect(db.sql).toEqual([]);
    expect(db.transactions).toBe(0);
    expect(sample).toMatchObject({ rowsRead: 0, queries: 0 });
  });
});

describe('toPostgresConnectorError', () => {
  const context = { target: 'db.example:5432', user: 'scanner', database: 'shop', table: { schema: 'sales', name: 'Order Details' } };
  const pgError = (code: string, message: string, extra: object = {}) => Object.assign(new Error(message), { code, ...extra });

  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'unreachable'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' }), 'unreachable'],
    [pgError('28P01', 'password authentication failed for user "scanner"'), 'auth'],
    [new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'auth'],
    [pgError('3D000', 'database "shop" does not exist'), 'unknown-database'],
    [pgError('42501', 'permission denied for table Order Details'), 'permission'],
    [pgError('57014', 'canceling statement due to statement timeout'), 'timeout'],
    [pgError('57P01', 'terminating connection due to administrator command'), 'connection-lost'],
    [new Error('Connection terminated unexpectedly'), 'connection-lost'],
    [pgError('0A000', 'TABLESAMPLE is not supported'), 'unsupported'],
    [pgError('42P01', 'relation "x" does not exist'), 'query'],
    [pgError('55P03', 'canceling statement due to lock timeout'), 'timeout'],
  ])('%s → %s', (error, kind) => {
    const mapped = toPostgresConnectorError(error, context);
    expect(mapped).toBeInstanceOf(ConnectorError);
    expect(mapped.kind).toBe(kind);
    expect(mapped.hint).toBeTruthy();
    expect(mapped.message).not.toContain('\n');
  });

  it('quotes identifiers in the GRANT hint', () => {
    const mapped = toPostgresConnectorError(pgError('42501', 'permission denied'), context);
    expect(mapped.hint).toBe('GRANT USAGE ON SCHEMA "sales" TO "scanner"; GRANT SELECT ON "sales"."Order Details" TO "scanner";');
  });

  it('never echoes data-exception messages, detail or where, which can quote a value', () => {
    const error = pgError('22P02', 'invalid input syntax for type integer: "alice@example.com"', {
      detail: 'Key (email)=(alice@example.com)',
      where: 'SQL function "f" statement 1',
    });
    const mapped = toPostgresConnectorError(error, context);
    expect(mapped.kind).toBe('query');
    expect(mapped.code).toBe('22P02');
    expect(`${mapped.message} ${mapped.hint}`).not.toContain('alice');
  });

  it.each(['42P01', '42501', '54000', '0A000', '25006', 'P0001', '22P02', '57014', '55P03', 'XX000'])(
    'never echoes the server text of SQLSTATE %s, which a function of the database can raise with a value in it',
    (code) => {
      const canary = 'canary-7f3a@example.com';
      const error = pgError(code, `relation "${canary}" does not exist`, { detail: canary, hint: canary, where: canary });
      const mapped = toPostgresConnectorError(error, context);
      expect(`${mapped.message} ${mapped.hint}`).not.toContain('canary');
      expect(mapped.message).toContain('sales.Order Details');
    },
  );

  it('names the SQLSTATE from the documentation', () => {
    expect(toPostgresConnectorError(pgError('42P01', 'x'), context).message).toBe('PostgreSQL error 42P01 (undefined table) reading sales.Order Details');
    expect(toPostgresConnectorError(pgError('42P10', 'x'), context).message).toBe('PostgreSQL error 42P10 (syntax error or access rule violation) reading sales.Order Details');
    expect(toPostgresConnectorError(pgError('ZZ999', 'x'), context).message).toBe('PostgreSQL error ZZ999 reading sales.Order Details');
  });
});
