import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, NormalizedType, TableMetadata } from '../../src/core/metadata.js';
import { MAX_KEY_WINDOWS, planMysqlSample, quoteMysqlIdentifier, sampleMysqlTable, seededRandom } from '../../connectors/mysql/mysql-sampler.js';
import { normalizeMysqlType } from '../../connectors/mysql/mysql-types.js';
import { mapMysqlError } from '../../connectors/mysql/mysql-errors.js';

function column(name: string, rawType: string, normalizedType: NormalizedType, ordinal = 1, isPrimaryKey = false): ColumnMetadata {
  return { name, ordinal, rawType, normalizedType, isArray: false, isNullable: !isPrimaryKey, isPrimaryKey };
}

const id = column('id', 'int(11)', 'integer', 1, true);
const email = column('email', 'varchar(255)', 'string', 2);
const photo = column('photo', 'blob', 'binary', 3);
const flags = column('flags', 'bit(3)', 'other', 4);

function table(overrides: Partial<TableMetadata> = {}): TableMetadata {
  return {
    schema: 'shop',
    name: 'customers',
    kind: 'table',
    rowEstimate: 100,
    columns: [id, email, photo, flags],
    primaryKey: ['id'],
    foreignKeys: [],
    ...overrides,
  };
}

const options = { rows: 1000, columns: [email, photo, flags], maxValueLength: 512, seed: 42 };

describe('quoteMysqlIdentifier', () => {
  it.each([
    ['plain', '`plain`'],
    ['Order Details', '`Order Details`'],
    ['select', '`select`'],
    ['a.b', '`a.b`'],
    ['naïve café', '`naïve café`'],
    ['we`ird', '`we``ird`'],
    ["it's", "`it's`"],
    ['``', '``````'],
  ])('%s → %s', (name, quoted) => {
    expect(quoteMysqlIdentifier(name)).toBe(quoted);
  });
});

