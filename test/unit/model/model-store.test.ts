/** Model folders: a good one round-trips; bad metadata or missing files fail with a message that says what is wrong. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/model/backend.js';
import { FEATURE_SCHEMA_VERSION, FEATURE_SIZE } from '../../../src/model/features.js';
import { currentModelDir, loadModel, ModelLoadError, readMetadata, saveModel } from '../../../src/model/model-store.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-model-store-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const labels = ['system.operations', 'user.contact.email', 'user.name'];
const metadata = (over: Record<string, unknown> = {}) => ({
  name: 'column-model', version: '0.0.1', labels, featureSchemaVersion: FEATURE_SCHEMA_VERSION, featureSize: FEATURE_SIZE, ...over,
});

async function writeModel(dir: string, meta: Record<string, unknown>): Promise<void> {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ inputShape: [FEATURE_SIZE], units: 3, activation: 'softmax' }));
  await saveModel(model, dir);
  model.dispose();
  fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(meta));
}

describe('model store', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('loads a folder it saved', async () => {
    const dir = path.join(work, 'good');
    await writeModel(dir, metadata());
    const loaded = await loadModel(dir);
    expect(loaded.metadata.labels).toEqual(labels);
    loaded.model.dispose();
  });

  it('refuses a label count that does not match the output layer', async () => {
    const dir = path.join(work, 'labels');
    await writeModel(dir, metadata({ labels: ['system.operations', 'user.name'] }));
    await expect(loadModel(dir)).rejects.toThrow(/lists 2 labels but the model has 3 outputs/);
  });

  it('refuses another feature schema, with the way out', async () => {
    const dir = path.join(work, 'schema');
    await writeModel(dir, metadata({ featureSchemaVersion: FEATURE_SCHEMA_VERSION + 1 }));
    await expect(loadModel(dir)).rejects.toThrow(/feature schema .*npm run train/);
  });

  it('names a missing weights file and broken metadata', async () => {
    const dir = path.join(work, 'noweights');
    await writeModel(dir, metadata());
    fs.rmSync(path.join(dir, 'weights.bin'));
    await expect(loadModel(dir)).rejects.toThrow(/weights file .*weights\.bin is missing/);
    fs.writeFileSync(path.join(dir, 'metadata.json'), '{not json');
    expect(() => readMetadata(dir)).toThrow(ModelLoadError);
    fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(metadata({ labels: [] })));
    expect(() => readMetadata(dir)).toThrow(/"labels" must be a non-empty list/);
  });

  it('refuses a calibration shrink outside (0, 1]', () => {
    const dir = path.join(work, 'shrink');
    fs.mkdirSync(dir, { recursive: true });
    const calibration = (shrink: unknown) => ({ temperature: 1.4, shrink, fittedOn: { seed: 1, columns: 10 } });
    for (const bad of [0, 1.2, 'x']) {
      fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(metadata({ calibration: calibration(bad) })));
      expect(() => readMetadata(dir)).toThrow(/calibration\.shrink must be a number in \(0, 1\]/);
    }
    fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(metadata({ calibration: calibration(0.8) })));
    expect(readMetadata(dir).calibration!.shrink).toBe(0.8);
  });

  it('finds the shipped model through models/column-model/CURRENT', () => {
    const dir = currentModelDir();
    expect(fs.existsSync(path.join(dir, 'model.json'))).toBe(true);
    expect(readMetadata(dir).labels.length).toBeGreaterThan(10);
  });
});
