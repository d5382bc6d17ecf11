/**
 * Batched inference: rows of features → rows of probabilities. Own 512-row batches through
 * predictOnBatch inside tf.tidy (model.predict slices its input with slow kernels on wasm).
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { tf } from './tf.js';

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
