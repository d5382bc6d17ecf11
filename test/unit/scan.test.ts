import { describe, expect, it } from 'vitest';
import type { Connector, SampleOptions } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import type { ColumnClassifier } from '../../src/classify/types.js';
import { createTableFilter } from '../../src/scan/filters.js';
import { runScan, type ScanOptions, type TableResult } from '../../src/scan/scan.js';

function makeTable(i: number): TableMetadata {
  return {
    schema: 'public',
    name: `t${String(i).padStart(2, '0')}`,
    kind: 'table',
    columns: ['id', 'email'].map((name, k) => ({
      name,
      ordinal: k + 1,
      rawType: 'text',
      normalizedType: 'string' as const,
      isArray: false,
      isNullable: true,
      isPrimaryKey: k === 0,
    })),
    primaryKey: ['id'],
    foreignKeys: [],
  };
}

interface FakeOptions {
  readonly tables: number;
  /** Sampling time per table name, default 1 ms. */
  readonly delay?: (name: string) => number;
  readonly fail?: (name: string) => Error | undefined;
}

function fakeConnector(options: FakeOptions): Connector & { sampled: string[]; maxInFlight: number } {
  const tables = Array.from({ length: options.tables }, (_, i) => makeTable(i));
  let inFlight = 0;
  const connector = {
    engine: 'sqlite' as const,
    displayName: 'fake',
    sampled: [] as string[],
    maxInFlight: 0,
    connect: async () => undefined,
    close: async () => undefined,
    introspect: async (): Promise<DatabaseMetadata> => ({ engine: 'sqlite', database: 'fake', schemas: ['public'], tables }),
    sample: async (table: TableMetadata, sampleOptions: SampleOptions): Promise<TableSample> => {
      connector.sampled.push(table.name);
      connector.maxInFlight = Math.max(connector.maxInFlight, ++inFlight);
      try {
        await new Promise((r) => setTimeout(r, options.delay?.(table.name) ?? 1));
        const error = options.fail?.(table.name);
        if (error) throw error;
        const values = [`${table.name}@example.com`];
        return {
          method: 'all-rows',
          rowsRead: 1,
          queries: 1,
          columns: new Map(sampleOptions.columns.map((c) => [c.name, { values, nullCount: 0, truncatedCount: 0 }])),
        };
      } finally {
        inFlight--;
      }
    },
  };
  return connector;
}

/** A classifier whose proposal names the table and column, so results can be checked per field. */
const classifier: ColumnClassifier = {
  id: 'fake',
  classify: async (inputs) =>
    inputs.map((input) => ({
      categories: ['user.contact.email'],
      confidence: input.sample ? 0.9 : 0.1,
      alternatives: [],
      factors: { name: 0.5 },
      evidence: [{ factor: 'name', category: 'user.contact.email', score: 0.5, source: 'fake', reason: `${input.table.name}.${input.column.name}` }],
    })),
};

function options(overrides: Partial<ScanOptions> = {}): ScanOptions {
  return { sampleSize: 10, concurrency: 3, includeViews: false, maxValueLength: 100, seed: 1, filter: createTableFilter(), classifier, ...overrides };
}

const reasonOf = (t: TableResult, column: string): string | undefined => t.fields.get(column)?.evidence[0]?.reason;

describe('runScan', () => {
  it('scans every table at most `concurrency` at a time and returns them in table order', async () => {
    // Uneven sampling times: tables finish out of order.
    const connector = fakeConnector({ tables: 12, delay: (name) => (Number(name.slice(1)) % 4) * 3 });
    const done: string[] = [];
    const result = await runScan(connector, options({ onTableResult: (r) => done.push(r.table.name) }));
    expect(result.tables.map((t) => t.table.name)).toEqual(connector.sampled.slice().sort());
    expect(connector.sampled).toHaveLength(12);
    expect(connector.maxInFlight).toBe(3);
    expect(done.slice().sort()).toEqual(result.tables.map((t) => t.table.name));
    for (const t of result.tables) {
      expect(t.status).toBe('scanned');
      expect([...t.fields.keys()]).toEqual(['id', 'email']);
      expect(reasonOf(t, 'email')).toBe(`${t.table.name}.email`);
      expect(t.fields.get('id')?.confidence).toBe(0.9);
    }
  });

  it('records a table-level failure as a skipped table and carries on', async () => {
    const connector = fakeConnector({ tables: 4, fail: (name) => (name === 't01' ? new ConnectorError('permission', 'no access to t01') : undefined) });
    const result = await runScan(connector, options());
    expect(result.tables.map((t) => t.status)).toEqual(['scanned', 'skipped', 'scanned', 'scanned']);
    expect(result.tables[1].issue).toMatchObject({ kind: 'permission', message: 'no access to t01' });
    expect(result.tables[1].fields.get('email')?.confidence).toBe(0.1);
  });

  it('on a fatal error scans the other tables, then throws the failure of the first failing table', async () => {
    // t05 fails first in time, t02 later: the error of t02 (earlier in table order) is thrown.
    const connector = fakeConnector({
      tables: 8,
      delay: (name) => (name === 't02' ? 30 : 1),
      fail: (name) => (name === 't02' || name === 't05' ? new Error(`broken ${name}`) : undefined),
    });
    const done: string[] = [];
    await expect(runScan(connector, options({ onTableResult: (r) => done.push(r.table.name) }))).rejects.toThrow('broken t02');
    expect(done.sort()).toEqual(['t00', 't01', 't03', 't04', 't06', 't07']);
  });

  it('on abort finishes the tables in flight, starts no other, and throws the reason', async () => {
    const abort = new AbortController();
    const connector = fakeConnector({ tables: 10, delay: () => 20 });
    const done: string[] = [];
    const scan = runScan(
      connector,
      options({
        concurrency: 2,
        signal: abort.signal,
        onTableResult: (r) => {
          done.push(r.table.name);
          abort.abort(new Error('stop'));
        },
      }),
    );
    await expect(scan).rejects.toThrow('stop');
    expect(connector.sampled).toEqual(['t00', 't01']);
    expect(done.sort()).toEqual(['t00', 't01']);
  });

  it('reuses finished tables of a checkpoint without sampling them, and rescans a changed one', async () => {
    const first = await runScan(fakeConnector({ tables: 3 }), options());
    const changed = { ...first.tables[2], columns: first.tables[2].columns.slice(0, 1) };
    const finished = new Map([
      ['public.t00', first.tables[0]],
      ['public.t02', changed],
    ]);
    const connector = fakeConnector({ tables: 3 });
    const resumed = await runScan(connector, options({ finished }));
    expect(connector.sampled).toEqual(['t01', 't02']);
    expect(resumed.tables.map((t) => t.queries)).toEqual([0, 1, 1]);
    expect(reasonOf(resumed.tables[0], 'email')).toBe('t00.email');
    expect([...resumed.tables[2].fields.keys()]).toEqual(['id', 'email']);
  });
});
