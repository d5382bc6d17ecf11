/**
 * The column model as a source of evidence (factor 'model'): lazy loading on first use, features
 * from src/model/features.ts, batched inference. Requests from tables classified at the same time are
 * merged into one batch (flushed on the next turn of the event loop), so a scan with many small
 * tables still runs few, large batches. Evidence carries the probability and the model version,
 * never a value.
 */
import { canonicalOrder } from '../classify/canonical-order.js';
import type { ColumnInput, Evidence } from '../classify/types.js';
import type { BackendName } from './backend.js';
import { calibratedProbabilities, nearestCentroidDistance } from './calibration.js';
import { columnFeatures, FEATURE_SIZE, type ModelColumn } from './features.js';
import type { LoadedModel } from './model-store.js';
import type { ColumnHeads } from './predict.js';

/**
 * Below this calibrated top probability the model abstains: it says it does not know (the evidence
 * says so, with the probability) instead of a guess. The combination counts only opinions of 0.8 or
 * more anyway (ml-classifiers.ts); below one half the guess is not worth showing as an alternative.
 */
export const ABSTAIN_BELOW = 0.5;

export interface ColumnModelOptions {
  /** Model folder (default: the shipped models/column-model/<CURRENT>). */
  readonly dir?: string;
  /** Probabilities below this give no evidence (the top label always does). */
  readonly minProbability?: number;
  /** At most this many categories per column. */
  readonly maxCategories?: number;
}

export interface ColumnModelInfo {
  readonly name: string;
  readonly version: string;
  readonly backend: BackendName;
  readonly loadMs: number;
}

export interface ColumnModel {
  /** Loads the model if it is not loaded yet; resolves to what was loaded. */
  load(): Promise<ColumnModelInfo>;
  /** Model evidence per input, in order. */
  evidence(inputs: readonly ColumnInput[]): Promise<Evidence[][]>;
  /** Probabilities per input over `labels()` (for evaluation). */
  probabilities(inputs: readonly ColumnInput[]): Promise<Float32Array[]>;
  /** The model's labels, in output order (empty until loaded). */
  labels(): readonly string[];
}

export function toModelColumn(input: ColumnInput): ModelColumn {
  const { column, table, sample } = input;
  return {
    name: column.name,
    table: table.name,
    type: column.normalizedType,
    isPrimaryKey: column.isPrimaryKey,
    isForeignKey: table.foreignKeys.some((fk) => fk.columns.includes(column.name)),
    isArray: column.isArray,
    // The features read the first MAX_VALUES values: in canonical order, not the rows' (canonical-order.ts).
    values: canonicalOrder(sample?.values ?? []),
    nullCount: sample?.nullCount ?? 0,
  };
}

/** What the model makes of one batch: calibrated probabilities per row, and each row's distance to the training data. */
interface Judgement {
  readonly probs: Float32Array;
  /** Per row: distance of its penultimate activations to the nearest class centroid (0 without novelty data). */
  readonly distances: Float32Array;
}

interface Pending {
  readonly features: Float32Array;
  readonly rows: number;
  readonly resolve: (judgement: Judgement) => void;
  readonly reject: (error: unknown) => void;
}

/** The model says it does not know: score 0 (no vote), and why (never a value). */
export function abstention(category: string, source: string, why: string): Evidence {
  return { factor: 'model', category, score: 0, source, reason: `model abstains: ${why}` };
}

/** Evidence of the model abstaining (see abstention()): it takes no part in the combination, it is only shown. */
export function isAbstention(e: Evidence): boolean {
  return e.factor === 'model' && e.score === 0 && e.reason.startsWith('model abstains');
}

