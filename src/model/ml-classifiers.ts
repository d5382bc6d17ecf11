/**
 * Classifiers that use the column model: heuristics with the model as one more weighted factor (the
 * default of `piiscout scan`), and the model alone (for evaluation: `--ml-only`).
 */
import { combineEvidence, explainFallback, type CombineConfig } from '../classify/combine.js';
import { createHeuristicClassifier, type HeuristicClassifierOptions } from '../classify/heuristic-classifier.js';
import type { ColumnClassifier, ColumnInput, CombineContext, Evidence, FieldClassification } from '../classify/types.js';
import { abstention, isAbstention, type ColumnModel } from './model-classifier.js';
import { valueFacts, whyNotFor } from './value-guards.js';
import { CATEGORY } from '../classify/categories.js';
import { areRelatedCategories, isPersonalCategory } from '../core/personal-data.js';

/**
 * Fewer non-blank sampled values than this: the model stays silent. With only a name and a type the
 * name rules do better, and on a handful of values it is overconfident (a 4-row lookup table of
 * region words reads as first names).
 */
const MIN_VALUES_FOR_MODEL = 5;
/**
 * The model's weight against name 0.35 / values 0.5 / type 0.15 where the column name spoke. Chosen
 * on the labelled corpora (0.35, the combine default, lost 4 fields to the rules there; see
 * docs/model-card.md), so those corpora are not an unbiased test of this one number.
 */
const MODEL_WEIGHT = 0.2;
/**
 * The model speaks for a category only where it is confident. Its silence about a category the rules
 * found is not a vote against it (unlike a column name that names something else): the model was
 * trained on generated columns only, and a low probability on a real schema says more about the
 * training data than about the column.
 */
export const MODEL_MIN_PROBABILITY = 0.8;
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

/**
 * The model's weight when no name or identifier rule said anything about the column (`col_17`, a word
 * the rules do not know): the model is then the only reader of the column besides the value
 * recognizers, so it weighs as much as they do when deciding whether the column is personal. Which
 * personal category, once the rules found one by themselves, is still decided at MODEL_WEIGHT: their
 * dictionaries and validators tell a surname from a given name, or a street from a name, better than
 * value shapes do, and the model's stronger say would mostly swap right categories for wrong ones.
 */
const MODEL_WEIGHT_NAME_SILENT = 0.5;

/**
 * A vote below MODEL_MIN_PROBABILITY still counts for a personal category the values found too (the
 * recognizers' weak hit and the model's reading of the whole column agree: on the unseen corpora such
 * agreements were right about nine times in ten, see docs/model-card.md), from this strength up: the
 * strength of a calibrated probability of one half, below which the model abstains anyway.
 */
export const MODEL_CORROBORATED_MIN = 0.6;
/** Values evidence at least this strong for a category (or a broader or narrower one) corroborates the model's vote for it. */
const CORROBORATING_VALUES = 0.1;

/**
 * Rules plus model. `configSources`: evidence sources the config file declared. Where one of them found
 * something in a column, the model's "not personal" vote is dropped for that column: the model was
 * trained without the user's recognizers and cannot know what they look for. Nowhere else does a
 * config change what the model says. `context`: the subject graph's view of the row (combine.ts).
 */
export function combineWithModel(
  evidence: readonly Evidence[],
  config: CombineConfig,
  configSources?: ReadonlySet<string>,
  context?: CombineContext,
): FieldClassification {
  // The model abstained (it does not know this column): the rules decide, and the reason is shown.
  const abstained = evidence.filter(isAbstention);
  if (abstained.length > 0) {
    const result = combineWithModel(evidence.filter((e) => !isAbstention(e)), config, configSources, context);
    return { ...result, evidence: [...result.evidence, ...abstained] };
  }
  // Without a word from the model this is the rules' own combination (the common case: it is silent below 0.8).
  if (!evidence.some((e) => e.factor === 'model')) return combineEvidence(evidence, config, context);
  if (configSources && evidence.some((e) => !e.veto && e.score > 0 && configSources.has(e.source))) {
    const kept = evidence.filter((e) => !(e.factor === 'model' && e.category === CATEGORY.operations));
    if (kept.length < evidence.length) return combineWithModel(kept, config, undefined, context);
  }
  const ruleEvidence = evidence.filter((e) => e.factor !== 'model');
  const counted = evidence.filter((e) => e.factor !== 'model' || e.score >= MODEL_MIN_PROBABILITY || corroborated(e, ruleEvidence));
  if (counted.length === ruleEvidence.length) return combineEvidence(ruleEvidence, config, context);
  let rules: FieldClassification | undefined;
  const rulesOnly = (): FieldClassification => (rules ??= combineEvidence(ruleEvidence, config, context));
  const weighted =
    config.weights.model >= MODEL_WEIGHT_NAME_SILENT || ruleEvidence.some((e) => e.factor === 'name')
      ? decide(counted, config, context, rulesOnly)
      : decide(counted, { ...config, weights: { ...config.weights, model: MODEL_WEIGHT_NAME_SILENT } }, context, rulesOnly);
  return restrained(weighted, rulesOnly(), counted, config, context);
}

