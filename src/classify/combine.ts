/**
 * Combines evidence into one proposal per field: one policy, in three steps.
 *
 * 1. Weighted, datahub-classify style but renormalised: for each candidate category, confidence =
 *    Σ weight·score / Σ weight over the factors that had input for it (the weights used are recorded
 *    with the proposal, so a reviewer can recompute it). A veto removes a category. Metadata alone (no
 *    values, no model) is capped, so an empty table still gets a proposal, at lower confidence. Below
 *    the threshold the field falls back to system.operations. Deterministic: ties break on the
 *    category key. A column gets several categories only when one recognizer found several in its
 *    values (see `coFound`). The subject graph's evidence (factor `subject`: a reference to a person,
 *    a coded attribute, the domain of a person's row) is one more factor here.
 * 2. Strong metadata on a person's row (`context.personRows`): a name rule of STRONG_NAME or more
 *    (STRONG_NAME_OWN_ROW on the person's own row: a person table's names say more), or graph evidence
 *    of STRONG_SUBJECT or more (a coded attribute, the row's domain), whose category the values merely
 *    did not confirm (they found no other category clearly, or could not judge the values), keeps its
 *    category at STRONG_NAME_KEEP of its score, with an evidence line that says so. Values that clearly
 *    are another category still win: a failed validator lowers confidence; it does not erase what the
 *    name and the table say.
 * 3. A table that holds no people (`context.notPerson`: a place, settings, a code table): personal
 *    proposals are damped by 1 − NOT_PERSON_DAMPING × its confidence (a clinic's address and a shop's
 *    phone are the organisation's), unless the graph resolved the column as a reference to a person.
 * 4. Record keeping (`context.recordKeeping`): a row's own surrogate key is the application's
 *    (system.operations) whatever its values look like; a bookkeeping column (`date_created`,
 *    `void_reason`) keeps a personal proposal only from RECORD_KEEPING_KEEP up (an e-mail address in
 *    `created_by_email` is still one). References the graph resolved to a person stay.
 */
import type { CombineContext, Evidence, Factor, FieldClassification, ScoredCategory } from './types.js';
import { CATEGORY } from './categories.js';
import { areRelatedCategories, isPersonalCategory } from '../core/personal-data.js';

export interface CombineConfig {
  readonly weights: Readonly<Record<Factor, number>>;
  /** Per-category weight overrides (e.g. names lean more on values). */
  readonly categoryWeights?: Readonly<Record<string, Partial<Record<Factor, number>>>>;
  /** Below this the field becomes system.operations. */
  readonly threshold: number;
  /** Highest confidence from name and type alone (no values or model input). */
  readonly metadataOnlyCap: number;
  /** Confidence of the system.operations fallback when nothing at all was found. */
  readonly fallbackConfidence: number;
  readonly maxAlternatives: number;
  /** Factors whose silence about a category counts as a 0 once they said anything (a name that names something else). */
  readonly exhaustiveFactors: readonly Factor[];
}

export const DEFAULT_COMBINE_CONFIG: CombineConfig = {
  weights: { name: 0.35, values: 0.5, type: 0.15, model: 0.35, subject: 0.3 },
  threshold: 0.5,
  metadataOnlyCap: 0.7,
  fallbackConfidence: 0.5,
  maxAlternatives: 3,
  exhaustiveFactors: ['name', 'model'],
};

const FACTOR_ORDER: readonly Factor[] = ['name', 'values', 'type', 'model', 'subject'];
/** Factors that can propose a category by themselves; type only supports or vetoes. */
const PROPOSING: ReadonlySet<Factor> = new Set<Factor>(['name', 'values', 'model', 'subject']);
/** A name rule this strong on a person's row survives values that merely did not confirm it. */
export const STRONG_NAME = 0.8;
export const STRONG_NAME_OWN_ROW = 0.75;
/** Graph evidence this strong on a person's row does too. */
export const STRONG_SUBJECT = 0.7;
/** The share of the name's score such a proposal keeps. */
export const STRONG_NAME_KEEP = 0.7;
/** Values at this score or more for another category clearly are that category. */
const CLEAR_VALUES = 0.5;
/** How much a table that holds no people damps personal proposals, times its confidence. */
export const NOT_PERSON_DAMPING = 0.6;
const POLICY_SOURCE = 'combine-policy';
/** A bookkeeping column keeps a personal proposal this confident. */
export const RECORD_KEEPING_KEEP = 0.8;
const RECORD_KEEPING_CONFIDENCE = 0.8;

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Candidate extends ScoredCategory {
  readonly evidence: readonly Evidence[];
  readonly weights: Partial<Record<Factor, number>>;
}

