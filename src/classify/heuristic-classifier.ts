/**
 * The heuristic column classifier: column-name rules, identifier rules (PK/FK to people), SQL type
 * rules and value recognizers, combined per field. Pure and synchronous at heart; no I/O.
 */
import type { ColumnClassifier, ColumnInput, CombineContext, Evidence, Factor, FieldClassification } from './types.js';
import { combineEvidence, DEFAULT_COMBINE_CONFIG, explainFallback, type CombineConfig } from './combine.js';
import { identifierEvidence } from './name/identifier-rules.js';
import { nameEvidence, NAME_RULES, type NameRule } from './name/name-rules.js';
import { tableSubjectWithColumns, tableWords, type TableSubject } from './name/table-context.js';
import { tableLanguages } from './name/language-signal.js';
import type { TableMetadata } from '../core/metadata.js';
import { contextWords, tokenizeName } from './name/tokenize.js';
import { DEFAULT_MIN_VALUES, prepareValues, recognizeColumn, type ValueRecognizer } from './recognizers/recognizer.js';
import { builtinRecognizers } from './recognizers/registry.js';
import { cjkCharactersAtLeast, hasWordRuns } from './recognizers/text.js';
import { typeEvidence } from './type-rules.js';
import { EMPTY_COLUMN_MIN_ROWS, subjectEvidence, type SubjectFindings } from './subject/evidence.js';
import type { TableGraphContext } from './subject/types.js';

export interface HeuristicClassifierOptions {
  /** Below this confidence a field becomes system.operations (default 0.5). */
  readonly threshold?: number;
  readonly weights?: Partial<Record<Factor, number>>;
  /** Full combine configuration; `threshold` and `weights` override it. */
  readonly combine?: Partial<CombineConfig>;
  /** Value recognizers to run (default: all built-in). */
  readonly recognizers?: readonly ValueRecognizer[];
  /** Value recognizers the config file adds, run after `recognizers`. */
  readonly configRecognizers?: readonly ValueRecognizer[];
  /**
   * Evidence sources the config file declared (its recognizers and name rules). The column model's
   * "not personal" vote does not count against them where they found something (see ml-classifiers.ts).
   */
  readonly configSources?: readonly string[];
  /** Recognizer ids to skip. */
  readonly disabledRecognizers?: readonly string[];
  /**
   * Lowercase ISO 3166-1 country codes: country-specific recognizers (those that declare a `country`)
   * run only for these. Default: all of them.
   */
  readonly locales?: readonly string[];
  /** Fewer non-null sampled values than this → no values factor (default 3). */
  readonly minValues?: number;
  /** Column-name rules to apply (default: the built-in NAME_RULES; config adds and removes rules). */
  readonly nameRules?: readonly NameRule[];
  /** More evidence per column from outside the rules (the column model), one list per input, in order. */
  readonly extraEvidence?: (inputs: readonly ColumnInput[]) => Promise<readonly (readonly Evidence[])[]>;
  /** Replaces the final combination step (the model uses it to limit how far it may overrule the rules). */
  readonly combineEvidence?: (evidence: readonly Evidence[], config: CombineConfig, context?: CombineContext) => FieldClassification;
}

interface TableContext {
  readonly subject: TableSubject;
  readonly because?: string;
  readonly languages: readonly string[];
  /** The table's meaningful words, singular (`order` of `orders`). */
  readonly words: readonly string[];
}

/** Share of values with three words or more, and mean length, from which values read as free text. */
const FREE_TEXT_SHARE = 0.3;
const FREE_TEXT_MEAN_LENGTH = 25;
const MIN_VALUES_FOR_TEXT = 3;

/** Characters of scripts written without spaces: this many in a value make a sentence. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const CJK_SENTENCE = 8;
const CJK_MEAN_LENGTH = 10;

/** Whether sampled values read as sentences; undefined with too few values to say. */
function freeText(values: readonly string[] | undefined): boolean | undefined {
  const present = values?.filter((v) => v.trim() !== '');
  if (!present || present.length < MIN_VALUES_FOR_TEXT) return undefined;
  let sentences = 0;
  let cjk = 0;
  let length = 0;
  for (const v of present) {
    // Without the split and match lists (text.ts): this runs over every value of the columns the graph asks about.
    const spaced = hasWordRuns(v, 3);
    const script = cjkCharactersAtLeast(v, CJK, CJK_SENTENCE);
    if (spaced || script) sentences++;
    if (script) cjk++;
    length += v.length;
  }
  const mean = length / present.length;
  return sentences >= present.length * FREE_TEXT_SHARE && mean >= (cjk > sentences / 2 ? CJK_MEAN_LENGTH : FREE_TEXT_MEAN_LENGTH);
}

/** Rows were sampled and the column held no value in any of them (not a column that was not sampled). */
function emptyInSample(input: ColumnInput): boolean {
  const sample = input.sample;
  return sample !== undefined && sample.skippedReason === undefined && sample.values.length === 0 && input.rowsSampled >= EMPTY_COLUMN_MIN_ROWS;
}

