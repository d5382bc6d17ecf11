/**
 * What running the column model needs. Importing this module loads TF.js (tf.ts), so
 * model-classifier.ts imports it on first use only: a scan starts its model loading and its
 * connecting together, and commands that never run the model never load TF.js.
 */
export { initBackend } from './backend.js';
export { currentModelDir, loadModel } from './model-store.js';
export { headsRunner, predictProbabilities } from './predict.js';