/**
 * The fields of each evidence, read once. Evidence comes in many object shapes (rules, recognizers,
 * vetoes, the model), so reading a field is a slow lookup; the passes below read these arrays instead.
 */
interface Fields {
  readonly veto: readonly boolean[];
  readonly score: readonly number[];
  readonly factor: readonly Factor[];
  readonly category: readonly string[];
}

function fieldsOf(evidence: readonly Evidence[]): Fields {
  const veto: boolean[] = [];
  const score: number[] = [];
  const factor: Factor[] = [];
  const category: string[] = [];
  for (const e of evidence) {
    veto.push(Boolean(e.veto));
    score.push(e.score);
    factor.push(e.factor);
    category.push(e.category);
  }
  return { veto, score, factor, category };
}

/** Scores one category from the evidence at `candidates` (the non-veto evidence, in order). */
function scoreCategory(
  category: string,
  evidence: readonly Evidence[],
  fields: Fields,
  candidates: readonly number[],
  speaking: ReadonlySet<Factor>,
  config: CombineConfig,
): Candidate {
  const own: Evidence[] = [];
  // Highest score per factor, in FACTOR_ORDER (pairwise Math.max is Math.max of them all).
  const best: (number | undefined)[] = FACTOR_ORDER.map(() => undefined);
  for (const i of candidates) {
    if (fields.category[i] !== category) continue;
    own.push(evidence[i]);
    const f = FACTOR_ORDER.indexOf(fields.factor[i]);
    const s = fields.score[i];
    best[f] = best[f] === undefined ? s : Math.max(best[f]!, s);
  }
  const factors: Partial<Record<Factor, number>> = {};
  for (let i = 0; i < FACTOR_ORDER.length; i++) {
    const f = FACTOR_ORDER[i];
    if (best[i] !== undefined) factors[f] = best[i];
    else if (speaking.has(f) && config.exhaustiveFactors.includes(f)) factors[f] = 0;
  }
  const overrides = config.categoryWeights?.[category];
  const weights = overrides ? { ...config.weights, ...overrides } : config.weights;
  let sum = 0;
  let weightSum = 0;
  const used: Partial<Record<Factor, number>> = {};
  for (const f of FACTOR_ORDER) {
    const s = factors[f];
    if (s === undefined) continue;
    const weight = weights[f] ?? 0;
    used[f] = weight;
    sum += weight * s;
    weightSum += weight;
  }
  let confidence = weightSum > 0 ? sum / weightSum : 0;
  if (factors.values === undefined && factors.model === undefined)
    confidence = Math.min(confidence, config.metadataOnlyCap);
  return { category, confidence: round2(confidence), factors, weights: used, evidence: own };
}

function byConfidence(a: ScoredCategory, b: ScoredCategory): number {
  return b.confidence - a.confidence || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);
}

const publicScore = ({ category, confidence, factors }: ScoredCategory): ScoredCategory => ({ category, confidence, factors });

/**
 * Categories held in the same column as the top one. A value recognizer that reports several
 * categories for one column (free text with emails in some notes and phone numbers in others) found
 * each in its own values, so each that passes the threshold is proposed too. Ordinary columns, where
 * each recognizer speaks for one category, keep a single category.
 */
function coFound(top: Candidate, rest: readonly Candidate[], config: CombineConfig): Candidate[] {
  const sources = new Set(top.evidence.filter((e) => e.factor === 'values' && e.score > 0).map((e) => e.source));
  if (sources.size === 0 || top.category === CATEGORY.operations) return [];
  return rest.filter(
    (c) => c.confidence >= config.threshold && c.category !== CATEGORY.operations && c.evidence.some((e) => e.factor === 'values' && e.score > 0 && sources.has(e.source)),
  );
}