describe('planMysqlSample', () => {
  const rowBeyondSample = '(SELECT 1 FROM `shop`.`customers` LIMIT 1 OFFSET 1000)';

  it('decides from the data, not the estimate, whether a table is read whole', () => {
    for (const rowEstimate of [undefined, 0, 10, 1000, 5_000_000]) {
      const plan = planMysqlSample(table({ rowEstimate }), options);
      expect(plan.leadingWholeFlag).toBe(true);
      expect(plan.sql.startsWith(`(SELECT 1, LEFT(CAST(\`email\` AS CHAR), 513), LEFT(BIN(\`flags\`), 513) FROM \`shop\`.\`customers\` WHERE ${rowBeyondSample} IS NULL LIMIT 1000) UNION ALL `)).toBe(true);
      // Every window joins the key range and is empty unless a row lies beyond the sample size.
      expect(plan.sql.split(`${rowBeyondSample} AS more FROM \`shop\`.\`customers\`) AS piiscout_range WHERE piiscout_range.more IS NOT NULL AND`)).toHaveLength(
        MAX_KEY_WINDOWS + 1,
      );
    }
  });

  it('gives the same statement whatever the catalog estimate says (statistics never change the sample)', () => {
    const keyed = (rowEstimate?: number) => planMysqlSample(table({ rowEstimate }), options).sql;
    expect(new Set([undefined, 3, 1000, 1001, 70_000, 5_000_000].map(keyed)).size).toBe(1);
    const heap = (rowEstimate?: number) => planMysqlSample(table({ rowEstimate, primaryKey: [] }), options).sql;
    // Without a key the estimate only sets the filter beyond 50,000 rows (counted exactly below), by doublings.
    expect(new Set([undefined, 3, 1000, 20_000, 60_000].map(heap)).size).toBe(1);
    expect(heap(300_000)).toBe(heap(500_000));
    expect(heap(500_000)).not.toBe(heap(5_000_000));
  });

  it('uses LIMIT for views, with no count and no flag column', () => {
    const plan = planMysqlSample(table({ kind: 'view', rowEstimate: undefined, primaryKey: [] }), options);
    expect(plan.method).toBe('limit');
    expect(plan.leadingWholeFlag).toBe(false);
    expect(plan.sql).toBe('SELECT LEFT(CAST(`email` AS CHAR), 513), LEFT(BIN(`flags`), 513) FROM `shop`.`customers` LIMIT 1000');
  });

  it('skips binary and geometry columns and says why', () => {
    const geo = column('where', 'point', 'geometry', 5);
    const plan = planMysqlSample(table(), { ...options, columns: [email, photo, geo] });
    expect(plan.selectedColumns).toEqual(['email']);
    expect([...plan.skipped.keys()]).toEqual(['photo', 'where']);
    expect(plan.sql).not.toContain('`photo`');
    expect(plan.sql).not.toContain('`where`');
  });

  it('selects a constant when every column is skipped', () => {
    const plan = planMysqlSample(table({ kind: 'view' }), { ...options, columns: [photo] });
    expect(plan.sql).toBe('SELECT 1 FROM `shop`.`customers` LIMIT 1000');
    expect(planMysqlSample(table(), { ...options, columns: [photo] }).sql).toMatch(/^\(SELECT 1, 1 FROM /);
  });

  it('samples a table with an integer key through disjoint random key windows', () => {
    const plan = planMysqlSample(table({ rowEstimate: 5_000_000 }), options);
    expect(plan.method).toBe('random-key-windows');
    const parts = plan.sql.split(' UNION ALL ').slice(1);
    expect(parts).toHaveLength(MAX_KEY_WINDOWS);
    const limits = parts.map((p) => Number(/ORDER BY piiscout_t\.`id` LIMIT (\d+)\)$/.exec(p)?.[1]));
    expect(limits.reduce((a, b) => a + b, 0)).toBe(1000);
    const starts = parts.map((p) => Number(/piiscout_t\.`id` >= piiscout_range\.lo \+ FLOOR\(piiscout_range\.span \* ([0-9.]+)\)/.exec(p)?.[1]));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts); // ascending, so windows are disjoint
    expect(starts[0]).toBeLessThan(1 / MAX_KEY_WINDOWS);
    expect(starts.at(-1)).toBeGreaterThanOrEqual((MAX_KEY_WINDOWS - 1) / MAX_KEY_WINDOWS); // spread to the end
    expect(plan.sql).not.toMatch(/ORDER BY RAND/i);
  });

  it('is repeatable for one seed and differs across seeds', () => {
    const big = table({ rowEstimate: 5_000_000 });
    expect(planMysqlSample(big, options).sql).toBe(planMysqlSample(big, options).sql);
    expect(planMysqlSample(big, { ...options, seed: 7 }).sql).not.toBe(planMysqlSample(big, options).sql);
  });

  it('falls back to a RAND(seed) filter without a single integer key, its fraction from an exact count up to 50 × rows', () => {
    for (const t of [
      table({ rowEstimate: 200_000, primaryKey: [] }),
      table({ rowEstimate: 200_000, primaryKey: ['email'] }),
      table({ rowEstimate: 200_000, primaryKey: ['id', 'email'] }),
    ]) {
      const plan = planMysqlSample(t, options);
      expect(plan.method).toBe('tablesample-bernoulli');
      expect(plan.sql).toContain(`SELECT ${rowBeyondSample} IS NULL, `);
      expect(plan.sql).toMatch(
        / WHERE RAND\(\d+\) < \(SELECT IF\(piiscout_n\.c <= 1000, 2, IF\(piiscout_n\.c < 50000, 2000 \/ piiscout_n\.c, 0\.015625000000\)\) FROM \(SELECT COUNT\(\*\) AS c FROM \(SELECT 1 FROM `shop`\.`customers` LIMIT 50000\) AS piiscout_head\) AS piiscout_n\) LIMIT 1000$/,
      );
    }
  });

  it('quotes weird schema, table and column names everywhere', () => {
    const weird = column('we`ird', 'text', 'string', 2);
    const key = column("k'ey", 'bigint(20) unsigned', 'integer', 1, true);
    const plan = planMysqlSample(
      table({ schema: 'a.b', name: 'Order Details', rowEstimate: 1e6, columns: [key, weird], primaryKey: ["k'ey"] }),
      { ...options, columns: [weird] },
    );
    expect(plan.sql).toContain('FROM `a.b`.`Order Details`');
    expect(plan.sql).toContain('CAST(`we``ird` AS CHAR)');
    expect(plan.sql).toContain("MIN(`k'ey`)");
    expect(plan.sql).toContain('piiscout_t.`we``ird`'); // qualified where the windows join the key range
  });
});

describe('sampleMysqlTable', () => {
  it('runs one query and keys values by the requested columns', async () => {
    const statements: string[] = [];
    const sample = await sampleMysqlTable(
      async (sql) => {
        statements.push(sql);
        return [
          ['1', 'a@example.com', '101'],
          ['1', null, '0'],
          ['1', 'x'.repeat(513), null],
        ];
      },
      table(),
      { ...options, columns: [photo, email, flags] },
    );
    expect(statements).toHaveLength(1);
    expect(sample.queries).toBe(1);
    expect(sample.rowsRead).toBe(3);
    expect(sample.columns.get('photo')?.skippedReason).toMatch(/binary/);
    expect(sample.columns.get('email')).toMatchObject({ nullCount: 1, truncatedCount: 1 });
    expect(sample.columns.get('email')?.values[0]).toBe('a@example.com');
    expect(sample.columns.get('flags')?.values).toEqual(['101', '0']);
    expect(sample.method).toBe('all-rows'); // the leading flag said: read whole
  });

  it('reports the planned method when the table was larger than the sample', async () => {
    const sample = await sampleMysqlTable(async () => [['0', 'a@example.com', '1']], table(), options);
    expect(sample.method).toBe('random-key-windows');
    expect(sample.columns.get('email')?.values).toEqual(['a@example.com']);
  });
});

