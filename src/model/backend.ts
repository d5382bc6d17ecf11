/**
 * Picks the TensorFlow.js backend once per process: @tensorflow/tfjs-node when it is installed (an
 * optional dependency; its native library cannot be downloaded everywhere), else the wasm backend
 * (SIMD, single-threaded in Node), else plain JS 'cpu'. Returns the backend's name for --verbose.
 */
import { requireBackendPackage, tf } from './tf.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

const BACKEND_PACKAGES: Record<BackendName, string> = {
  tensorflow: '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

let chosen: Promise<BackendName> | undefined;

export function initBackend(preferred?: BackendName): Promise<BackendName> {
  chosen ??= pick(preferred ?? (process.env.PIISCOUT_TF_BACKEND as BackendName | undefined));
  return chosen;
}

async function pick(preferred: BackendName | undefined): Promise<BackendName> {
  tf.enableProdMode();
  const order: BackendName[] = preferred ? [preferred, 'tensorflow', 'wasm', 'cpu'] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    if (await tryBackend(name)) return name;
  }
  throw new Error('no TensorFlow.js backend could be initialised (tried tfjs-node, wasm and cpu)');
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    requireBackendPackage(BACKEND_PACKAGES[name]);
    // setBackend reports failure by returning false (with a console warning), not by throwing.
    return await quietly(() => tf.setBackend(name));
  } catch {
    return false;
  }
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}