/**
 * The table's subject for the name rules, raised by the graph: a table the graph found to hold people
 * (by its columns or values) reads as people, a person's attribute table and a row that carries a
 * person's details (an order with the buyer's phone and address) as person-related, so `name`,
 * `state` or `title` read there as the person's. (Other rows that belong to a person keep their own
 * subject: a status's `language` or a reaction's `name` are not the person's.)
 */
function graphSubject(named: TableContext, graph: TableGraphContext | undefined): { subject: TableSubject; because?: string } {
  if (!graph) return named;
  if (graph.person && named.subject !== 'person') return { subject: 'person', because: graph.person.because };
  if (named.subject === 'person' || named.subject === 'person-related') return named;
  if (graph.attributeOf) return { subject: 'person-related', because: `its rows are a person's (${graph.attributeOf.path})` };
  if (graph.carriesPersonDetails && graph.linked) return { subject: 'person-related', because: `its rows carry a person's details (${graph.linked.path})` };
  return named;
}

export function createHeuristicClassifier(options: HeuristicClassifierOptions = {}): ColumnClassifier {
  const config: CombineConfig = {
    ...DEFAULT_COMBINE_CONFIG,
    ...options.combine,
    weights: { ...DEFAULT_COMBINE_CONFIG.weights, ...options.combine?.weights, ...options.weights },
    threshold: options.threshold ?? options.combine?.threshold ?? DEFAULT_COMBINE_CONFIG.threshold,
  };
  const disabled = new Set(options.disabledRecognizers ?? []);
  const countries = options.locales ? new Set(options.locales) : undefined;
  const recognizers = [...(options.recognizers ?? builtinRecognizers), ...(options.configRecognizers ?? [])].filter(
    (r) => !disabled.has(r.id) && (!countries || r.country === undefined || countries.has(r.country)),
  );
  // The subject by the table's name, or for an unclear name by its columns (an `email` column says
  // people), and the languages of its names (clearly Turkish names let Turkish `ad` count). Weak: a
  // classifier that lives for a whole scan (or a worker's, which gets fresh copies of each table
  // with every batch) must not keep every table it has seen.
  const contexts = new WeakMap<TableMetadata, TableContext>();
  const contextOf = (table: TableMetadata) => {
    let context = contexts.get(table);
    if (context === undefined) {
      const names = table.columns.map((c) => c.name);
      const languages = tableLanguages(table.name, names);
      contexts.set(table, (context = { ...tableSubjectWithColumns(table.name, names, languages), languages, words: tableWords(table.name) }));
    }
    return context;
  };

  function classifyColumn(input: ColumnInput, extra: readonly Evidence[] = []): FieldClassification {
    const { column, table } = input;
    const named = contextOf(table);
    const { languages } = named;
    const { subject, because: subjectBecause } = graphSubject(named, input.subject);
    const tokens = tokenizeName(column.name, languages);
    const graph: SubjectFindings | undefined = input.subject
      ? subjectEvidence({
          context: input.subject,
          table,
          column,
          tokens,
          languages,
          nameRules: options.nameRules,
          ownWords: named.words,
          freeTextValues: () => freeText(input.sample?.values),
          emptyInSample: emptyInSample(input),
          namesOnly: input.rowsSampled === 0,
        })
      : undefined;
    const evidence: Evidence[] = [
      ...nameEvidence(
        {
          columnName: column.name,
          tokens,
          tableName: table.name,
          tableSubject: subject,
          subjectBecause,
          columnComment: column.comment,
          tableComment: table.comment,
          languages,
        },
        options.nameRules ?? NAME_RULES,
      ),
      // Where the graph resolved the column as a reference, it says what is at the other end.
      ...(graph?.reference ? [] : identifierEvidence(input, tokens, graph !== undefined)),
      ...(graph?.evidence ?? []),
      ...typeEvidence(column),
      ...extra,
      // The engine's own classifier (e.g. Snowflake SYSTEM$CLASSIFY, opt-in) speaks as a model.
      ...(input.sample?.engineVerdicts ?? []).map((v): Evidence => ({ factor: 'model', ...v })),
    ];
    const values = input.sample?.values;
    let judgedValues = 0;
    if (values && values.length > 0) {
      const vetoed = new Set(evidence.filter((e) => e.veto).map((e) => e.category));
      const prepared = prepareValues(values);
      if (prepared.total >= Math.max(1, options.minValues ?? DEFAULT_MIN_VALUES)) judgedValues = prepared.total;
      const columnContext = { input, tableSubject: subject };
      const nameTokens = contextWords(column.name);
      const evaluate = { nameTokens, minValues: options.minValues, column: columnContext };
      for (const recognizer of recognizers) {
        // A vetoed category cannot win, so its (possibly expensive) recognizer need not run.
        if (vetoed.has(recognizer.category)) continue;
        for (const found of recognizeColumn(recognizer, prepared, evaluate)) evidence.push(found);
      }
    }
    const result = (options.combineEvidence ?? combineEvidence)(evidence, config, graph?.combine);
    return explainFallback(result, { type: column.rawType, judgedValues }, config);
  }

  return {
    id: 'heuristic',
    classify: async (inputs) => {
      const extra = options.extraEvidence ? await options.extraEvidence(inputs) : [];
      return inputs.map((input, i) => classifyColumn(input, extra[i]));
    },
  };
}