/** The model's vote is for a personal category the values found too, however weakly (see MODEL_CORROBORATED_MIN). */
function corroborated(vote: Evidence, ruleEvidence: readonly Evidence[]): boolean {
  return (
    vote.score >= MODEL_CORROBORATED_MIN &&
    isPersonalCategory(vote.category) &&
    ruleEvidence.some((e) => e.factor === 'values' && !e.veto && !e.corroborating && e.score >= CORROBORATING_VALUES && areRelatedCategories(e.category, vote.category))
  );
}

/**
 * The rules proposed a personal category their name or values evidence supports, and the model another one that
 * is neither broader nor narrower (a national id number read as a bank detail, a surname as a given name): the
 * rules' dictionaries and validators read that column's values, the model a shape, and on the unseen corpora such
 * swaps were wrong more often than right (docs/model-card.md). The model's disagreement then lowers the rules'
 * confidence and its category is shown as an alternative, with its reason. A more specific category (`user.name`
 * -> `user.name.last`), or one where the rules had only the subject graph's word, it may still give.
 * Likewise where the rules found nothing personal in a table that holds no people (a web site's settings, a
 * warehouse): the model reads one column, and without the values' word for its category (a site's time zone read
 * as a person's location) it does not make the organisation's data a person's. And for a category whose values
 * carry a check digit (CHECKSUMMED) that the recognizer found not even one candidate of: the model sees digits of
 * the right length, not the checksum (invoice and registry numbers read as card numbers at 1.00).
 */
function restrained(
  result: FieldClassification,
  rules: FieldClassification,
  counted: readonly Evidence[],
  config: CombineConfig,
  context: CombineContext | undefined,
): FieldClassification {
  const personal = result.categories.filter(isPersonalCategory);
  if (personal.length === 0) return result;
  const rulesPersonal = rules.categories.filter(isPersonalCategory);
  const supported = (category: string) =>
    rules.evidence.some((e) => !e.veto && (e.factor === 'name' || e.factor === 'values') && e.score >= CORROBORATING_VALUES && areRelatedCategories(e.category, category));
  if (rulesPersonal.length === 0) {
    const unchecked = personal.some((c) => CHECKSUMMED.has(c) && !rules.evidence.some((e) => e.factor === 'values' && !e.veto && e.score > 0 && areRelatedCategories(e.category, c)));
    return (context?.notPerson && !personal.some(supported)) || unchecked ? disagreement(rules, counted, config) : result;
  }
  const swapped = personal.some((c) => !rulesPersonal.some((r) => areRelatedCategories(r, c)));
  return swapped && rulesPersonal.some(supported) ? disagreement(rules, counted, config) : result;
}

/**
 * The rules' proposal, where the model's vote for another category may not change it: the model's silence about
 * the rules' category counts as a 0 at its weight (confidence × Σ weights / (Σ weights + the model's)), and its
 * category is the first alternative.
 */
