/** The generator's output: one table's rows in column order, ready for a multi-row INSERT. */

export type DemoValue = string | number | boolean | null;

export interface DemoTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly DemoValue[])[];
}

/** Turns records into a DemoTable; every record must have exactly the keys of the first, in any order. */
export function toDemoTable(schema: string, name: string, records: readonly Record<string, DemoValue>[]): DemoTable {
  if (records.length === 0) throw new Error(`Demo table ${schema}.${name} has no rows`);
  const columns = Object.keys(records[0]);
  const rows = records.map((record, index) => {
    const keys = Object.keys(record);
    if (keys.length !== columns.length || columns.some((column) => !(column in record))) {
      throw new Error(`Demo table ${schema}.${name}: row ${index} has columns ${keys.join(',')}, expected ${columns.join(',')}`);
    }
    return columns.map((column) => record[column]);
  });
  return { schema, name, columns, rows };
}
