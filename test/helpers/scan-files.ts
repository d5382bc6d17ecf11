/** Small hand-made scan and labels files for the evaluation tests (no database needed). */
import YAML from 'yaml';

export type ScanFields = Record<string, string[]>;

/** A scan file as piiscout writes it: one dataset per schema, fields with data_categories and a piiscout record. */
export function scanYaml(schemas: Record<string, Record<string, ScanFields>>): string {
  return YAML.stringify({
    dataset: Object.entries(schemas).map(([schema, tables]) => ({
      fides_key: `db_${schema}`,
      name: schema,
      fides_meta: { namespace: { database_name: 'db', schema } },
      collections: Object.entries(tables).map(([table, fields]) => ({
        name: table,
        fields: Object.entries(fields).map(([name, categories]) => ({
          name,
          data_categories: categories,
          piiscout: { status: 'proposed', confidence: 0.9 },
        })),
      })),
    })),
  });
}

/** A labels file in the team's format (`fields:` by `schema.table.column`). */
export function labelsYaml(fields: Record<string, string | { any: string[] }>): string {
  return YAML.stringify({ corpus: 'test', fields });
}
