/**
 * Combines evidence into one proposal per field, datahub-classify style but renormalised:
 * for each candidate category, confidence = Σ weight·score / Σ weight over the factors that had
 * input for it. A veto removes a category. Metadata alone (no values, no model) is capped, so an
 * empty table still gets a proposal, at lower confidence. Below the threshold the field falls back to
 * system.operations. Deterministic: ties break on the category key. A column gets several categories
 * only when one recognizer found several in its values (see `coFound`).
 */
import type { Evidence, Factor, FieldClassification, ScoredCategory } from './types.js';
import { CATEGORY } from './categories.js';

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
  weights: { name: 0.35, values: 0.5, type: 0.15, model: 0.35 },
  threshold: 0.5,
  metadataOnlyCap: 0.7,
  fallbackConfidence: 0.5,
  maxAlternatives: 3,
  exhaustiveFactors: ['name', 'model'],
};

const FACTOR_ORDER: readonly Factor[] = ['name', 'values', 'type', 'model'];
/** Factors that can propose a category by themselves; type only supports or vetoes. */
const PROPOSING: ReadonlySet<Factor> = new Set<Factor>(['name', 'values', 'model']);

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Candidate extends ScoredCategory {
  readonly evidence: readonly Evidence[];
}

function scoreCategory(category: string, evidence: readonly Evidence[], speaking: ReadonlySet<Factor>, config: CombineConfig): Candidate {
  const own = evidence.filter((e) => e.category === category);
  const factors: Partial<Record<Factor, number>> = {};
  for (const f of FACTOR_ORDER) {
    const scores = own.filter((e) => e.factor === f).map((e) => e.score);
    if (scores.length) factors[f] = Math.max(...scores);
    else if (speaking.has(f) && config.exhaustiveFactors.includes(f)) factors[f] = 0;
  }
  const weights = { ...config.weights, ...config.categoryWeights?.[category] };
  let sum = 0;
  let weightSum = 0;
  for (const f of FACTOR_ORDER) {
    const s = factors[f];
    if (s === undefined) continue;
    sum += weights[f] * s;
    weightSum += weights[f];
  }
  let confidence = weightSum > 0 ? sum / weightSum : 0;
  if (factors.values === undefined && factors.model === undefined) confidence = Math.min(confidence, config.metadataOnlyCap);
  return { category, confidence: round2(confidence), factors, evidence: own };
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

export function combineEvidence(evidence: readonly Evidence[], config: CombineConfig = DEFAULT_COMBINE_CONFIG): FieldClassification {
  const vetoed = new Set(evidence.filter((e) => e.veto).map((e) => e.category));
  const positive = evidence.filter((e) => !e.veto && e.score > 0);
  const speaking = new Set(positive.map((e) => e.factor));
  const candidates = [...new Set(positive.filter((e) => PROPOSING.has(e.factor)).map((e) => e.category))]
    .filter((c) => !vetoed.has(c))
    .map((c) => scoreCategory(c, evidence.filter((e) => !e.veto), speaking, config))
    .filter((c) => c.confidence > 0)
    .sort(byConfidence);
  const supported = new Set(positive.map((e) => e.category));
  const against = evidence.filter((e) => e.veto && supported.has(e.category));
  const top = candidates[0];
  if (top && top.confidence >= config.threshold) {
    const chosen = [top, ...coFound(top, candidates.slice(1), config)];
    return {
      categories: chosen.map((c) => c.category),
      // Several categories are only as certain as the weakest of them.
      confidence: Math.min(...chosen.map((c) => c.confidence)),
      alternatives: candidates.filter((c) => !chosen.includes(c)).slice(0, config.maxAlternatives).map(publicScore),
      factors: top.factors,
      evidence: [...chosen.flatMap((c) => c.evidence), ...against],
    };
  }
  // Fallback: show everything that was considered (what spoke for something, and what ruled it out).
  const considered = evidence.filter((e) => (e.veto ? supported.has(e.category) : e.score > 0 || supported.has(e.category)));
  return {
    categories: [CATEGORY.operations],
    confidence: round2(config.fallbackConfidence * (1 - (top?.confidence ?? 0))),
    alternatives: candidates.slice(0, config.maxAlternatives).map(publicScore),
    factors: {},
    evidence: considered,
  };
}
