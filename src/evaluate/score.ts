/**
 * Scores proposals against truth labels. Counting (also in docs/evaluation.md, "piiscout evaluate"):
 *
 * - Only personal (user.*) proposals count; system.* proposals mean "not personal".
 * - A personal field (every acceptable key user.*) is a true positive of its category (its first
 *   acceptable key) when at least one proposal is acceptable, else a false negative of it.
 * - Every proposal that is not acceptable is a false positive, on any kind of field, of the
 *   category it claims: the most specific reported category that contains it (never the bare
 *   `user`), or its own key when none does. Several proposals on one field are judged one by one.
 * - On an "either" field (acceptable keys mix user.* and system.*) an acceptable personal proposal
 *   and no personal proposal are both right: neither counts. Only wrong personal proposals count.
 * - precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN); overall = micro sums over
 *   categories, macro F1 = mean F1 over categories with support.
 */
import { Taxonomy } from '../fides/taxonomy.js';
import type { FieldPath } from './field-path.js';
import { isPersonalCategory, PERSONAL_DATA_ROOT } from '../fides/dataset-file/personal.js';
import { describeLabel, fieldKind, isAcceptable, reportingCategory, type FieldKind, type TruthLabel } from './truth-label.js';

export interface ScoredField {
  readonly path: FieldPath;
  readonly label: TruthLabel;
  readonly proposed: readonly string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Rates {
  /** null when undefined (no proposals / no support). */
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface CategoryScore extends Counts, Rates {
  readonly category: string;
  /** Personal fields reported under this category. */
  readonly support: number;
}

export interface Confusion {
  /** The truth label (`a|b` for an any-list, `(non-personal)` for a non-personal field). */
  readonly truth: string;
  /** The wrong proposal, or `(none)` when a personal field got no personal proposal. */
  readonly proposed: string;
  readonly count: number;
}

export type Verdict = 'right' | 'missed' | 'wrong-category' | 'extra-category' | 'false-positive';

export interface FieldVerdict {
  readonly field: string;
  readonly kind: FieldKind;
  readonly truth: readonly string[];
  readonly proposed: readonly string[];
  readonly verdict: Verdict;
}

export interface Score {
  readonly categories: readonly CategoryScore[];
  readonly overall: Counts & Rates & { readonly macroF1: number | null };
  /** Personal or not, ignoring the category: a field is predicted personal when it has a user.* proposal. */
  readonly detection: Counts & Rates;
  readonly nonPersonal: { readonly fields: number; readonly withPersonalProposal: number; readonly falsePositiveRate: number | null };
  readonly either: { readonly fields: number; readonly withWrongPersonalProposal: number };
  readonly fieldsRight: { readonly right: number; readonly total: number };
  readonly confusions: readonly Confusion[];
  readonly fields: readonly FieldVerdict[];
}

const NON_PERSONAL = '(non-personal)';
const NONE = '(none)';

export function scoreFields(fields: readonly ScoredField[], formatPath: (path: FieldPath) => string): Score {
  const rows = new Map<string, Counts & { support: number }>();
  const row = (category: string) => {
    let r = rows.get(category);
    if (!r) rows.set(category, (r = { tp: 0, fp: 0, fn: 0, support: 0 }));
    return r;
  };
  // Reported categories first, so wrong proposals can be attributed to the most specific one.
  for (const f of fields) if (fieldKind(f.label) === 'personal') row(reportingCategory(f.label)).support++;
  const reported = [...rows.keys()].filter((k) => k !== PERSONAL_DATA_ROOT);
  const claimedCategory = (key: string): string =>
    reported.filter((r) => Taxonomy.isWithin(key, r)).sort((a, b) => b.length - a.length)[0] ?? key;

  const detection: Counts = { tp: 0, fp: 0, fn: 0 };
  const confusions = new Map<string, Confusion>();
  const confuse = (truth: string, proposed: string) => {
    const k = `${truth}\u0000${proposed}`;
    const c = confusions.get(k);
    confusions.set(k, { truth, proposed, count: (c?.count ?? 0) + 1 });
  };
  let nonPersonalFields = 0;
  let nonPersonalHit = 0;
  let eitherFields = 0;
  let eitherWrong = 0;
  const verdicts: FieldVerdict[] = [];

  for (const f of fields) {
    const kind = fieldKind(f.label);
    const personal = [...new Set(f.proposed.filter(isPersonalCategory))];
    const right = personal.filter((k) => isAcceptable(k, f.label));
    const wrong = personal.filter((k) => !isAcceptable(k, f.label));
    const truthName = kind === 'non-personal' ? NON_PERSONAL : describeLabel(f.label);
    for (const k of wrong) {
      row(claimedCategory(k)).fp++;
      confuse(truthName, k);
    }
    let verdict: Verdict;
    if (kind === 'personal') {
      const r = row(reportingCategory(f.label));
      if (right.length > 0) r.tp++;
      else r.fn++;
      if (personal.length > 0) detection.tp++;
      else {
        detection.fn++;
        confuse(truthName, NONE);
      }
      verdict = right.length === 0 ? (personal.length === 0 ? 'missed' : 'wrong-category') : wrong.length > 0 ? 'extra-category' : 'right';
    } else if (kind === 'non-personal') {
      nonPersonalFields++;
      if (personal.length > 0) {
        nonPersonalHit++;
        detection.fp++;
      }
      verdict = personal.length > 0 ? 'false-positive' : 'right';
    } else {
      eitherFields++;
      if (wrong.length > 0) eitherWrong++;
      verdict = wrong.length > 0 ? 'wrong-category' : 'right';
    }
    verdicts.push({ field: formatPath(f.path), kind, truth: f.label, proposed: f.proposed, verdict });
  }

  const categories = [...rows.entries()]
    .map(([category, c]) => ({ category, ...c, ...rates(c) }))
    .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  const total = categories.reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const supported = categories.filter((c) => c.support > 0);
  return {
    categories,
    overall: { ...total, ...rates(total), macroF1: supported.length > 0 ? mean(supported.map((c) => c.f1 ?? 0)) : null },
    detection: { ...detection, ...rates(detection) },
    nonPersonal: { fields: nonPersonalFields, withPersonalProposal: nonPersonalHit, falsePositiveRate: ratio(nonPersonalHit, nonPersonalFields) },
    either: { fields: eitherFields, withWrongPersonalProposal: eitherWrong },
    fieldsRight: { right: verdicts.filter((v) => v.verdict === 'right').length, total: verdicts.length },
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || compare(a.truth + a.proposed, b.truth + b.proposed)),
    fields: verdicts,
  };
}

export function rates(c: Counts): Rates {
  return { precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn), f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn) };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