function disagreement(rules: FieldClassification, counted: readonly Evidence[], config: CombineConfig): FieldClassification {
  const votes = counted.filter((e) => e.factor === 'model' && !rules.categories.includes(e.category));
  const weightSum = Object.values(rules.weights ?? {}).reduce((a, b) => a + b, 0);
  const lowered = weightSum > 0 ? Math.round(((rules.confidence * weightSum) / (weightSum + config.weights.model)) * 100) / 100 : rules.confidence;
  const modelAlternatives = votes.map((e) => ({ category: e.category, confidence: e.score, factors: { model: e.score } }));
  const rulesAlternatives = rules.alternatives.filter((a) => !votes.some((e) => e.category === a.category));
  // A fallback (nothing reached the threshold) keeps its alternatives: its reason names the first one as the
  // closest to the threshold (explainFallback); the model's vote is in its evidence.
  const isFallback = rules.categories.length === 1 && rules.categories[0] === CATEGORY.operations && Object.keys(rules.factors).length === 0;
  return {
    ...rules,
    confidence: lowered,
    alternatives: isFallback ? rules.alternatives : [...modelAlternatives, ...rulesAlternatives].slice(0, config.maxAlternatives),
    evidence: [...rules.evidence, ...votes.map((e) => ({ ...e, reason: `${e.reason}; the rules' evidence points elsewhere, so it is shown as an alternative` }))],
  };
}

/**
 * Categories whose values carry a check digit that a built-in recognizer tests (card numbers: Luhn). Numbers of
 * the right length that fail it still give that recognizer's weak evidence (test card numbers), which lets the
 * model's vote count; where it found none at all, the model alone does not add the category.
 */
const CHECKSUMMED: ReadonlySet<string> = new Set([CATEGORY.creditCard]);


/**
 * Rules plus model, except that the model cannot overrule a confident personal proposal of the rules,
 * nor one the subject graph supports (the model reads one column; whose row it is, it cannot know), nor
 * one with strong evidence for a proposed category (see STRONG_EVIDENCE).
 */
function decide(
  evidence: readonly Evidence[],
  config: CombineConfig,
  context: CombineContext | undefined,
  rulesOnly: () => FieldClassification,
): FieldClassification {
  const combined = combineEvidence(evidence, config, context);
  if (combined.categories.some(isPersonalCategory)) return combined;
  const rules = rulesOnly();
  if (hasStrongPersonalEvidence(rules)) return keptOverModel(rules, evidence);
  if (!rules.categories.some(isPersonalCategory)) return combined;
  // The subject graph supports the proposal, or the row is a person's (the model reads one column; whose row it
  // is, it cannot know: a guardian's country in a patient's row), or evidence for one of the proposed categories
  // is confident (a notes column where most texts hold an email address is proposed at the confidence of its
  // weakest co-found category: that is not what the model must overrule). A proposal the column's type supports
  // (a date column fits a birth date) is the exception on a person's row: whose row it is settles nothing there,
  // whether the dates are birth dates or events (a hiring date) is a question about their spread, which the model
  // reads as well as the recognizer.
  const onPersonRow = context?.personRows !== undefined && !((rules.factors.type ?? 0) > 0);
  const graphSupported = (rules.factors.subject ?? 0) > 0 || onPersonRow;
  if (!graphSupported && strongestRuleEvidence(rules) < MODEL_OVERRULE_LIMIT) return combined;
  return keptOverModel(rules, evidence);
}

/** The strongest name or values evidence for a category the rules propose. */
function strongestRuleEvidence(rules: FieldClassification): number {
  let best = 0;
  for (const e of rules.evidence)
    if (!e.veto && (e.factor === 'name' || e.factor === 'values') && rules.categories.includes(e.category)) best = Math.max(best, e.score);
  return Math.max(best, rules.confidence);
}

/**
 * Name or values evidence at least this strong for a personal category the rules propose: the model
 * may not turn the field into "not personal" (issue 16). A notes column where 24% of texts hold an
 * email address (0.95) but also phone numbers and names is proposed with all three at the weakest
 * one's confidence (0.64), below MODEL_OVERRULE_LIMIT; its email evidence is still strong.
 */
const STRONG_EVIDENCE = 0.9;

function hasStrongPersonalEvidence(rules: FieldClassification): boolean {
  return rules.evidence.some(
    (e) => !e.veto && (e.factor === 'name' || e.factor === 'values') && e.score >= STRONG_EVIDENCE && isPersonalCategory(e.category) && rules.categories.includes(e.category),
  );
}

