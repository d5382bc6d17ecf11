/**
 * Batched inference: rows of features → rows of probabilities. Own 512-row batches through
 * predictOnBatch inside tf.tidy (model.predict slices its input with slow kernels on wasm).
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfLayers from '@tensorflow/tfjs-layers';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { tf, tfLayers } from './tf.js';

export const PREDICT_BATCH = 512;

export function predictProbabilities(model: LayersModel, features: Float32Array, featureSize: number): Float32Array {
  const rows = features.length / featureSize;
  const labels = model.outputs[0].shape[model.outputs[0].shape.length - 1] as number;
  const out = new Float32Array(rows * labels);
  for (let start = 0; start < rows; start += PREDICT_BATCH) {
    const count = Math.min(PREDICT_BATCH, rows - start);
    const batch = features.subarray(start * featureSize, (start + count) * featureSize);
    const probs = tf.tidy(() => model.predictOnBatch(tf.tensor2d(batch, [count, featureSize])) as TfCore.Tensor);
    out.set(probs.dataSync() as Float32Array, start * labels);
    probs.dispose();
  }
  return out;
}

/** The penultimate layer's activations and the output layer's logits, per row. */
export interface ColumnHeads {
  readonly hidden: Float32Array;
  readonly hiddenSize: number;
  readonly logits: Float32Array;
  readonly labels: number;
}

/**
 * A runner for the model's last two stages: the network up to its penultimate layer on TF.js, then
 * the output layer's affine map in plain JS (64 × 31 multiply-adds per row), giving the logits that a
 * temperature divides and the activations the novelty test measures. The softmax is left to the caller.
 */
export function headsRunner(model: LayersModel): (features: Float32Array, featureSize: number) => ColumnHeads {
  const last = model.layers[model.layers.length - 1];
  const hiddenModel = tfLayers.model({ inputs: model.inputs, outputs: model.layers[model.layers.length - 2].output as TfLayers.SymbolicTensor });
  const [kernel, bias] = last.getWeights().map((w) => w.dataSync() as Float32Array);
  const labels = bias.length;
  const hiddenSize = kernel.length / labels;
  return (features, featureSize) => {
    const hidden = predictProbabilities(hiddenModel, features, featureSize);
    const rows = hidden.length / hiddenSize;
    const logits = new Float32Array(rows * labels);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < labels; k++) {
        let sum = bias[k];
        for (let j = 0; j < hiddenSize; j++) sum += hidden[r * hiddenSize + j] * kernel[j * labels + k];
        logits[r * labels + k] = sum;
      }
    }
    return { hidden, hiddenSize, logits, labels };
  };
}
