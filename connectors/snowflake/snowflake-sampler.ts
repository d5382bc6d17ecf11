/**
 * Samples one Snowflake table with one `SELECT … SAMPLE (n ROWS)`; every value comes back as text.
 * VARIANT/OBJECT/ARRAY columns come back as JSON text, read longer: the scan proposes their stable
 * keys as nested fields, as for every engine (src/core/json-documents.ts). With
 * --use-snowflake-classify, one SYSTEM$CLASSIFY call per table adds Snowflake's own verdicts.
 */
import type { SampleOptions } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import { buildColumnSamples, type ColumnSample, type EngineVerdict, type TableSample, splitSampledColumns, valueLengths } from '../../src/core/sample.js';
import { parseClassifyResult } from './snowflake-classify.js';
import type { SnowflakeQueryable } from './snowflake-session.js';
import { classifySql, sampleSql } from './snowflake-sql.js';

export const BINARY_SKIPPED = 'binary column: values not sampled';
export const GEOMETRY_SKIPPED = 'geography/geometry column: values not sampled';

export function skipReason(column: Pick<ColumnMetadata, 'normalizedType'>): string | undefined {
  if (column.normalizedType === 'binary') return BINARY_SKIPPED;
  if (column.normalizedType === 'geometry') return GEOMETRY_SKIPPED;
  return undefined;
}

export interface SnowflakeSamplerOptions {
  /** The resolved database name (from CURRENT_DATABASE()). */
  readonly database: string;
  readonly useSnowflakeClassify: boolean;
}

export class SnowflakeSampler {
  readonly #db: SnowflakeQueryable;
  readonly #options: SnowflakeSamplerOptions;

  constructor(db: SnowflakeQueryable, options: SnowflakeSamplerOptions) {
    this.#db = db;
    this.#options = options;
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    const names = options.columns.map((c) => c.name);
    const { selected, skipped } = splitSampledColumns(options.columns, skipReason);
    if (selected.length === 0 || options.rows <= 0) {
      return { method: 'limit', rowsRead: 0, columns: buildColumnSamples(names, [], valueLengths(options.columns, options.maxValueLength), skipped), queries: 0 };
    }

    const rows = await this.#db.queryArrays(sampleSql(this.#options.database, table, selected, options.rows, options.maxValueLength));
    let queries = 1;
    const position = new Map(selected.map((c, i) => [c.name, i]));
    const fullRows = rows.map((row) => names.map((name) => (position.has(name) ? row[position.get(name)!] : null)));
    const columns = buildColumnSamples(names, fullRows, valueLengths(options.columns, options.maxValueLength), skipped);

    if (this.#options.useSnowflakeClassify && table.kind === 'table') {
      const verdicts = await this.#classify(table, options.rows);
      queries++;
      for (const [name, list] of verdicts) {
        const sample = columns.get(name);
        if (sample && !sample.skippedReason) columns.set(name, { ...sample, engineVerdicts: list } satisfies ColumnSample);
      }
    }

    const method = table.kind === 'table' ? 'tablesample-bernoulli' : 'limit';
    return {
      method: rows.length < options.rows ? 'all-rows' : method,
      rowsRead: rows.length,
      columns,
      queries,
    };
  }

  async #classify(table: TableMetadata, sampleCount: number): Promise<Map<string, EngineVerdict[]>> {
    try {
      const [row] = await this.#db.queryArrays(classifySql(this.#options.database, table, sampleCount));
      return parseClassifyResult(row?.[0]);
    } catch (error) {
      // Asked for explicitly, so its failure is reported (the table is listed as skipped), not hidden.
      const code = (error as { code?: unknown })?.code;
      throw new ConnectorError('query', `SYSTEM$CLASSIFY failed (${String(code ?? 'no code')}) for ${table.schema}.${table.name}`, {
        hint: 'The role needs the privileges SYSTEM$CLASSIFY requires; or scan without --use-snowflake-classify.',
        code: code === undefined ? undefined : String(code),
        cause: error,
      });
    }
  }
}
