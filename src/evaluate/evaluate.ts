/**
 * `piiscout evaluate` without the I/O: reads a scan file and a truth file (as text), matches their
 * fields, takes the predictions (ours, or a baseline's from the same field names) and scores them.
 */
import { Taxonomy } from '../fides/taxonomy.js';
import { formatFieldPath } from './field-path.js';
import { matchFields } from './match.js';
import { piicatcherCategories } from './piicatcher-baseline.js';
import { parseScanFile, type ScanField } from './scan-file.js';
import { scoreFields, type Score } from './score.js';
import { parseTruth, type TruthFormat } from './truth.js';

export const PREDICTORS = ['piiscout', 'piicatcher'] as const;
export type Predictor = (typeof PREDICTORS)[number];

export interface EvaluateInput {
  readonly scanText: string;
  readonly truthText: string;
  /** Whose predictions to score: the scan's own (`piiscout`) or a baseline's. */
  readonly predictor?: Predictor;
  /** Schema for truth fields that name none. */
  readonly schema?: string;
}

export interface EvaluationReport extends Score {
  readonly predictor: Predictor;
  readonly truthFormat: TruthFormat;
  readonly matching: {
    readonly truthFields: number;
    readonly scanFields: number;
    readonly matched: number;
    /** Truth fields the scan does not have (names only). */
    readonly truthOnly: readonly string[];
    /** Truth fields without a schema found in several scan schemas. */
    readonly ambiguous: readonly string[];
    readonly scanOnly: number;
  };
  /** Proposed keys that are not in the fideslang taxonomy (scored like any other key). */
  readonly unknownProposedKeys: readonly string[];
}

export function evaluate(input: EvaluateInput): EvaluationReport {
  const predictor = input.predictor ?? 'piiscout';
  const truth = parseTruth(input.truthText);
  const scan = parseScanFile(input.scanText);
  const match = matchFields(truth.fields, scan, { schema: input.schema });
  const predict = (field: ScanField): readonly string[] => (predictor === 'piicatcher' ? piicatcherCategories(field.path.column) : field.categories);
  const scored = match.matched.map(({ truth: t, scan: s }) => ({ path: s.path, label: t.label, proposed: predict(s) }));
  const taxonomy = Taxonomy.default();
  const unknown = [...new Set(scored.flatMap((f) => f.proposed).filter((k) => !taxonomy.has(k)))].sort();
  return {
    predictor,
    truthFormat: truth.format,
    matching: {
      truthFields: truth.fields.length,
      scanFields: scan.length,
      matched: match.matched.length,
      truthOnly: match.truthOnly.map((f) => formatFieldPath(f.path)),
      ambiguous: match.ambiguous.map((f) => formatFieldPath(f.path)),
      scanOnly: match.scanOnly.length,
    },
    unknownProposedKeys: unknown,
    ...scoreFields(scored, formatFieldPath),
  };
}
