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
import { columnFeatures, FEATURE_SIZE, type ModelColumn } from './features.js';
import type { LoadedModel } from './model-store.js';

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

interface Pending {
  readonly features: Float32Array;
  readonly rows: number;
  readonly resolve: (probs: Float32Array) => void;
  readonly reject: (error: unknown) => void;
}

export function createColumnModel(options: ColumnModelOptions = {}): ColumnModel {
  const minProbability = options.minProbability ?? 0.1;
  const maxCategories = options.maxCategories ?? 3;
  let loading: Promise<{ loaded: LoadedModel; info: ColumnModelInfo }> | undefined;
  let queue: Pending[] = [];
  let loadedLabels: readonly string[] = [];
  let predictProbabilities: typeof import('./predict.js').predictProbabilities;

  const ensureLoaded = () =>
    (loading ??= (async () => {
      const started = performance.now();
      // Loads TF.js (see model-runtime.ts).
      const runtime = await import('./model-runtime.js');
      const { initBackend, loadModel, currentModelDir } = runtime;
      predictProbabilities = runtime.predictProbabilities;
      const backend = await initBackend();
      const loaded = await loadModel(options.dir ?? currentModelDir());
      // One warm-up batch: the first predict compiles kernels.
      predictProbabilities(loaded.model, new Float32Array(FEATURE_SIZE), FEATURE_SIZE);
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
      const probs = predictProbabilities(model.model, all, FEATURE_SIZE);
      const width = model.metadata.labels.length;
      at = 0;
      for (const p of batch) {
        p.resolve(probs.slice(at * width, (at + p.rows) * width));
        at += p.rows;
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async function probabilities(inputs: readonly ColumnInput[]): Promise<Float32Array[]> {
    const { loaded } = await ensureLoaded();
    const width = loaded.metadata.labels.length;
    const features = new Float32Array(inputs.length * FEATURE_SIZE);
    inputs.forEach((input, i) => features.set(columnFeatures(toModelColumn(input)), i * FEATURE_SIZE));
    const flat = await new Promise<Float32Array>((resolve, reject) => {
      if (queue.length === 0) setImmediate(() => flush(loaded));
      queue.push({ features, rows: inputs.length, resolve, reject });
    });
    return inputs.map((_, i) => flat.subarray(i * width, (i + 1) * width));
  }

  return {
    load: async () => (await ensureLoaded()).info,
    labels: () => loadedLabels,
    probabilities,
    async evidence(inputs) {
      const [{ loaded, info }, probs] = await Promise.all([ensureLoaded(), probabilities(inputs)]);
      const labels = loaded.metadata.labels;
      const source = `${info.name}@${info.version}`;
      return probs.map((p) => {
        const ranked = Array.from(p.keys()).sort((a, b) => p[b] - p[a]);
        return ranked
          .filter((k, rank) => rank === 0 || (rank < maxCategories && p[k] >= minProbability))
          .map((k): Evidence => {
            const probability = Math.round(p[k] * 100) / 100;
            return { factor: 'model', category: labels[k], score: probability, source, reason: `model: ${probability.toFixed(2)} probability for ${labels[k]}` };
          });
      });
    },
  };
}
