/**
 * Classifies on all cores: a pool of worker threads, each with its own heuristic classifier rebuilt
 * from the parsed config the scan sends it (custom recognizers hold functions, which cannot be sent to
 * a thread; the config is plain data, parsed once by the scan, never read again from its file). The
 * column model stays in the main thread; its evidence travels with the inputs. Results are the same
 * as in-thread classification: the same classifier code runs on the same inputs, and the batch is
 * put back together in order.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { DatabaseMetadata, TableMetadata } from '../core/metadata.js';
import type { ColumnSample } from '../core/sample.js';
import { classifierOptionsFromConfig } from '../config/custom-recognizers.js';
import type { PiiscoutConfig } from '../config/schema.js';
import { combinedHeuristicOptions, createCombinedClassifier, modelExtraEvidence } from '../model/ml-classifiers.js';
import type { ColumnModel } from '../model/model-classifier.js';
import { createHeuristicClassifier, type HeuristicClassifierOptions } from './heuristic-classifier.js';
import type { ColumnClassifier, ColumnInput, Evidence, FieldClassification } from './types.js';

export interface ParallelClassifierOptions {
  /** Worker threads; 0 classifies in the main thread. */
  readonly workers: number;
  /** The config the scan parsed; undefined: built-in defaults. */
  readonly config?: PiiscoutConfig;
  /** Rules plus the column model (`model` required) rather than the rules alone. */
  readonly ml: boolean;
  readonly model?: ColumnModel;
  /** Heap limits of each worker; default WORKER_RESOURCE_LIMITS. */
  readonly workerResourceLimits?: ResourceLimits;
}

export type ClosableClassifier = ColumnClassifier & { close(): Promise<void> };

/** What the main thread sends: one batch, and the model's evidence per input (empty lists without ml). */
export interface ClassifyRequest {
  readonly id: number;
  readonly inputs: readonly ColumnInput[];
  readonly extra: readonly (readonly Evidence[])[];
}

