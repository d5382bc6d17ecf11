/**
 * What the column model says it knows, and how sure it may be (issue 16): a temperature that turns its
 * logits into calibrated probabilities (fitted by `npm run train` on generated columns of their own
 * seed stream), and a novelty test on its penultimate layer (distance to the nearest class centroid
 * of the training data, against a percentile of the training columns' own distances). Pure numbers:
 * no TF.js, no I/O, so training and inference share every formula.
 */

/** Stored in metadata.json by `npm run train`. */
export interface ModelCalibration {
  /** Logits are divided by this before the softmax (> 1: the raw model was overconfident). */
  readonly temperature: number;
  /**
   * Weight λ of the tempered softmax against the uniform distribution: p = λ·softmax(z/T) + (1 − λ)/K.
   * Below 1 the top probability never exceeds λ + (1 − λ)/K: how often a certain-looking answer is still
   * wrong on columns unlike the training data. Absent: 1 (temperature only).
   */
  readonly shrink?: number;
  /**
   * The generated columns it was fitted on: never a corpus. With `folds`, the held-out stream as judged by
   * fold models each trained without a share of the generator's kinds (shifted data, see
   * training/shift-calibration.ts), else as judged by the model itself.
   */
  readonly fittedOn: { readonly seed: number; readonly columns: number; readonly folds?: number; readonly heldOut?: string };
}

export interface ModelNovelty {
  /** Index of the layer whose activations are measured (the penultimate one). */
  readonly layer: number;
  /** One centroid per label (output order) of that layer's activations over the training columns of the label. */
  readonly centroids: readonly (readonly number[])[];
  /** Distances above this are outside the training data: the training percentile `percentile`. */
  readonly threshold: number;
  readonly percentile: number;
}

/**
 * Softmax of logits / temperature, row by row (max-shifted: no overflow), mixed with the uniform
 * distribution at weight 1 − shrink (see ModelCalibration.shrink).
 */
export function calibratedProbabilities(logits: Float32Array, width: number, temperature: number, shrink = 1): Float32Array {
  const out = new Float32Array(logits.length);
  const floor = (1 - shrink) / width;
  for (let row = 0; row < logits.length; row += width) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < width; k++) {
      const e = Math.exp((logits[row + k] - max) / temperature);
      out[row + k] = e;
      sum += e;
    }
    for (let k = 0; k < width; k++) out[row + k] = shrink * (out[row + k] / sum) + floor;
  }
  return out;
}

/** Mean negative log-likelihood of the true labels at a temperature (and shrink, see calibratedProbabilities). */
export function negativeLogLikelihood(logits: Float32Array, width: number, labels: ArrayLike<number>, temperature: number, shrink = 1): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = i * width;
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, logits[row + k] / temperature);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += Math.exp(logits[row + k] / temperature - max);
    const logSoftmax = logits[row + labels[i]] / temperature - max - Math.log(sum);
    total -= shrink === 1 ? logSoftmax : Math.log(shrink * Math.exp(logSoftmax) + (1 - shrink) / width);
  }
  return total / Math.max(1, labels.length);
}

/** Minimum of f on [a, b] by golden-section search (f unimodal there). */
function goldenMinimum(f: (x: number) => number, a: number, b: number, steps = 60): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < steps; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Per row, the tempered softmax probability of its true label. */
function trueLabelProbabilities(logits: Float32Array, width: number, labels: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const row = i * width;
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += Math.exp((logits[row + k] - max) / temperature);
    out[i] = Math.exp((logits[row + labels[i]] - max) / temperature) / sum;
  }
  return out;
}

/**
 * Temperature and shrink of least negative log-likelihood: golden-section search over log T in
 * [log 0.25, log 8], each step with its own best shrink in [0.5, 1] (cheap: the true label's tempered
 * probability per row is computed once per temperature). Deterministic, both rounded to 4 decimals.
 */
