import { isPersonalCategory } from '../src/fides/dataset-file/personal.js';

/** Column-level metrics over predicted and true labels: accuracy, macro F1, personal-or-not F1, per-label F1. */
export interface LabelMetrics {
  readonly columns: number;
  readonly accuracy: number;
  readonly macroF1: number;
  /** Personal (user.*) versus not, ignoring which personal category. */
  readonly personalF1: number;
  /** Share of non-personal columns given a personal category. */
  readonly falsePositiveRate: number;
  readonly perLabel: Readonly<Record<string, { readonly f1: number; readonly support: number }>>;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function labelMetrics(truth: readonly string[], predicted: readonly string[]): LabelMetrics {
  const labels = [...new Set(truth)].sort();
  const perLabel: Record<string, { f1: number; support: number }> = {};
  let f1Sum = 0;
  for (const label of labels) {
    let tp = 0, fp = 0, fn = 0;
    truth.forEach((t, i) => {
      const p = predicted[i];
      if (p === label && t === label) tp++;
      else if (p === label) fp++;
      else if (t === label) fn++;
    });
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perLabel[label] = { f1: r3(f1), support: tp + fn };
    f1Sum += f1;
  }
  let tp = 0, fp = 0, fn = 0, negatives = 0, right = 0;
  truth.forEach((t, i) => {
    const p = predicted[i];
    if (p === t) right++;
    if (!isPersonalCategory(t)) negatives++;
    if (isPersonalCategory(p) && isPersonalCategory(t)) tp++;
    else if (isPersonalCategory(p)) fp++;
    else if (isPersonalCategory(t)) fn++;
  });
  return {
    columns: truth.length,
    accuracy: r3(right / Math.max(1, truth.length)),
    macroF1: r3(f1Sum / Math.max(1, labels.length)),
    personalF1: r3(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)),
    falsePositiveRate: r3(fp / Math.max(1, negatives)),
    perLabel,
  };
}
