/** Calibration and abstention of the column model (issue 16): the formulas, the shipped metadata, and abstaining at run time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMBINE_CONFIG, type CombineConfig } from '../../../src/classify/combine.js';
import type { Evidence } from '../../../src/classify/types.js';
import {
  calibratedProbabilities,
  classCentroids,
  fitShrunkTemperature,
  fitTemperature,
  negativeLogLikelihood,
  nearestCentroidDistance,
  percentileOf,
  reliability,
} from '../../../src/model/calibration.js';
import { combineWithModel } from '../../../src/model/ml-classifiers.js';
import { createColumnModel, isAbstention } from '../../../src/model/model-classifier.js';
import { currentModelDir, readMetadata } from '../../../src/model/model-store.js';
import { toInput } from '../../../training/column-input.js';
import { generateColumns } from '../../../training/generate.js';
import { Rng } from '../../../training/rng.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-calibration-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('calibration formulas', () => {
  it('recovers the temperature that generated the labels', () => {
    // Labels drawn from softmax(logits / 2): the best fit is close to 2.
    const rng = new Rng(7);
    const width = 4;
    const rows = 4000;
    const logits = new Float32Array(rows * width);
    const labels = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < width; k++) logits[i * width + k] = (rng.next() - 0.5) * 12;
      const p = calibratedProbabilities(logits.subarray(i * width, (i + 1) * width), width, 2);
      let u = rng.next();
      let k = 0;
      while (k < width - 1 && u > p[k]) u -= p[k++];
      labels[i] = k;
    }
    expect(fitTemperature(logits, width, labels)).toBeGreaterThan(1.8);
    expect(fitTemperature(logits, width, labels)).toBeLessThan(2.2);
  });

  it('recovers a shrink toward uniform: a model that is right 80% of the time when it looks certain', () => {
    // Sharp logits (top label at about 0.9999), right 4 times in 5, else a uniformly drawn label.
    const rng = new Rng(11);
    const width = 5;
    const rows = 5000;
    const logits = new Float32Array(rows * width);
    const labels = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const top = rng.int(0, width - 1);
      for (let k = 0; k < width; k++) logits[i * width + k] = k === top ? 12 : rng.next();
      labels[i] = rng.chance(0.8) ? top : rng.int(0, width - 1);
    }
    const { temperature, shrink } = fitShrunkTemperature(logits, width, labels);
    // Top label right with probability 0.8 + 0.2 / 5 = 0.84 = shrink + (1 - shrink) / 5: shrink about 0.8.
    expect(shrink).toBeGreaterThan(0.77);
    expect(shrink).toBeLessThan(0.83);
    const p = calibratedProbabilities(logits.subarray(0, width), width, temperature, shrink);
    expect(Math.max(...p)).toBeCloseTo(0.84, 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // The fit is better than temperature alone can do, and shrink 1 is the plain softmax.
    const temperatureOnly = negativeLogLikelihood(logits, width, labels, fitTemperature(logits, width, labels));
    expect(negativeLogLikelihood(logits, width, labels, temperature, shrink)).toBeLessThan(temperatureOnly);
    expect(calibratedProbabilities(logits.subarray(0, width), width, 2, 1)).toEqual(calibratedProbabilities(logits.subarray(0, width), width, 2));
  });

  it('softmax at temperature 1 sums to one and a higher temperature flattens it', () => {
    const logits = Float32Array.from([4, 1, 0]);
    const sharp = calibratedProbabilities(logits, 3, 1);
    const flat = calibratedProbabilities(logits, 3, 3);
    expect(sharp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(flat[0]).toBeLessThan(sharp[0]);
    expect(flat[0]).toBeGreaterThan(flat[1]);
  });

  it('bins top confidences into ten and weighs each bin by its count in the ECE', () => {
    // 0.95 right 9 of 10 times (gap 0.05), 0.55 right 1 of 2 (gap 0.05): ECE 0.05.
    const confidence = [...Array<number>(10).fill(0.95), 0.55, 0.55];
    const correct = [...Array<boolean>(9).fill(true), false, true, false];
    const { bins, ece } = reliability(confidence, correct);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toEqual({ lower: 0.9, count: 10, meanConfidence: 0.95, accuracy: 0.9 });
    expect(bins[5]).toEqual({ lower: 0.5, count: 2, meanConfidence: 0.55, accuracy: 0.5 });
    expect(bins[0]).toEqual({ lower: 0, count: 0, meanConfidence: null, accuracy: null });
    expect(ece).toBeCloseTo(0.05, 4);
    // Confidence 1.0 falls into the last bin.
    expect(reliability([1], [true]).bins[9].count).toBe(1);
  });

  it('measures the distance to the nearest class centroid, and the percentile of training distances', () => {
    const activations = Float32Array.from([0, 0, 2, 0, 10, 10, 12, 10]);
    const centroids = classCentroids(activations, 2, [0, 0, 1, 1], 2);
    expect(centroids).toEqual([[1, 0], [11, 10]]);
    expect(nearestCentroidDistance(Float32Array.from([1, 3]), 0, centroids)).toBeCloseTo(3, 6);
    expect(percentileOf([5, 1, 3, 2, 4], 80)).toBe(4);
    expect(percentileOf([5, 1, 3, 2, 4], 100)).toBe(5);
  });
});

describe('the shipped model', () => {
  it('carries a temperature fitted on its own generated stream and a novelty threshold from its training data', () => {
    const meta = readMetadata(currentModelDir());
    expect(meta.calibration!.temperature).toBeGreaterThan(0);
    expect(meta.calibration!.fittedOn.seed).not.toBe(meta.generator.seed);
    expect(meta.calibration!.fittedOn.seed).not.toBe(meta.generator.holdoutSeed);
    expect(meta.novelty!.centroids).toHaveLength(meta.labels.length);
    expect(meta.novelty!.threshold).toBeGreaterThan(0);
  });

  it('is calibrated on shifted data: fold models that never saw a third of the kinds, so it is never certain', () => {
    const meta = readMetadata(currentModelDir());
    expect(meta.calibration!.fittedOn.folds).toBeGreaterThanOrEqual(2);
    expect(meta.calibration!.fittedOn.heldOut).toBe('kinds');
    expect(meta.calibration!.shrink).toBeLessThan(1);
    // However sharp the logits, the top probability stays at shrink + (1 - shrink) / K.
    const width = meta.labels.length;
    const logits = new Float32Array(width).fill(0);
    logits[3] = 100;
    const p = calibratedProbabilities(logits, width, meta.calibration!.temperature, meta.calibration!.shrink);
    expect(p[3]).toBeCloseTo(meta.calibration!.shrink! + (1 - meta.calibration!.shrink!) / width, 5);
  });

  it('votes with its tempered strength, and shows the calibrated probability beside it', async () => {
    const meta = readMetadata(currentModelDir());
    const shrink = meta.calibration!.shrink!;
    const [column] = generateColumns({ seed: 5, count: 1 });
    const model = createColumnModel();
    const [evidence] = await model.evidence([toInput(column)]);
    const [p] = await model.probabilities([toInput(column)]);
    const top = Math.max(...p);
    expect(evidence[0].score).toBeCloseTo((top - (1 - shrink) / meta.labels.length) / shrink, 2);
    expect(evidence[0].score).toBeGreaterThan(top);
    expect(evidence[0].reason).toContain(`(calibrated probability ${top.toFixed(2)} on schemas unlike its training data)`);
  });

  it('abstains on a column unlike its training data, and says why without a value', async () => {
    const meta = readMetadata(currentModelDir());
    // The same model with a novelty threshold of 0: every column is "unlike the training data".
    const dir = path.join(work, 'strict');
    fs.cpSync(currentModelDir(), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify({ ...meta, novelty: { ...meta.novelty, threshold: 0 } }));
    const [column] = generateColumns({ seed: 5, count: 1 });
    const [strict] = await createColumnModel({ dir }).evidence([toInput(column)]);
    expect(strict).toHaveLength(1);
    expect(isAbstention(strict[0])).toBe(true);
    expect(strict[0].reason).toMatch(/^model abstains: the column is unlike its training data \(distance \d+\.\d\d .* above the 99th percentile 0\.00/);
    for (const v of column.values) if (v.trim().length > 3) expect(strict[0].reason).not.toContain(v.trim());
    // The shipped threshold lets the same column through.
    const [shipped] = await createColumnModel().evidence([toInput(column)]);
    expect(shipped.some(isAbstention)).toBe(false);
  });

  it('abstains where no category reaches one half', async () => {
    const meta = readMetadata(currentModelDir());
    // A very high temperature flattens every distribution below 0.5.
    const dir = path.join(work, 'hot');
    fs.cpSync(currentModelDir(), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify({ ...meta, calibration: { ...meta.calibration, temperature: 1000 } }));
    const [column] = generateColumns({ seed: 5, count: 1 });
    const [evidence] = await createColumnModel({ dir }).evidence([toInput(column)]);
    expect(evidence).toHaveLength(1);
    expect(evidence[0].reason).toMatch(/^model abstains: no category reaches 0\.5; its guess [a-z_.]+ at 0\.\d\d is not used$/);
  });
});

describe('combining an abstention', () => {
  const CONFIG: CombineConfig = { ...DEFAULT_COMBINE_CONFIG, weights: { ...DEFAULT_COMBINE_CONFIG.weights, model: 0.2 }, exhaustiveFactors: ['name'] };
  const ev = (factor: Evidence['factor'], category: string, score: number): Evidence => ({ factor, category, score, source: factor, reason: `${factor} says ${category}` });
  const abstained: Evidence = { factor: 'model', category: 'user.location.precise', score: 0, source: 'column-model@1.1.0', reason: 'model abstains: the column is unlike its training data' };

  it('decides as the rules alone would, and keeps the reason in the evidence', () => {
    const rules = [ev('values', 'user.contact.phone_number', 0.55)];
    const result = combineWithModel([...rules, abstained], CONFIG);
    const alone = combineWithModel(rules, CONFIG);
    expect(result.categories).toEqual(alone.categories);
    expect(result.confidence).toBe(alone.confidence);
    expect(result.evidence).toContainEqual(abstained);
  });
});