describe('normalizeMysqlType', () => {
  it.each<[string, string, NormalizedType]>([
    ['varchar', 'varchar(255)', 'string'],
    ['longtext', 'longtext', 'string'],
    ['tinyint', 'tinyint(1)', 'boolean'],
    ['tinyint', 'tinyint(4)', 'integer'],
    ['tinyint', 'tinyint unsigned', 'integer'],
    ['bigint', 'bigint(20) unsigned', 'integer'],
    ['year', 'year(4)', 'integer'],
    ['decimal', 'decimal(10,2)', 'decimal'],
    ['double', 'double', 'float'],
    ['float', 'float', 'float'],
    ['date', 'date', 'date'],
    ['time', 'time', 'time'],
    ['datetime', 'datetime(3)', 'timestamp'],
    ['timestamp', 'timestamp', 'timestamp'],
    ['json', 'json', 'json'],
    ['varbinary', 'varbinary(16)', 'binary'],
    ['mediumblob', 'mediumblob', 'binary'],
    ['enum', "enum('a','b')", 'enum'],
    ['set', "set('x','y')", 'enum'],
    ['bit', 'bit(1)', 'other'],
    ['point', 'point', 'geometry'],
    ['geomcollection', 'geomcollection', 'geometry'],
    ['uuid', 'uuid', 'uuid'],
    ['inet4', 'inet4', 'inet'],
    ['inet6', 'inet6', 'inet'],
    ['vector', 'vector(3)', 'other'],
  ])('%s / %s → %s', (dataType, columnType, expected) => {
    expect(normalizeMysqlType(dataType, columnType)).toBe(expected);
  });

  it('treats MariaDB JSON (longtext with json_valid check) as json', () => {
    expect(normalizeMysqlType('longtext', 'longtext', true)).toBe('json');
  });
});

describe('seededRandom', () => {
  it('gives values in [0, 1) and different streams per table', () => {
    const a = seededRandom(1, 'a.t');
    const b = seededRandom(1, 'b.t');
    const xs = Array.from({ length: 100 }, a);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(b()).not.toBe(seededRandom(1, 'a.t')());
  });
});

describe('mapMysqlError', () => {
  const context = { server: 'db:3306', user: 'scanner', database: 'shop', phase: 'query' as const, table: 'shop.t' };
  const connecting = { server: 'db:3306', user: 'scanner', database: 'shop', phase: 'connect' as const };
  it.each([
    [{ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 }, 'auth'],
    [{ code: 'ER_BAD_DB_ERROR', errno: 1049 }, 'unknown-database'],
  ])('%o at connect → %s', (error, kind) => {
    expect(mapMysqlError(error, connecting).kind).toBe(kind);
  });

  it.each([
    [{ code: 'ECONNREFUSED' }, 'unreachable'],
    [{ code: 'ENOTFOUND' }, 'unreachable'],
    [{ code: 'PROTOCOL_CONNECTION_LOST' }, 'connection-lost'],
    // A view's function can SIGNAL any error number: while reading a table, none ends the whole scan.
    [{ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 }, 'query'],
    [{ code: 'ER_BAD_DB_ERROR', errno: 1049 }, 'query'],
    [{ code: 'ER_SIGNAL_EXCEPTION', errno: 1644 }, 'query'],
    [{ code: 'ER_VIEW_INVALID', errno: 1356 }, 'query'],
    [{ code: 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION', errno: 1792 }, 'query'],
    [{ code: 'ER_TABLEACCESS_DENIED_ERROR', errno: 1142 }, 'permission'],
    [{ code: 'ER_COLUMNACCESS_DENIED_ERROR', errno: 1143 }, 'permission'],
    [{ code: 'ER_QUERY_TIMEOUT', errno: 3024 }, 'timeout'],
    [{ errno: 1969 }, 'timeout'],
    [{ code: 'ER_PARSE_ERROR', errno: 1064 }, 'query'],
  ])('%o → %s', (error, kind) => {
    expect(mapMysqlError(error, context).kind).toBe(kind);
  });

  it('maps a denied default database to auth at connect and permission later', () => {
    expect(mapMysqlError({ errno: 1044 }, { ...context, phase: 'connect' }).kind).toBe('auth');
    expect(mapMysqlError({ errno: 1044 }, context).kind).toBe('permission');
  });

  it('never repeats the server message, which can carry data (SIGNAL MESSAGE_TEXT, conversion errors)', () => {
    for (const error of [
      { code: 'ER_TRUNCATED_WRONG_VALUE', errno: 1292, sqlMessage: "Truncated incorrect DOUBLE value: 'alice@example.com'" },
      { code: 'ER_SIGNAL_EXCEPTION', errno: 1644, sqlMessage: 'alice@example.com' },
      { code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, sqlMessage: 'alice@example.com' },
      { errno: 9999, sqlMessage: 'alice@example.com', message: 'alice@example.com' },
    ]) {
      const mapped = mapMysqlError(error, context);
      expect(`${mapped.message} ${mapped.hint ?? ''}`).not.toContain('alice');
      expect(mapped.message).toContain('shop.t');
    }
    expect(mapMysqlError({ code: 'ER_TRUNCATED_WRONG_VALUE', errno: 1292 }, context).message).toContain('ER_TRUNCATED_WRONG_VALUE');
  });
});