export type ClassifyResponse =
  | { readonly id: number; readonly results: FieldClassification[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

/** A worker's start-up data: the parsed config (structured-cloned into the thread), not a path. */
export interface WorkerSetup {
  readonly config?: PiiscoutConfig;
  readonly ml: boolean;
}

/** Below this many columns a batch goes to one worker whole; above, it is split across workers. */
const MIN_CHUNK = 32;
const MAX_DEFAULT_WORKERS = 4;
/**
 * Heap limits of a worker. The young generation (V8's default grows to 48 MB): a batch's garbage dies
 * young and what outlives it is small, so 12 MB costs no measurable classification time. The old
 * generation: under 2 GB, V8 lets the heap grow to ~1.6x its live size between full collections
 * rather than 4x (a worker lives on ~15 MB: ~30 MB less per worker). A batch needs a few MB; one that
 * does not fit is classified in the main thread instead (see WorkerPool).
 */
const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 1024 };

/**
 * `PIISCOUT_CLASSIFY_WORKERS` when set, else one per core but one (at most 4): the main thread is busy
 * too (it reads the samples, runs the column model and writes). With 2 cores or fewer, 0: measured on
 * 2 cores (docs/benchmarks.md), workers gave no wall time and cost CPU (each warms up its own copy of
 * the classifier) and ~40 MB each.
 */
export function defaultClassifyWorkers(cores = os.availableParallelism()): number {
  const fromEnv = process.env.PIISCOUT_CLASSIFY_WORKERS;
  if (fromEnv !== undefined && fromEnv.trim() !== '' && Number.isInteger(Number(fromEnv))) return Math.max(0, Number(fromEnv));
  return cores <= 2 ? 0 : Math.min(MAX_DEFAULT_WORKERS, cores - 1);
}

/** The heuristic options a parsed config gives (the same in the main thread and in each worker). */
export function heuristicOptionsFromConfig(config: PiiscoutConfig | undefined): HeuristicClassifierOptions {
  return config ? classifierOptionsFromConfig(config) : {};
}

/** The classifier a worker (or the in-thread fallback) runs, with the model's evidence supplied from outside. */
export function workerHeuristicOptions(
  setup: { readonly ml: boolean },
  options: HeuristicClassifierOptions,
  extraEvidence: NonNullable<HeuristicClassifierOptions['extraEvidence']>,
): HeuristicClassifierOptions {
  return setup.ml ? combinedHeuristicOptions(options, extraEvidence) : options;
}

export function createParallelClassifier(options: ParallelClassifierOptions): ClosableClassifier {
  if (options.ml && !options.model) throw new Error('createParallelClassifier: ml needs a model');
  const heuristicOptions = heuristicOptionsFromConfig(options.config);
  const extraEvidence = options.ml ? modelExtraEvidence(options.model!, heuristicOptions) : undefined;
  const id = options.ml ? 'heuristic+model' : 'heuristic';
  const workerUrl = new URL('./classify-worker.js', import.meta.url);
  const count = process.env.PIISCOUT_CLASSIFY_WORKERS === '0' ? 0 : options.workers;
  // Under vitest (TypeScript sources) there is no compiled worker beside this module.
  if (count < 1 || !fs.existsSync(fileURLToPath(workerUrl))) {
    const inThread = options.ml ? createCombinedClassifier(options.model!, heuristicOptions) : createHeuristicClassifier(heuristicOptions);
    return { id, classify: (inputs) => inThread.classify(inputs), close: async () => undefined };
  }
  const setup: WorkerSetup = { config: options.config, ml: options.ml };
  const pool = new WorkerPool(workerUrl, count, setup, heuristicOptions, options.workerResourceLimits ?? WORKER_RESOURCE_LIMITS);
  return {
    id,
    classify: async (inputs) => {
      if (inputs.length === 0) return [];
      const extra = extraEvidence ? await extraEvidence(inputs) : inputs.map(() => []);
      const sendable = stripInputs(inputs);
      const chunkSize = Math.max(MIN_CHUNK, Math.ceil(inputs.length / count));
      const parts: Promise<FieldClassification[]>[] = [];
      for (let at = 0; at < inputs.length; at += chunkSize) {
        parts.push(pool.run(sendable.slice(at, at + chunkSize), extra.slice(at, at + chunkSize)));
      }
      return (await Promise.all(parts)).flat();
    },
    close: () => pool.close(),
  };
}

/**
 * Only what the classifier reads: `database` holds every table of the scan, so it is cut down to the
 * table and the tables its foreign keys reference (the rules read foreign keys from the table itself and
 * look up no other table); nested JSON samples stay behind (they are classified
 * on their own). Shared objects stay shared, so the worker sees one table object per table.
 */
export function stripInputs(inputs: readonly ColumnInput[]): ColumnInput[] {
  const reduced = new Map<TableMetadata, DatabaseMetadata>();
  const reduce = (database: DatabaseMetadata, table: TableMetadata): DatabaseMetadata => {
    let db = reduced.get(table);
    if (!db) {
      const referenced = new Set(table.foreignKeys.map((fk) => `${fk.referencedSchema}\u0000${fk.referencedTable}`));
      // Most tables reference none: no pass over every table of the scan for each of them.
      const tables = referenced.size === 0 ? [] : database.tables.filter((t) => t !== table && referenced.has(`${t.schema}\u0000${t.name}`));
      db = { ...database, tables: [table, ...tables] };
      reduced.set(table, db);
    }
    return db;
  };
  const samples = new Map<ColumnSample, ColumnSample>();
  const strip = (sample: ColumnSample): ColumnSample => {
    let out = samples.get(sample);
    if (!out) {
      const { nested: _nested, ...rest } = sample;
      out = rest;
      samples.set(sample, out);
    }
    return out;
  };
  return inputs.map((input) => ({
    database: reduce(input.database, input.table),
    table: input.table,
    column: input.column,
    ...(input.sample ? { sample: strip(input.sample) } : {}),
    rowsSampled: input.rowsSampled,
    // The table's graph context is plain data (one object per table): the worker needs no graph.
    ...(input.subject ? { subject: input.subject } : {}),
  }));
}

interface Pending {
  readonly request: ClassifyRequest;
  resolve(results: FieldClassification[]): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  /** Ran out of memory: it takes no more batches. */
  outOfMemory: boolean;
}

/**
 * Least-busy dispatch over a fixed set of workers; a dead worker fails its batches and the pool, but
 * for one that ran out of memory (WORKER_RESOURCE_LIMITS): its batches, and any later one when no
 * worker is left, are classified in the main thread, by the same code.
 */
class WorkerPool {
  private readonly workers: Slot[] = [];
  private readonly setup: WorkerSetup;
  /** The in-thread fallback's options, built once from the same config the workers got. */
  private readonly heuristicOptions: HeuristicClassifierOptions;
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(url: URL, count: number, setup: WorkerSetup, heuristicOptions: HeuristicClassifierOptions, resourceLimits: ResourceLimits) {
    this.setup = setup;
    this.heuristicOptions = heuristicOptions;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(url, { workerData: setup, resourceLimits });
      const slot: Slot = { worker, pending: new Map<number, Pending>(), outOfMemory: false };
      worker.on('message', (message: ClassifyResponse) => {
        const waiting = slot.pending.get(message.id);
        if (!waiting) return;
        slot.pending.delete(message.id);
        if (slot.pending.size === 0) worker.unref();
        if ('error' in message) {
          const error = new Error(`classification failed in a worker thread: ${message.error.message}`);
          if (message.error.stack) error.stack = `${error.message}\n--- in the worker:\n${message.error.stack}`;
          waiting.reject(error);
        } else waiting.resolve(message.results);
      });
      const fail = (error: Error): void => {
        if (this.closing) return;
        this.failure ??= error;
        for (const waiting of slot.pending.values()) waiting.reject(error);
        slot.pending.clear();
      };
      worker.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY' || this.closing) {
          fail(new Error(`classify worker crashed: ${error.message}`, { cause: error }));
          return;
        }
        slot.outOfMemory = true;
        const waiting = [...slot.pending.values()];
        slot.pending.clear();
        for (const p of waiting) this.inThread(p.request).then(p.resolve, p.reject);
      });
      worker.on('messageerror', (error) => fail(new Error(`classify worker could not read a message: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => {
        if (!slot.outOfMemory) fail(new Error(`classify worker exited unexpectedly (code ${code})`));
      });
      // Idle workers must not keep the process alive (e.g. when a caller forgets close()). After the
      // listeners: adding a 'message' listener refs the worker's port again.
      worker.unref();
      this.workers.push(slot);
    }
  }

  run(inputs: readonly ColumnInput[], extra: readonly (readonly Evidence[])[]): Promise<FieldClassification[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('the classify worker pool is closed'));
    const id = this.nextId++;
    const request: ClassifyRequest = { id, inputs, extra };
    // Least busy; ties go to the first, so dispatch is the same from run to run.
    const slot = this.workers
      .filter((w) => !w.outOfMemory)
      .reduce<Slot | undefined>((best, w) => (best && best.pending.size <= w.pending.size ? best : w), undefined);
    if (!slot) return this.inThread(request);
    return new Promise<FieldClassification[]>((resolve, reject) => {
      slot.pending.set(id, { request, resolve, reject });
      slot.worker.ref();
      try {
        slot.worker.postMessage(request);
      } catch (error) {
        slot.pending.delete(id);
        if (slot.pending.size === 0) slot.worker.unref();
        reject(error as Error);
      }
    });
  }

  /** One batch classified in this thread, as a worker would (the model's evidence came along). */
  private async inThread(request: ClassifyRequest): Promise<FieldClassification[]> {
    const classifier = createHeuristicClassifier(workerHeuristicOptions(this.setup, this.heuristicOptions, async () => request.extra));
    return classifier.classify(request.inputs);
  }

  async close(): Promise<void> {
    this.closing = true;
    const closed = new Error('the classify worker pool was closed');
    for (const slot of this.workers) {
      for (const waiting of slot.pending.values()) waiting.reject(closed);
      slot.pending.clear();
    }
    await Promise.all(this.workers.map((slot) => slot.worker.terminate()));
  }
}
