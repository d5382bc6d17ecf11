/**
 * What a JSON column (or a nested object inside one) is proposed as, given the proposals for the
 * fields inside it: an object holds what its fields hold. A payload whose `pusher_email` is an email
 * address holds email addresses, whatever the column's name or the model says about the JSON text
 * as a whole (issue 15 class 6, issue 16). fideslang allows categories on an object field beside
 * those of its sub-fields (3.0.8 and later), and categories are additive, so the parent lists every
 * personal category found inside: a policy on emails reaches the column, and for JSON held in text
 * (which Fides cannot address field by field) the column is the only place it can.
 *
 * The rule: each personal category proposed for a field inside (at or above the threshold, which a
 * proposal already is) on the strength of its values is proposed for the parent at the confidence of
 * its best field; the parent's own personal categories (from its name, or free text found in the
 * JSON text) stay. A field proposed by its key alone (`header_user_agent` whose one value is the
 * sender's HTTP client) keeps its proposal, but says too little about the documents to change the
 * parent's. Several categories are only as certain as the weakest of them, as in combine.ts. Without
 * such a field inside, the parent keeps its own proposal. Pure.
 */
import { CATEGORY } from './categories.js';
import { isPersonalCategory } from '../core/personal-data.js';
import type { Evidence, FieldClassification, ScoredCategory } from './types.js';

/** A field inside the parent: its path below the parent and its proposal. */
export interface NestedFinding {
  readonly path: readonly string[];
  readonly classification: FieldClassification;
}

/** What was read of the parent's documents, for the evidence (counts only). */
export interface DocumentsRead {
  /** Plain-language summary, e.g. "180 of 200 sampled values are JSON documents; ...". */
  readonly reason: string;
  /** Share of the non-blank values that were read as documents (0..1). */
  readonly share: number;
  /** True when some documents were cut and not read: said even where nothing was found inside. */
  readonly incomplete: boolean;
}

export const NESTED_SOURCE = 'json-fields';
const MAX_ALTERNATIVES = 3;

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Best {
  confidence: number;
  path?: readonly string[];
  fields: number;
}

export function withNestedFindings(own: FieldClassification, inside: readonly NestedFinding[], read?: DocumentsRead): FieldClassification {
  const best = new Map<string, Best>();
  for (const finding of inside) {
    if (!restsOnValues(finding.classification)) continue;
    for (const category of finding.classification.categories) {
      // An object that holds the category through a field inside it is that field's finding, not another one.
      if (
        !isPersonalCategory(category) ||
        inside.some((other) => isBelow(other.path, finding.path) && other.classification.categories.includes(category))
      )
        continue;
      const seen = best.get(category);
      const confidence = finding.classification.confidence;
      if (!seen) best.set(category, { confidence, path: finding.path, fields: 1 });
      else {
        seen.fields++;
        if (confidence > seen.confidence) Object.assign(seen, { confidence, path: finding.path });
      }
    }
  }
  if (best.size === 0) return read?.incomplete ? { ...own, evidence: [...own.evidence, documentsEvidence(own.categories[0], read)] } : own;
  for (const category of own.categories) {
    if (isPersonalCategory(category) && !best.has(category)) best.set(category, { confidence: own.confidence, fields: 0 });
  }
  const chosen = [...best].sort(([a, x], [b, y]) => y.confidence - x.confidence || (a < b ? -1 : a > b ? 1 : 0));
  const found: Evidence[] = chosen.filter(([, b]) => b.path).map(([category, b]) => ({
    factor: 'values',
    category,
    score: b.confidence,
    source: NESTED_SOURCE,
    reason: `nested field '${b.path!.join('.')}' is proposed as ${category} (${round2(b.confidence)})${b.fields > 1 ? `, and ${b.fields - 1} more field${b.fields > 2 ? 's' : ''} inside` : ''}`,
  }));
  const categories = chosen.map(([category]) => category);
  const confidence = round2(Math.min(...chosen.map(([, b]) => b.confidence)));
  // The parent's own proposal stays visible: as an alternative where it is no longer chosen.
  const ownAlternative: ScoredCategory[] = own.categories
    .filter((c) => !best.has(c))
    .map((category) => ({ category, confidence: own.confidence, factors: own.factors }));
  const alternatives = [...ownAlternative, ...own.alternatives.filter((a) => !best.has(a.category))].slice(0, MAX_ALTERNATIVES);
  // The fallback's "nothing reached the threshold" no longer describes the proposal.
  const ownEvidence = own.evidence.filter((e) => !(e.category === CATEGORY.operations && e.source === 'threshold'));
  return {
    categories,
    confidence,
    alternatives,
    factors: { values: chosen[0][1].confidence },
    evidence: [...found, ...(read ? [documentsEvidence(categories[0], read)] : []), ...ownEvidence],
  };
}

/** A proposal its values (or the model, which reads them) support, not the key name alone. */
function restsOnValues(classification: FieldClassification): boolean {
  return (classification.factors.values ?? 0) > 0 || (classification.factors.model ?? 0) > 0;
}

/** True when `path` lies below `object` (a field inside it). */
function isBelow(path: readonly string[], object: readonly string[]): boolean {
  return path.length > object.length && object.every((key, i) => path[i] === key);
}

function documentsEvidence(category: string, read: DocumentsRead): Evidence {
  return { factor: 'values', category, score: round2(read.share), source: NESTED_SOURCE, reason: read.reason };
}

/**
 * Applies `withNestedFindings` to the nested objects of one column, deepest first, so that an object
 * inside holds what its own fields hold before its parent is judged. `isObject` tells the objects
 * (classified by their key only) from the other fields. Returns the findings with the objects updated.
 */
export function withNestedObjects<T extends NestedFinding>(findings: readonly T[], isObject: (finding: T) => boolean): T[] {
  const out = [...findings];
  const order = out.map((_, i) => i).filter((i) => isObject(out[i])).sort((a, b) => out[b].path.length - out[a].path.length);
  for (const i of order) {
    const prefix = out[i].path;
    const inside = out.filter((f) => isBelow(f.path, prefix));
    const relative = inside.map((f) => ({ path: f.path.slice(prefix.length), classification: f.classification }));
    out[i] = { ...out[i], classification: withNestedFindings(out[i].classification, relative) };
  }
  return out;
}