/**
 * Drops corroborating evidence (values of an id's shape that fail its checksum) for categories the
 * column name does not name: such values say "the name may be right", never "this is an id".
 */
function corroborated(evidence: readonly Evidence[]): readonly Evidence[] {
  if (!evidence.some((e) => e.corroborating)) return evidence;
  const named = new Set(evidence.filter((e) => e.factor === 'name' && !e.veto && e.score > 0).map((e) => e.category));
  return evidence.filter((e) => !e.corroborating || named.has(e.category));
}

/**
 * The policy (see the module comment): weighted combination, then the strong-name and not-a-person
 * steps when the subject graph gave the field's row a `context`.
 */
export function combineEvidence(
  evidenceIn: readonly Evidence[],
  config: CombineConfig = DEFAULT_COMBINE_CONFIG,
  context: CombineContext = {},
): FieldClassification {
  const allEvidence = withoutShapeVetoesOfCodes(evidenceIn);
  const weighted = combineWeighted(allEvidence, config);
  const kept = context.personRows
    ? keepStrongName(
        weighted,
        allEvidence,
        config,
        context.personRows,
        context.ownRow ? STRONG_NAME_OWN_ROW : STRONG_NAME,
      )
    : weighted;
  const damped = context.notPerson ? dampNotPerson(kept, config, context.notPerson) : kept;
  return context.recordKeeping ? keepRecord(damped, config, context.recordKeeping) : damped;
}

/** Step 4: record keeping is the application's (see the module comment). */
function keepRecord(result: FieldClassification, config: CombineConfig, record: { because: string; strict: boolean }): FieldClassification {
  if (!result.categories.some(isPersonalCategory)) return result;
  if (result.evidence.some((e) => e.factor === 'subject' && e.category === CATEGORY.uniqueId && e.score > 0)) return result;
  if (!record.strict && result.confidence >= RECORD_KEEPING_KEEP) return result;
  const line: Evidence = {
    factor: 'subject',
    category: CATEGORY.operations,
    score: RECORD_KEEPING_CONFIDENCE,
    source: POLICY_SOURCE,
    reason: `${record.because}: the application's record keeping, not the person's data (${result.categories.join(', ')} at ${result.confidence} set aside)`,
  };
  return {
    categories: [CATEGORY.operations],
    confidence: RECORD_KEEPING_CONFIDENCE,
    alternatives: [
      ...result.categories.map((category) => ({ category, confidence: result.confidence, factors: result.factors })),
      ...result.alternatives,
    ].slice(0, config.maxAlternatives),
    factors: { subject: RECORD_KEEPING_CONFIDENCE },
    weights: { subject: config.weights.subject },
    evidence: [line, ...result.evidence],
  };
}

/**
 * A coded attribute (`gender_concept_id`, an integer code for the person's gender) is not ruled out by
 * its column's type or the shape of its values: the code stands for the category.
 */
function withoutShapeVetoesOfCodes(evidence: readonly Evidence[]): readonly Evidence[] {
  const coded = new Set(evidence.filter((e) => e.coded && !e.veto && e.score > 0).map((e) => e.category));
  if (coded.size === 0) return evidence;
  return evidence.filter((e) => !(e.veto && (e.factor === 'type' || e.factor === 'values') && coded.has(e.category)));
}

