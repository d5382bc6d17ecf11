/**
 * The worker-thread classifier as `piiscout scan` runs it: the built workers (dist/, build with
 * `npx tsc -p tsconfig.json`; under vitest the TypeScript sources have no worker beside them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableMetadata } from '../../src/core/metadata.js';
import type { ColumnInput } from '../../src/classify/types.js';
import { createHeuristicClassifier } from '../../src/classify/heuristic-classifier.js';
import { classifierOptionsFromConfig } from '../../src/config/custom-recognizers.js';
import { parseConfig } from '../../src/config/load-config.js';

type ParallelModule = typeof import('../../src/classify/parallel-classifier.js');
const built = path.resolve(import.meta.dirname, '../../dist/src/classify/parallel-classifier.js');

const COLUMNS: [string, (i: number) => string][] = [
  ['email', (i) => `user${i}@example.com`],
  ['phone', (i) => `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`],
  ['first_name', (i) => ['Anna', 'Bruno', 'Chloe', 'Dmitri', 'Emma'][i % 5]],
  ['status', (i) => ['open', 'paid', 'shipped'][i % 3]],
  ['notes', (i) => `call Anna Smith on ${i}`],
];

/** Tables named so their subjects differ (people, orders, unclear), one batch per table. */
function batches(count: number): ColumnInput[][] {
  return Array.from({ length: count }, (_, t) => {
    const name = ['customers', 'orders', 't'][t % 3] + t;
    const columns = COLUMNS.slice(0, 2 + (t % 4)).map(([column], k) => ({
      name: column,
      ordinal: k + 1,
      rawType: 'text',
      normalizedType: 'string' as const,
      isArray: false,
      isNullable: true,
      isPrimaryKey: false,
    }));
    const table: TableMetadata = { schema: 'public', name, kind: 'table', columns, primaryKey: [], foreignKeys: [] };
    const database = { engine: 'postgres' as const, database: 'shop', schemas: ['public'], tables: [table] };
    return columns.map((column, k) => ({
      database,
      table,
      column,
      sample: { values: Array.from({ length: 50 }, (_, i) => COLUMNS[k][1](i + t)), nullCount: 0, truncatedCount: 0 },
      rowsSampled: 50,
    }));
  });
}

describe.skipIf(!fs.existsSync(built))('parallel classifier (built workers)', () => {
  it.each([1, 2])('classifies batch after batch on %i worker thread(s) exactly as in this thread', async (workers) => {
    const { createParallelClassifier } = (await import(built)) as ParallelModule;
    const all = batches(30);
    const expected = await Promise.all(all.map((b) => createHeuristicClassifier().classify(b)));
    const parallel = createParallelClassifier({ workers, ml: false });
    try {
      // Four tables in flight, as a scan has them.
      const got: unknown[] = new Array(all.length);
      let next = 0;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (next < all.length) {
          const i = next++;
          got[i] = await parallel.classify(all[i]);
        }
      }));
      expect(got).toEqual(expected);
    } finally {
      await parallel.close();
    }
  });

  it('classifies in this thread, with the same results, when the workers run out of memory', async () => {
    const { createParallelClassifier } = (await import(built)) as ParallelModule;
    const all = batches(6);
    const expected = await Promise.all(all.map((b) => createHeuristicClassifier().classify(b)));
    // Too small an old generation to even load the classifier: every worker dies of it.
    const parallel = createParallelClassifier({ workers: 2, ml: false, workerResourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    try {
      const first = await Promise.all(all.slice(0, 3).map((b) => parallel.classify(b))); // sent before the workers died
      await new Promise((r) => setTimeout(r, 500));
      const later = await Promise.all(all.slice(3).map((b) => parallel.classify(b)));
      expect([...first, ...later]).toEqual(expected);
    } finally {
      await parallel.close();
    }
  });

  it('workers classify with the parsed config they are sent (no file to read: the scan parsed it once)', async () => {
    const { createParallelClassifier } = (await import(built)) as ParallelModule;
    const config = parseConfig(
      [
        'classification:',
        '  categories: [{key: user.employee_badge, name: Employee badge, description: Badge numbers, parent: user}]',
        '  recognizers:',
        "    - {id: badge, category: user.employee_badge, value_patterns: [{name: badge, regex: 'EMP-\\d{6}', score: 0.95}]}",
      ].join('\n'),
      // A name only for error messages: no such file exists, the workers get the data.
      path.join(import.meta.dirname, 'no-such-config.yml'),
    );
    const table: TableMetadata = {
      schema: 'public',
      name: 'staff',
      kind: 'table',
      columns: [{ name: 'code', ordinal: 1, rawType: 'text', normalizedType: 'string', isArray: false, isNullable: true, isPrimaryKey: false }],
      primaryKey: [],
      foreignKeys: [],
    };
    const database = { engine: 'postgres' as const, database: 'shop', schemas: ['public'], tables: [table] };
    const values = Array.from({ length: 50 }, (_, i) => `EMP-${100000 + i}`);
    const batch: ColumnInput[] = [{ database, table, column: table.columns[0], sample: { values, nullCount: 0, truncatedCount: 0 }, rowsSampled: 50 }];
    const expected = await createHeuristicClassifier(classifierOptionsFromConfig(config)).classify(batch);
    expect(expected[0].categories).toEqual(['user.employee_badge']);
    const parallel = createParallelClassifier({ workers: 1, ml: false, config });
    try {
      expect(await parallel.classify(batch)).toEqual(expected);
    } finally {
      await parallel.close();
    }
  });
});
