/** Pure parts of the Postgres connector: sampling plan, SQL text, identifier quoting, types, errors. */
import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, NormalizedType, TableMetadata } from '../../src/core/metadata.js';
import { ConnectorError } from '../../src/core/errors.js';
import {
  BINARY_SKIPPED,
  PostgresSampler,
  buildSampleSql,
  chooseSamplingPlan,
  quoteIdentifier,
} from '../../connectors/postgres/postgres-sampler.js';
import { normalizePgType, pgCharMaxLength } from '../../connectors/postgres/postgres-types.js';
import { toPostgresConnectorError } from '../../connectors/postgres/postgres-errors.js';
import type { PgQueryable } from '../../connectors/postgres/pg-queryable.js';

function column(name: string, normalizedType: NormalizedType, ordinal = 1): ColumnMetadata {
  return { name, ordinal, rawType: normalizedType, normalizedType, isArray: false, isNullable: true, isPrimaryKey: false };
}

function table(overrides: Partial<TableMetadata> = {}): TableMetadata {
  return { schema: 'public', name: 't', kind: 'table', columns: [], primaryKey: [], foreignKeys: [], ...overrides };
}

describe('chooseSamplingPlan', () => {
  it.each([
    [undefined, 'limit'],
    [0, 'limit'],
    [1000, 'limit'],
    [2000, 'limit'],
    [2001, 'tablesample-bernoulli'],
    [20_000, 'tablesample-bernoulli'],
    [1_000_000, 'tablesample-bernoulli'],
    [1_000_001, 'tablesample-system'],
    [5e9, 'tablesample-system'],
  ])('estimate %s with 1000 rows wanted → %s', (rowEstimate, method) => {
    expect(chooseSamplingPlan(table({ rowEstimate }), 1000).method).toBe(method);
  });

  it('asks TABLESAMPLE for about three times the wanted rows', () => {
    const plan = chooseSamplingPlan(table({ rowEstimate: 30_000 }), 1000);
    expect(plan).toEqual({ method: 'tablesample-bernoulli', percent: 10 });
    const large = chooseSamplingPlan(table({ rowEstimate: 300_000_000 }), 1000);
    expect(large).toEqual({ method: 'tablesample-system', percent: 0.001 });
  });

  it('never uses TABLESAMPLE on views or foreign tables', () => {
    for (const kind of ['view', 'foreign_table'] as const) {
      expect(chooseSamplingPlan(table({ kind, rowEstimate: 5e7 }), 1000).method).toBe('limit');
    }
    expect(chooseSamplingPlan(table({ kind: 'materialized_view', rowEstimate: 5e7 }), 1000).method).toBe('tablesample-system');
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
  const options = { rows: 500, maxValueLength: 100, seed: 42 };

  it('selects each column as bounded text, one past the limit so truncation shows', () => {
    const sql = buildSampleSql({ schema: 'Weird Schema', name: 'a.b' }, cols, { method: 'limit' }, options);
    expect(sql).toBe('SELECT left("x""y"::text, 101), left("select"::text, 101) FROM "Weird Schema"."a.b" LIMIT 500');
  });

  it('selects inet through its output form, without the /32 that a text cast adds', () => {
    const ip = { ...column('ip', 'inet'), rawType: 'inet' };
    expect(buildSampleSql({ schema: 's', name: 't' }, [ip, { ...ip, name: 'ips', rawType: 'inet[]', isArray: true }], { method: 'limit' }, options)).toBe(
      'SELECT left(abbrev("ip"), 101), left("ips"::text, 101) FROM "s"."t" LIMIT 500',
    );
  });

  it('samples with a seeded TABLESAMPLE and spreads the LIMIT over the sample', () => {
    const sql = buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'tablesample-bernoulli', percent: 7.5 }, options);
    expect(sql).toContain('FROM "s"."t" TABLESAMPLE BERNOULLI (7.5) REPEATABLE (42)');
    expect(sql).toMatch(/ORDER BY md5\(ctid::text \|\| '\/42'\) LIMIT 500$/);
    const system = buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'tablesample-system', percent: 0.0003 }, options);
    expect(system).toContain('TABLESAMPLE SYSTEM (0.0003) REPEATABLE (42)');
  });

  it('writes numbers without exponents, whatever the seed', () => {
    const sql = buildSampleSql({ schema: 's', name: 't' }, cols, { method: 'tablesample-system', percent: 3e-7 }, { ...options, seed: 1e21 });
    expect(sql).not.toMatch(/e[+-]?\d/i);
    expect(sql).toContain('(0.0000003)');
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
  function recorder(results: unknown[][][]): PgQueryable & { sql: string[] } {
    const sql: string[] = [];
    return {
      sql,
      query: async () => [],
      queryRawArrays: async (text: string) => {
        sql.push(text);
        return results.shift() ?? [];
      },
    };
  }
  const email = column('email', 'string');
  const photo = column('photo', 'binary', 2);
  const base = { rows: 4, maxValueLength: 5, seed: 1 };

  it('skips binary columns in SQL and reports them, keeping the requested order', async () => {
    const db = recorder([[['a@b.c'], [null], ['abcdef']]]);
    const sample = await new PostgresSampler(db).sample(table({ rowEstimate: 3 }), { ...base, columns: [photo, email] });
    expect(db.sql).toEqual(['SELECT left("email"::text, 6) FROM "public"."t" LIMIT 4']);
    expect(sample.method).toBe('all-rows');
    expect(sample.queries).toBe(1);
    expect([...sample.columns.keys()]).toEqual(['photo', 'email']);
    expect(sample.columns.get('photo')).toMatchObject({ values: [], skippedReason: BINARY_SKIPPED });
    expect(sample.columns.get('email')).toEqual({ values: ['a@b.c', 'abcde'], nullCount: 1, truncatedCount: 1 });
  });

  it('falls back to one counted LIMIT query when TABLESAMPLE returns clearly too few rows', async () => {
    const db = recorder([[['x']], [['1'], ['2'], ['3'], ['4']]]);
    const sample = await new PostgresSampler(db).sample(table({ rowEstimate: 1000 }), { ...base, columns: [email] });
    expect(db.sql[0]).toContain('TABLESAMPLE BERNOULLI');
    expect(db.sql[1]).toMatch(/LIMIT 4$/);
    expect(sample).toMatchObject({ method: 'limit', rowsRead: 4, queries: 2 });
  });

  it('runs no query when every requested column is skipped', async () => {
    const db = recorder([]);
    const sample = await new PostgresSampler(db).sample(table(), { ...base, columns: [photo] });
    expect(db.sql).toEqual([]);
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
});
