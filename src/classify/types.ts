/**
 * Classification types shared by recognizers, the combiner, the model and the YAML writer.
 * Scoring follows datahub-classify: each candidate category gets per-factor scores, combined with
 * weights renormalised over the factors that had input; the breakdown is kept as evidence.
 */
import type { ColumnMetadata, DatabaseMetadata, TableMetadata } from '../core/metadata.js';
import type { ColumnSample } from '../core/sample.js';
import type { TableGraphContext } from './subject/types.js';

/**
 * The independent kinds of signal. `subject`: what the subject graph says about the column's row (it
 * belongs to a person; it references a person; it is a code of a clinical row; see classify/subject/).
 */
export type Factor = 'name' | 'values' | 'type' | 'model' | 'subject';

/** One signal for one category. `reason` is plain language and never contains a sampled value. */
export interface Evidence {
  readonly factor: Factor;
  /** A fideslang data category key, e.g. `user.contact.email`. */
  readonly category: string;
  /** Strength of this signal for the category, 0..1. Negative evidence uses `veto`. */
  readonly score: number;
  /** Recognizer or model id (`email`, `name-rules`, `column-model@1.1.0`). */
  readonly source: string;
  /** e.g. "column name token 'email'", "97% of 200 sampled values are valid email addresses". */
  readonly reason: string;
  /** True when this signal rules the category out (e.g. a boolean column cannot hold emails). */
  readonly veto?: boolean;
  /**
   * True for evidence that only supports what the column name says (values of an id's shape that fail
   * its checksum): it counts only when name evidence gives the same category a positive score.
   */
  readonly corroborating?: boolean;
  /**
   * True for evidence about what a code stands for (`gender_concept_id` → the person's gender): the
   * column's type and the shape of its values (integers) do not rule such a category out.
   */
  readonly coded?: boolean;
}

/** Everything a classifier may look at for one column. */
export interface ColumnInput {
  readonly database: DatabaseMetadata;
  readonly table: TableMetadata;
  readonly column: ColumnMetadata;
  /** Undefined when the table could not be sampled (permission, timeout) or sampling was skipped. */
  readonly sample?: ColumnSample;
  /** Rows read for the table (0 for an empty table). */
  readonly rowsSampled: number;
  /**
   * What the subject graph says about the column's table (one object shared by the table's columns);
   * absent when the caller built no graph (a single column, nested JSON paths): then the rules read
   * the table alone, as before the graph.
   */
  readonly subject?: TableGraphContext;
}

/** What the row of a field is, for the combination policy (combine.ts); from the subject graph. */
export interface CombineContext {
  /** Why the field's row is a person's: its table holds people or a person's attributes, or belongs to one. */
  readonly personRows?: string;
  /** The row is the person's own (a person table or a person's attribute table), not a row that belongs to one. */
  readonly ownRow?: boolean;
  /** The table holds no people (confidence 0..1): contact details in it are damped. */
  readonly notPerson?: { readonly score: number; readonly because: string };
  /**
   * The column keeps the record (`date_created`, `voided`, `uuid`, the row's own key): what it holds is
   * the application's, not the person's. `strict` for a row's own surrogate key.
   */
  readonly recordKeeping?: { readonly because: string; readonly strict: boolean };
}

export interface ScoredCategory {
  readonly category: string;
  readonly confidence: number;
  /** Per-factor scores that went into `confidence` (only factors that had input). */
  readonly factors: Partial<Record<Factor, number>>;
}

/** The machine proposal for one field. */
export interface FieldClassification {
  /** What goes into `data_categories` (one, or several when the column truly holds several). */
  readonly categories: readonly string[];
  /** Confidence of the proposal, 0..1. */
  readonly confidence: number;
  /** Runners-up, best first. */
  readonly alternatives: readonly ScoredCategory[];
  /** Per-factor breakdown of the chosen categories. */
  readonly factors: Partial<Record<Factor, number>>;
  /**
   * The weight each factor of `factors` had, so that a reviewer can recompute the confidence:
   * Σ weight·score / Σ weight (then the policy steps its evidence names: a cap, a damping, a rescue).
   */
  readonly weights?: Partial<Record<Factor, number>>;
  /** All signals that supported the chosen categories (and notable ones against). */
  readonly evidence: readonly Evidence[];
}

export interface ColumnClassifier {
  readonly id: string;
  /** Classifies a batch of columns; returns one result per input, in order. Pure: no I/O. */
  classify(inputs: readonly ColumnInput[]): Promise<FieldClassification[]>;
}
