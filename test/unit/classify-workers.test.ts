import { afterEach, describe, expect, it } from 'vitest';
import { defaultClassifyWorkers } from '../../src/classify/parallel-classifier.js';

describe('defaultClassifyWorkers', () => {
  const saved = process.env.PIISCOUT_CLASSIFY_WORKERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.PIISCOUT_CLASSIFY_WORKERS;
    else process.env.PIISCOUT_CLASSIFY_WORKERS = saved;
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 2],
    [4, 3],
    [5, 4],
    [64, 4],
  ])('with %i cores: %i workers (in the main thread with 2 or fewer, else one core left to it)', (cores, workers) => {
    delete process.env.PIISCOUT_CLASSIFY_WORKERS;
    expect(defaultClassifyWorkers(cores)).toBe(workers);
  });

  it('takes PIISCOUT_CLASSIFY_WORKERS when it is a whole number, and ignores anything else', () => {
    process.env.PIISCOUT_CLASSIFY_WORKERS = '1';
    expect(defaultClassifyWorkers(2)).toBe(1);
    process.env.PIISCOUT_CLASSIFY_WORKERS = '0';
    expect(defaultClassifyWorkers(8)).toBe(0);
    process.env.PIISCOUT_CLASSIFY_WORKERS = 'many';
    expect(defaultClassifyWorkers(8)).toBe(4);
    process.env.PIISCOUT_CLASSIFY_WORKERS = ' ';
    expect(defaultClassifyWorkers(2)).toBe(0);
  });
});
