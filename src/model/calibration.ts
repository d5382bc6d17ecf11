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
  /** The generated columns it was fitted on (seed, count): never a training column, never a corpus. */
  readonly fittedOn: { readonly seed: number; readonly columns: number };
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

/** Softmax of logits / temperature, row by row (max-shifted: no overflow). */
export function calibratedProbabilities(logits: Float32Array, width: number, temperature: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let row = 0; row < logits.length; row += width) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < width; k++) {
      const e = Math.exp((logits[row + k] - max) / temperature);
      out[row + k] = e;
      sum += e;
    }
    for (let k = 0; k < width; k++) out[row + k] /= sum;
  }
  return out;
}

/** Mean negative log-likelihood of the true labels at a temperature. */
export function negativeLogLikelihood(logits: Float32Array, width: number, labels: ArrayLike<number>, temperature: number): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = i * width;
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, logits[row + k] / temperature);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += Math.exp(logits[row + k] / temperature - max);
    total += Math.log(sum) + max - logits[row + labels[i]] / temperature;
  }
  return total / Math.max(1, labels.length);
}

/**
 * The temperature of least negative log-likelihood, by golden-section search over log T in
 * [log 0.25, log 8] (the likelihood is convex in 1/T): deterministic, rounded to 4 decimals.
 */
export function fitTemperature(logits: Float32Array, width: number, labels: ArrayLike<number>): number {
  const f = (logT: number) => negativeLogLikelihood(logits, width, labels, Math.exp(logT));
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.25);
  let b = Math.log(8);
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 60; i++) {
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
  return Math.round(Math.exp((a + b) / 2) * 1e4) / 1e4;
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
