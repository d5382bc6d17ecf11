/**
 * A classify worker thread (see parallel-classifier.ts): rebuilds the heuristic classifier from the
 * parsed config it was sent, then classifies each batch it is sent, with the model's evidence that came along.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createHeuristicClassifier } from './heuristic-classifier.js';
import { heuristicOptionsFromConfig, workerHeuristicOptions, type ClassifyRequest, type ClassifyResponse, type WorkerSetup } from './parallel-classifier.js';
import type { Evidence } from './types.js';

if (!parentPort) throw new Error('classify-worker.js runs as a worker thread only');
const port = parentPort;

// The evidence of the batch being classified: classify() asks for it right away, one batch at a time.
let currentExtra: readonly (readonly Evidence[])[] = [];
const setup = workerData as WorkerSetup;
const classifier = createHeuristicClassifier(workerHeuristicOptions(setup, heuristicOptionsFromConfig(setup.config), async () => currentExtra));

// Batches are handled one after another (classify is synchronous after its first await), so the
// shared `currentExtra` always belongs to the batch being classified.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: ClassifyRequest) => {
  queue = queue.then(async () => {
    let response: ClassifyResponse;
    try {
      currentExtra = request.extra;
      response = { id: request.id, results: await classifier.classify(request.inputs) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      response = { id: request.id, error: { message: e.message, stack: e.stack } };
    }
    port.postMessage(response);
  });
});
