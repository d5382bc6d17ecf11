/** EvaluateOptions for a column of a table, as the heuristic classifier builds them. */
import type { ForeignKey } from '../../../src/core/metadata.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { prepareValues, recognizeColumn, type EvaluateOptions, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import type { Evidence } from '../../../src/classify/types.js';
import { inputsFor, type ColumnSpec } from '../classify/column-input.js';

export function optionsFor(tableName: string, spec: ColumnSpec, foreignKeys: readonly ForeignKey[] = []): EvaluateOptions {
  const input = inputsFor(tableName, [spec], foreignKeys)[0];
  return { nameTokens: tokenizeName(spec.name), column: { input, tableSubject: tableSubject(tableName) } };
}

/** Runs one recognizer over a column the way the classifier does. */
export function run(
  recognizer: ValueRecognizer,
  tableName: string,
  spec: ColumnSpec & { values: readonly string[] },
  foreignKeys: readonly ForeignKey[] = [],
): Evidence[] {
  return recognizeColumn(recognizer, prepareValues(spec.values), optionsFor(tableName, spec, foreignKeys));
}

/** Reasons must never contain a sampled value. */
export function reasonsFreeOf(evidence: readonly Evidence[], values: readonly string[]): boolean {
  const text = evidence.map((e) => e.reason).join('\n');
  return values.every((v) => v.length < 4 || !text.includes(v));
}