export function fitShrunkTemperature(logits: Float32Array, width: number, labels: ArrayLike<number>): { temperature: number; shrink: number } {
  const nll = (p: Float64Array, shrink: number) => {
    let total = 0;
    for (let i = 0; i < p.length; i++) total -= Math.log(shrink * p[i] + (1 - shrink) / width);
    return total / Math.max(1, p.length);
  };
  const bestShrink = (p: Float64Array) => goldenMinimum((s) => nll(p, s), 0.5, 1);
  const profile = (logT: number) => {
    const p = trueLabelProbabilities(logits, width, labels, Math.exp(logT));
    return nll(p, bestShrink(p));
  };
  const temperature = Math.round(Math.exp(goldenMinimum(profile, Math.log(0.25), Math.log(8), 40)) * 1e4) / 1e4;
  const shrink = Math.min(1, Math.round(bestShrink(trueLabelProbabilities(logits, width, labels, temperature)) * 1e4) / 1e4);
  return { temperature, shrink };
}

/**
 * The temperature of least negative log-likelihood, by golden-section search over log T in
 * [log 0.25, log 8] (the likelihood is convex in 1/T): deterministic, rounded to 4 decimals.
 */
export function fitTemperature(logits: Float32Array, width: number, labels: ArrayLike<number>): number {
  const logT = goldenMinimum((x) => negativeLogLikelihood(logits, width, labels, Math.exp(x)), Math.log(0.25), Math.log(8));
  return Math.round(Math.exp(logT) * 1e4) / 1e4;
}

/** Euclidean distance from one activation row to the nearest centroid. */
export function nearestCentroidDistance(activations: Float32Array, offset: number, centroids: readonly (readonly number[])[]): number {
  let best = Infinity;
  for (const centroid of centroids) {
    let sum = 0;
    for (let j = 0; j < centroid.length && sum < best; j++) {
      const d = activations[offset + j] - centroid[j];
      sum += d * d;
    }
    best = Math.min(best, sum);
  }
  return Math.sqrt(best);
}

/** Per-label mean activation; a label without training rows gets no centroid (an empty list is skipped). */
export function classCentroids(activations: Float32Array, size: number, labels: ArrayLike<number>, labelCount: number): number[][] {
  const sums = Array.from({ length: labelCount }, () => new Float64Array(size));
  const counts = new Array<number>(labelCount).fill(0);
  for (let i = 0; i < labels.length; i++) {
    counts[labels[i]]++;
    for (let j = 0; j < size; j++) sums[labels[i]][j] += activations[i * size + j];
  }
  // Rounded to 6 significant digits: metadata.json stays small and byte-stable.
  return sums.flatMap((s, k) => (counts[k] > 0 ? [Array.from(s, (v) => Number((v / counts[k]).toPrecision(6)))] : []));
}

/** The value below which `percentile` % of `values` lie (nearest rank). */
export function percentileOf(values: ArrayLike<number>, percentile: number): number {
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface ReliabilityBin {
  /** Lower edge of the bin (bins are [lower, lower + 0.1), the last one closed). */
  readonly lower: number;
  readonly count: number;
  readonly meanConfidence: number | null;
  readonly accuracy: number | null;
}

/** Ten equal-width bins of top-label confidence, and the expected calibration error (count-weighted |accuracy − confidence|). */
export function reliability(confidence: ArrayLike<number>, correct: ArrayLike<boolean>, bins = 10): { bins: ReliabilityBin[]; ece: number } {
  const sumConf = new Array<number>(bins).fill(0);
  const sumRight = new Array<number>(bins).fill(0);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < confidence.length; i++) {
    const b = Math.min(bins - 1, Math.floor(confidence[i] * bins));
    counts[b]++;
    sumConf[b] += confidence[i];
    if (correct[i]) sumRight[b]++;
  }
  let ece = 0;
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const out = counts.map((count, b) => {
    if (count > 0) ece += (count / Math.max(1, confidence.length)) * Math.abs(sumRight[b] / count - sumConf[b] / count);
    return { lower: b / bins, count, meanConfidence: count ? r4(sumConf[b] / count) : null, accuracy: count ? r4(sumRight[b] / count) : null };
  });
  return { bins: out, ece: r4(ece) };
}
