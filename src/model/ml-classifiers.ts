/**
 * Classifiers that use the column model: heuristics with the model as one more weighted factor (the
 * default of `piiscout scan`), and the model alone (for evaluation: `--ml-only`).
 */
import { combineEvidence, type CombineConfig } from '../classify/combine.js';
import { createHeuristicClassifier, type HeuristicClassifierOptions } from '../classify/heuristic-classifier.js';
import type { ColumnClassifier, ColumnInput, Evidence, FieldClassification } from '../classify/types.js';
import type { ColumnModel } from './model-classifier.js';
import { CATEGORY } from '../classify/categories.js';

/** Fewer sampled values than this: the model, which then sees only name and type, stays silent (the name rules know names better). */
const MIN_VALUES_FOR_MODEL = 3;
/**
 * The model's weight against name 0.35 / values 0.5 / type 0.15. Chosen on the labelled corpora
 * (0.35, the combine default, lost 4 fields to the rules there; see training/README.md), so those
 * corpora are not an unbiased test of this one number.
 */
const MODEL_WEIGHT = 0.2;
/**
 * The model speaks for a category only where it is confident. Its silence about a category the rules
 * found is not a vote against it (unlike a column name that names something else): the model was
 * trained on generated columns only, and a low probability on a real schema says more about the
 * training data than about the column.
 */
const MODEL_MIN_PROBABILITY = 0.8;
/**
 * Whether an id identifies a person, or a link is a person's, is a fact about the schema (keys, what the
 * table holds), which the identifier rules and the URL recognizer read; the model sees one column and
 * would call every `*Id` key personal and every link a personal website.
 */
const RELATIONAL: ReadonlySet<string> = new Set([CATEGORY.uniqueId, CATEGORY.url]);

/**
 * The model may turn a weak personal proposal of the rules into "not personal" (an order number that
 * looks like a phone number), but not a confident one: rules that validated personal data in the values
 * (a notes column where 40% of texts hold an email) know more about this column than a model trained on
 * generated data.
 */
const MODEL_OVERRULE_LIMIT = 0.7;

export function combineWithModel(evidence: readonly Evidence[], config: CombineConfig): FieldClassification {
  const combined = combineEvidence(evidence, config);
  if (combined.categories.some(isPersonal)) return combined;
  const rulesOnly = combineEvidence(
    evidence.filter((e) => e.factor !== 'model'),
    config,
  );
  if (!rulesOnly.categories.some(isPersonal) || rulesOnly.confidence < MODEL_OVERRULE_LIMIT) return combined;
  const modelSaid = evidence.filter((e) => e.factor === 'model' && e.category === CATEGORY.operations);
  return {
    ...rulesOnly,
    evidence: [
      ...rulesOnly.evidence,
      ...modelSaid.map((e) => ({ ...e, reason: `${e.reason}; not enough to overrule the rules' confident proposal` })),
    ],
  };
}

const isPersonal = (category: string): boolean => category === 'user' || category.startsWith('user.');

/** The model's evidence per input, filtered to what may speak beside the rules (one list per input, in order). */
export function modelExtraEvidence(model: ColumnModel, options: HeuristicClassifierOptions = {}): (inputs: readonly ColumnInput[]) => Promise<Evidence[][]> {
  return async (inputs) => {
    const sampled = inputs.map((input) => (input.sample?.values.length ?? 0) >= (options.minValues ?? MIN_VALUES_FOR_MODEL));
    const asked = inputs.filter((_, i) => sampled[i]);
    const answers = asked.length > 0 ? await model.evidence(asked) : [];
    let next = 0;
    // Categories the user added in config are unknown to the model: it must not vote "not personal"
    // over a recognizer it cannot know about.
    const known = new Set(model.labels());
    const userCategories = (options.recognizers ?? []).some((r) => known.size > 0 && !known.has(r.category));
    const keep = (e: Evidence): boolean =>
      e.score >= MODEL_MIN_PROBABILITY && !(userCategories && e.category === CATEGORY.operations) && !RELATIONAL.has(e.category);
    return sampled.map((s) => (s ? answers[next++].filter(keep) : []));
  };
}

/** The heuristic options of rules + model, given where the model's evidence comes from (reused by the classify worker). */
export function combinedHeuristicOptions(
  options: HeuristicClassifierOptions,
  extraEvidence: NonNullable<HeuristicClassifierOptions['extraEvidence']>,
): HeuristicClassifierOptions {
  return {
    ...options,
    weights: { model: MODEL_WEIGHT, ...options.weights },
    combine: { exhaustiveFactors: ['name'], ...options.combine },
    extraEvidence,
    combineEvidence: combineWithModel,
  };
}

export function createCombinedClassifier(model: ColumnModel, options: HeuristicClassifierOptions = {}): ColumnClassifier {
  const heuristic = createHeuristicClassifier(combinedHeuristicOptions(options, modelExtraEvidence(model, options)));
  return { id: 'heuristic+model', classify: (inputs) => heuristic.classify(inputs) };
}

export function createModelOnlyClassifier(model: ColumnModel): ColumnClassifier {
  return {
    id: 'model',
    classify: async (inputs) => (await model.evidence(inputs)).map((evidence) => combineEvidence(evidence)),
  };
}
