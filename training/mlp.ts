/**
 * The column MLP's recipe, shared by `npm run train` (the shipped model) and the fold models of the
 * shifted calibration (shift-calibration.ts): seeded Glorot initialisers, a seeded batch order, Adam
 * with one learning-rate step. The same rows, epochs and seed give the same weights byte for byte
 * (wasm backend: fixed float summation order).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { FEATURE_SIZE } from '../src/model/features.js';
import { Rng } from './rng.js';

export const BATCH = 128;
/** Learning rate 1e-3, then this from the epoch after LR_STEP_EPOCH. */
export const LR_AFTER_STEP = 0.0003;
export const LR_STEP_EPOCH = 8;

export function buildModel(labels: number): tfl.LayersModel {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ inputShape: [FEATURE_SIZE], units: 128, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 11 }) }));
  model.add(tfl.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 13 }) }));
  model.add(tfl.layers.dense({ units: labels, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 14 }) }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  return model;
}

export interface TrainOptions {
  /** Feature rows (FEATURE_SIZE floats each) and their label indices. */
  readonly x: Float32Array;
  readonly y: ArrayLike<number>;
  /** The rows trained on (default all), in the order the seeded shuffle starts from. */
  readonly rows?: readonly number[];
  readonly labels: number;
  readonly epochs: number;
  /** Seed of the batch order. */
  readonly seed: number;
  /** Label smoothing ε (target 1 − ε for the true label, ε/K for every label). */
  readonly smoothing: number;
  /** Epoch after which the learning rate steps down (default LR_STEP_EPOCH). */
  readonly stepEpoch?: number;
  readonly log?: (line: string) => void;
}

/** Trains a fresh model (buildModel) on the given rows; whole batches only, the tail of each epoch is dropped. */
export async function trainModel(options: TrainOptions): Promise<tfl.LayersModel> {
  const { x, y, labels, epochs, smoothing } = options;
  const model = buildModel(labels);
  const order = options.rows ? [...options.rows] : Array.from({ length: y.length }, (_, i) => i);
  const rng = new Rng(options.seed);
  const started = performance.now();
  const batchX = new Float32Array(BATCH * FEATURE_SIZE);
  const batchY = new Float32Array(BATCH * labels);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    rng.shuffle(order);
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start + BATCH <= order.length; start += BATCH) {
      for (let j = 0; j < BATCH; j++) {
        const row = order[start + j];
        batchX.set(x.subarray(row * FEATURE_SIZE, (row + 1) * FEATURE_SIZE), j * FEATURE_SIZE);
        batchY.fill(smoothing / labels, j * labels, (j + 1) * labels);
        batchY[j * labels + y[row]] += 1 - smoothing;
      }
      const xs = tf.tensor2d(batchX, [BATCH, FEATURE_SIZE]);
      const ys = tf.tensor2d(batchY, [BATCH, labels]);
      const loss = (await model.trainOnBatch(xs, ys)) as number;
      xs.dispose();
      ys.dispose();
      lossSum += loss;
      batches++;
    }
    if (epoch === (options.stepEpoch ?? LR_STEP_EPOCH)) (model.optimizer as unknown as { learningRate: number }).learningRate = LR_AFTER_STEP;
    options.log?.(`epoch ${epoch}/${epochs}: loss ${(lossSum / batches).toFixed(4)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return model;
}
