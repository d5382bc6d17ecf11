/** Where a field lives: schema (when known), table (Fides collection) and column (field name). */
export interface FieldPath {
  /** Undefined when the source does not say (a Fides dataset without `fides_meta.namespace.schema`). */
  readonly schema?: string;
  readonly table: string;
  readonly column: string;
}

export function formatFieldPath(path: FieldPath): string {
  return `${path.schema ?? '*'}.${path.table}.${path.column}`;
}