/** Step 1: the weighted combination. */
function combineWeighted(allEvidence: readonly Evidence[], config: CombineConfig): FieldClassification {
  const evidence = corroborated(allEvidence);
  const fields = fieldsOf(evidence);
  const { veto, score, factor, category } = fields;
  const vetoed = new Set<string>();
  const speaking = new Set<Factor>();
  const supported = new Set<string>();
  const proposedSet = new Set<string>();
  const notVetoes: number[] = [];
  for (let i = 0; i < evidence.length; i++) {
    if (veto[i]) {
      vetoed.add(category[i]);
      continue;
    }
    notVetoes.push(i);
    if (!(score[i] > 0)) continue;
    // Positive evidence: its factor speaks, it supports its category, and a proposing factor proposes it.
    speaking.add(factor[i]);
    supported.add(category[i]);
    if (PROPOSING.has(factor[i])) proposedSet.add(category[i]);
  }
  const candidates = [...proposedSet]
    .filter((c) => !vetoed.has(c))
    .map((c) => scoreCategory(c, evidence, fields, notVetoes, speaking, config))
    .filter((c) => c.confidence > 0)
    .sort(byConfidence);
  const against = evidence.filter((_, i) => veto[i] && supported.has(category[i]));
  const top = candidates[0];
  if (top && top.confidence >= config.threshold) {
    const chosen = [top, ...coFound(top, candidates.slice(1), config)];
    return {
      categories: chosen.map((c) => c.category),
      // Several categories are only as certain as the weakest of them.
      confidence: Math.min(...chosen.map((c) => c.confidence)),
      alternatives: candidates.filter((c) => !chosen.includes(c)).slice(0, config.maxAlternatives).map(publicScore),
      factors: top.factors,
      weights: top.weights,
      evidence: [...chosen.flatMap((c) => c.evidence), ...against],
    };
  }
  // Fallback: show everything that was considered (what spoke for something, and what ruled it out).
  const considered = evidence.filter((_, i) => (veto[i] ? supported.has(category[i]) : score[i] > 0 || supported.has(category[i])));
  return {
    categories: [CATEGORY.operations],
    confidence: round2(config.fallbackConfidence * (1 - (top?.confidence ?? 0))),
    alternatives: candidates.slice(0, config.maxAlternatives).map(publicScore),
    factors: {},
    evidence: considered,
  };
}


/** Step 2: strong metadata on a person's row whose values merely did not confirm it (see the module comment). */
function keepStrongName(
  result: FieldClassification,
  evidence: readonly Evidence[],
  config: CombineConfig,
  personRows: string,
  strongName: number,
): FieldClassification {
  const vetoed = new Set(evidence.filter((e) => e.veto).map((e) => e.category));
  const isStrong = (e: Evidence) =>
    (e.factor === 'name' && e.score >= strongName) || (e.factor === 'subject' && e.score >= STRONG_SUBJECT);
  const strong = evidence
    .filter((e) => isStrong(e) && !e.veto && isPersonalCategory(e.category) && !vetoed.has(e.category))
    .sort((a, b) => b.score - a.score || (a.factor === 'name' ? -1 : 1) || (a.category < b.category ? -1 : 1))[0];
  if (!strong || result.categories.some((c) => areRelatedCategories(c, strong.category))) return result;
  const positive = (e: Evidence) => !e.veto && !e.corroborating && e.score >= CLEAR_VALUES;
  // Values that clearly are another category win.
  if (
    evidence.some(
      (e) => e.factor === 'values' && positive(e) && isPersonalCategory(e.category) && !areRelatedCategories(e.category, strong.category),
    )
  )
    return result;
  const confidence = round2(strong.score * STRONG_NAME_KEEP);
  if (result.categories.some(isPersonalCategory) && result.confidence >= confidence) return result;
  // A more specific category the values or the model support (`user.name` → `user.name.last`).
  const specific = evidence
    .filter(
      (e) =>
        (e.factor === 'values' || e.factor === 'model') &&
        positive(e) &&
        e.category.startsWith(`${strong.category}.`) &&
        !vetoed.has(e.category),
    )
    .sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1))[0];
  const category = specific?.category ?? strong.category;
  const valuesSaid = evidence.filter((e) => e.factor === 'values' && !e.veto && areRelatedCategories(e.category, strong.category));
  const note: Evidence = {
    factor: 'values',
    category,
    score: 0,
    source: POLICY_SOURCE,
    reason:
      `values did not confirm '${strong.category}'${valuesSaid.length > 0 ? ` (${valuesSaid.map((e) => e.reason).join('; ')})` : ' (no recognizer could judge them)'} ` +
      `and found nothing else clearly; the ${strong.factor === 'name' ? 'column name' : 'subject graph'} keeps it at ${confidence} (${STRONG_NAME_KEEP} × ${strong.score}) because ${personRows}`,
  };
  const previous =
    result.categories[0] === CATEGORY.operations && Object.keys(result.factors).length === 0
      ? []
      : [{ category: result.categories[0], confidence: result.confidence, factors: result.factors }];
  return {
    categories: [category],
    confidence,
    alternatives: [...previous, ...result.alternatives.filter((a) => a.category !== category)].slice(
      0,
      config.maxAlternatives,
    ),
    factors: { [strong.factor]: strong.score, ...(specific ? { [specific.factor]: specific.score } : {}) },
    weights: { [strong.factor]: STRONG_NAME_KEEP },
    evidence: [strong, ...(specific ? [specific] : []), note],
  };
}

