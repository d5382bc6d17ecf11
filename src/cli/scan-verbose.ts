/**
 * `scan -v`: what each table got, one line per field, as it finishes:
 * `public.customers.email → user.contact.email (0.97)`. Names and categories only, never a value.
 */
import type { TableResult } from '../scan/scan.js';

const shown = (categories: readonly string[], confidence: number): string => `${categories.join(', ') || '(none)'} (${confidence.toFixed(2)})`;

export function fieldLines(result: TableResult): string[] {
  const table = `${result.table.schema}.${result.table.name}`;
  // A skipped table's reason is in its warning; its fields are still classified by name and type.
  const lines = [`${result.status} ${table}`];
  for (const [column, f] of result.fields) {
    lines.push(`  ${table}.${column} → ${shown(f.categories, f.confidence)}`);
    for (const nested of result.nestedFields?.get(column) ?? []) {
      lines.push(`  ${table}.${column}.${nested.path.join('.')} → ${shown(nested.classification.categories, nested.classification.confidence)}`);
    }
  }
  return lines;
}
