/**
 * TensorFlow.js, loaded with require(). Its packages are CommonJS bundles of several MB; `import`
 * makes Node scan each bundle for its export names first (cjs-module-lexer), which took 3-5 times the
 * load itself (about 1 s against 0.2 s of the start-up of a scan, docs/benchmarks.md). Both ways give
 * the same module instances (Node's CommonJS cache), so a backend registered through one is seen
 * through the other. Importing this module loads TF.js: only code that runs the model imports it.
 */
import { createRequire } from 'node:module';
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfLayers from '@tensorflow/tfjs-layers';

const require = createRequire(import.meta.url);

export const tf = require('@tensorflow/tfjs-core') as typeof TfCore;
export const tfLayers = require('@tensorflow/tfjs-layers') as typeof TfLayers;

/** Loads a backend package (it registers itself with tfjs-core); throws when it is not installed. */
export function requireBackendPackage(name: string): void {
  require(name);
}