/** Step 3: personal proposals in a table that holds no people are damped (see the module comment). */
function dampNotPerson(result: FieldClassification, config: CombineConfig, notPerson: { score: number; because: string }): FieldClassification {
  if (!result.categories.some(isPersonalCategory)) return result;
  // A reference the graph resolved to a person is a person's id wherever it is.
  if (result.evidence.some((e) => e.factor === 'subject' && e.category === CATEGORY.uniqueId && e.score > 0)) return result;
  const factor = round2(1 - NOT_PERSON_DAMPING * notPerson.score);
  const damped = round2(result.confidence * factor);
  const line: Evidence = {
    factor: 'subject',
    category: damped >= config.threshold ? result.categories[0] : CATEGORY.operations,
    score: notPerson.score,
    source: POLICY_SOURCE,
    reason: `${notPerson.because}: personal data here is the organisation's; confidence ${result.confidence} × ${factor} = ${damped}`,
  };
  if (damped >= config.threshold) return { ...result, confidence: damped, evidence: [...result.evidence, line] };
  return {
    categories: [CATEGORY.operations],
    confidence: round2(notPerson.score * (1 - damped)),
    alternatives: [
      ...result.categories.map((category) => ({ category, confidence: damped, factors: result.factors })),
      ...result.alternatives.filter((a) => !result.categories.includes(a.category)),
    ].slice(0, config.maxAlternatives),
    factors: { subject: notPerson.score },
    weights: { subject: config.weights.subject },
    evidence: [line, ...result.evidence],
  };
}

/** What was looked at for a column, for the reason of a fallback proposal. */
export interface ExaminedColumn {
  /** The column's type as the engine names it. */
  readonly type: string;
  /** Non-blank sampled values the recognizers judged (0: none, or too few to judge). */
  readonly judgedValues: number;
}

/**
 * Gives a fallback proposal (system.operations because nothing personal reached the threshold) its own
 * reason and factor, so that no proposal comes without one: "no personal data found in the column name,
 * its type (integer) or 200 sampled values", or which category came closest. The factor is the values
 * when values were judged, else the name; its score is the fallback's confidence.
 */
export function explainFallback(result: FieldClassification, examined: ExaminedColumn, config: CombineConfig = DEFAULT_COMBINE_CONFIG): FieldClassification {
  const isFallback = result.categories.length === 1 && result.categories[0] === CATEGORY.operations && Object.keys(result.factors).length === 0;
  if (!isFallback) return result;
  const best = result.alternatives.find((a) => a.category !== CATEGORY.operations);
  const looked =
    examined.judgedValues > 0
      ? `the column name, its type (${examined.type}) or ${examined.judgedValues} sampled values`
      : `the column name or its type (${examined.type}); no values to judge`;
  const ruledOut = [...new Set(result.evidence.filter((e) => e.veto).map((e) => e.category))];
  const reason = best
    ? `no category reached the threshold ${config.threshold} (closest: ${best.category} at ${best.confidence})`
    : ruledOut.length > 0
      ? `nothing personal left once ${ruledOut.join(', ')} ${ruledOut.length > 1 ? 'were' : 'was'} ruled out`
      : `no personal data found in ${looked}`;
  const factor: Factor = examined.judgedValues > 0 ? 'values' : 'name';
  const because: Evidence = { factor, category: CATEGORY.operations, score: result.confidence, source: 'threshold', reason };
  return { ...result, factors: { [factor]: result.confidence }, evidence: [because, ...result.evidence] };
}