export function createColumnModel(options: ColumnModelOptions = {}): ColumnModel {
  const minProbability = options.minProbability ?? 0.1;
  const maxCategories = options.maxCategories ?? 3;
  let loading: Promise<{ loaded: LoadedModel; info: ColumnModelInfo }> | undefined;
  let queue: Pending[] = [];
  let loadedLabels: readonly string[] = [];
  let heads: (features: Float32Array, featureSize: number) => ColumnHeads;

  const ensureLoaded = () =>
    (loading ??= (async () => {
      const started = performance.now();
      // Loads TF.js (see model-runtime.ts).
      const runtime = await import('./model-runtime.js');
      const { initBackend, loadModel, currentModelDir, headsRunner } = runtime;
      const backend = await initBackend();
      const loaded = await loadModel(options.dir ?? currentModelDir());
      heads = headsRunner(loaded.model);
      // One warm-up batch: the first predict compiles kernels.
      heads(new Float32Array(FEATURE_SIZE), FEATURE_SIZE);
      loadedLabels = loaded.metadata.labels;
      const info = { name: loaded.metadata.name, version: loaded.metadata.version, backend, loadMs: Math.round(performance.now() - started) };
      return { loaded, info };
    })());

  function flush(model: LoadedModel): void {
    const batch = queue;
    queue = [];
    try {
      const rows = batch.reduce((n, p) => n + p.rows, 0);
      const all = new Float32Array(rows * FEATURE_SIZE);
      let at = 0;
      for (const p of batch) {
        all.set(p.features, at * FEATURE_SIZE);
        at += p.rows;
      }
      const out = heads(all, FEATURE_SIZE);
      const calibration = model.metadata.calibration;
      const probs = calibratedProbabilities(out.logits, out.labels, calibration?.temperature ?? 1, calibration?.shrink ?? 1);
      const novelty = model.metadata.novelty;
      const distances = new Float32Array(rows);
      if (novelty) for (let r = 0; r < rows; r++) distances[r] = nearestCentroidDistance(out.hidden, r * out.hiddenSize, novelty.centroids);
      const width = out.labels;
      at = 0;
      for (const p of batch) {
        p.resolve({ probs: probs.slice(at * width, (at + p.rows) * width), distances: distances.slice(at, at + p.rows) });
        at += p.rows;
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async function judge(inputs: readonly ColumnInput[]): Promise<{ probs: Float32Array[]; distances: Float32Array }> {
    const { loaded } = await ensureLoaded();
    const width = loaded.metadata.labels.length;
    const features = new Float32Array(inputs.length * FEATURE_SIZE);
    inputs.forEach((input, i) => features.set(columnFeatures(toModelColumn(input)), i * FEATURE_SIZE));
    const judged = await new Promise<Judgement>((resolve, reject) => {
      if (queue.length === 0) setImmediate(() => flush(loaded));
      queue.push({ features, rows: inputs.length, resolve, reject });
    });
    return { probs: inputs.map((_, i) => judged.probs.subarray(i * width, (i + 1) * width)), distances: judged.distances };
  }

  return {
    load: async () => (await ensureLoaded()).info,
    labels: () => loadedLabels,
    probabilities: async (inputs) => (await judge(inputs)).probs,
    async evidence(inputs) {
      const [{ loaded, info }, { probs, distances }] = await Promise.all([ensureLoaded(), judge(inputs)]);
      const labels = loaded.metadata.labels;
      const source = `${info.name}@${info.version}`;
      const novelty = loaded.metadata.novelty;
      // The evidence score is the model's vote strength: its tempered softmax, the scale the combination's weights
      // and its 0.8 bar were set on. The shrink (calibration.ts) turns it into the probability of being right on a
      // schema unlike the training data, which the reason shows beside it.
      const shrink = loaded.metadata.calibration?.shrink ?? 1;
      const floor = (1 - shrink) / labels.length;
      return probs.map((p, i) => {
        const strength = (k: number) => Math.min(1, Math.max(0, (p[k] - floor) / shrink));
        const ranked = Array.from(p.keys()).sort((a, b) => p[b] - p[a]);
        const top = ranked[0];
        const guess = `its guess ${labels[top]} at ${strength(top).toFixed(2)} is not used`;
        if (novelty && distances[i] > novelty.threshold) {
          const why = `the column is unlike its training data (distance ${distances[i].toFixed(2)} to the nearest category seen in training, above the ${novelty.percentile}th percentile ${novelty.threshold.toFixed(2)} of the training columns)`;
          return [abstention(labels[top], source, `${why}; ${guess}`)];
        }
        if (strength(top) < ABSTAIN_BELOW) return [abstention(labels[top], source, `no category reaches ${ABSTAIN_BELOW}; ${guess}`)];
        return ranked
          .filter((k, rank) => rank === 0 || (rank < maxCategories && strength(k) >= minProbability))
          .map((k): Evidence => {
            const score = Math.round(strength(k) * 100) / 100;
            const reason = `model: ${score.toFixed(2)} for ${labels[k]} (calibrated probability ${p[k].toFixed(2)} on schemas unlike its training data)`;
            return { factor: 'model', category: labels[k], score, source, reason };
          });
      });
    },
  };
}