/** The rules' proposal, with the model's dissent kept as evidence. */
function keptOverModel(rules: FieldClassification, evidence: readonly Evidence[]): FieldClassification {
  const modelSaid = evidence.filter((e) => e.factor === 'model' && e.category === CATEGORY.operations);
  return {
    ...rules,
    evidence: [...rules.evidence, ...modelSaid.map((e) => ({ ...e, reason: `${e.reason}; not enough to overrule the rules' confident proposal` }))],
  };
}

/** Non-blank values, counted up to `enough` (blank strings say nothing about a column). */
function nonBlankCount(values: readonly string[], enough: number): number {
  let n = 0;
  for (let i = 0; i < values.length && n < enough; i++) if (values[i].trim() !== '') n++;
  return n;
}

/**
 * A column of JSON documents (a JSON type, or text read as JSON: core/json-documents.ts). The model
 * was trained on JSON only as configuration (`kinds-operations.ts`, always system.operations), so a
 * payload full of emails is outside what it knows: it said system.operations at 1.00, or a postal
 * address at 0.96. It stays silent there; the fields inside are classified on their own.
 */
function holdsJsonDocuments(input: ColumnInput): boolean {
  return input.column.normalizedType === 'json' || input.sample?.json !== undefined;
}

/** The model's evidence per input, filtered to what may speak beside the rules (one list per input, in order). */
export function modelExtraEvidence(model: ColumnModel, options: HeuristicClassifierOptions = {}): (inputs: readonly ColumnInput[]) => Promise<Evidence[][]> {
  return async (inputs) => {
    const minValues = Math.max(options.minValues ?? 0, MIN_VALUES_FOR_MODEL);
    const sampled = inputs.map((input) => !holdsJsonDocuments(input) && nonBlankCount(input.sample?.values ?? [], minValues) >= minValues);
    const asked = inputs.filter((_, i) => sampled[i]);
    const answers = asked.length > 0 ? await model.evidence(asked) : [];
    let next = 0;
    // Votes from MODEL_CORROBORATED_MIN up: below MODEL_MIN_PROBABILITY the combination counts them only where the values agree.
    const keep = (e: Evidence): boolean => isAbstention(e) || (e.score >= MODEL_CORROBORATED_MIN && !RELATIONAL.has(e.category));
    return sampled.map((s, i) => (s ? guarded(answers[next++].filter(keep), inputs[i].sample?.values ?? []) : []));
  };
}

/**
 * The model's votes with those the values rule out (value-guards.ts: machine tokens read as words, a
 * code list read as one person's data) turned into abstentions that say why: the rules decide there.
 */
function guarded(evidence: readonly Evidence[], values: readonly string[]): Evidence[] {
  if (!evidence.some((e) => !isAbstention(e))) return [...evidence];
  const facts = valueFacts(values);
  return evidence.map((e) => {
    const why = isAbstention(e) ? undefined : whyNotFor(e.category, facts);
    return why ? abstention(e.category, e.source, `${why}; its guess ${e.category} at ${e.score.toFixed(2)} is not used`) : e;
  });
}

/** The heuristic options of rules + model, given where the model's evidence comes from (reused by the classify worker). */
export function combinedHeuristicOptions(
  options: HeuristicClassifierOptions,
  extraEvidence: NonNullable<HeuristicClassifierOptions['extraEvidence']>,
): HeuristicClassifierOptions {
  const configSources = options.configSources?.length ? new Set(options.configSources) : undefined;
  return {
    ...options,
    weights: { model: MODEL_WEIGHT, ...options.weights },
    combine: { exhaustiveFactors: ['name'], ...options.combine },
    extraEvidence,
    combineEvidence: (evidence, config, context) => combineWithModel(evidence, config, configSources, context),
  };
}

export function createCombinedClassifier(model: ColumnModel, options: HeuristicClassifierOptions = {}): ColumnClassifier {
  const heuristic = createHeuristicClassifier(combinedHeuristicOptions(options, modelExtraEvidence(model, options)));
  return { id: 'heuristic+model', classify: (inputs) => heuristic.classify(inputs) };
}

export function createModelOnlyClassifier(model: ColumnModel): ColumnClassifier {
  return {
    id: 'model',
    classify: async (inputs) =>
      (await model.evidence(inputs)).map((evidence, i) =>
        explainFallback(combineEvidence(evidence), { type: inputs[i].column.rawType, judgedValues: nonBlankCount(inputs[i].sample?.values ?? [], Infinity) }),
      ),
  };
}
