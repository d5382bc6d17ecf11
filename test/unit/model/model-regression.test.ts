/**
 * Prediction regression of the shipped column model (nsfwjs-style snapshot): a fixed fixture of
 * generated columns (seeded; no real data) and the categories the model alone proposes for them.
 * The snapshot holds kinds and categories only, never values. Retraining the model updates it
 * (`npx vitest run test/unit/model -u`) — review the diff like any behaviour change.
 */
import { describe, expect, it } from 'vitest';
import { createColumnModel } from '../../../src/model/model-classifier.js';
import { createModelOnlyClassifier } from '../../../src/model/ml-classifiers.js';
import { generateColumns } from '../../../training/generate.js';
import { toInput } from '../../../training/column-input.js';

describe('shipped column model', () => {
  it('proposes the same categories for a fixed fixture of generated columns', async () => {
    const columns = generateColumns({ seed: 4242, count: 60 });
    const model = createColumnModel();
    const info = await model.load();
    const results = await createModelOnlyClassifier(model).classify(columns.map(toInput));
    const lines = columns.map((c, i) => `${c.kind} (${c.label}) → ${results[i].categories.join(', ')}`);
    const right = columns.filter((c, i) => results[i].categories[0] === c.label).length;
    expect(right / columns.length).toBeGreaterThan(0.85);
    expect({ version: info.version, lines }).toMatchSnapshot();
  });

  it('puts its probability and version into the evidence, or why it abstains', async () => {
    const model = createColumnModel();
    const columns = generateColumns({ seed: 99, count: 20 });
    const all = await model.evidence(columns.map(toInput));
    let spoke = 0;
    all.forEach((evidence, i) => {
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) {
        expect(e.factor).toBe('model');
        expect(e.source).toMatch(/^column-model@\d+\.\d+\.\d+$/);
        expect(e.reason).toMatch(/^model: [01]\.\d\d for [a-z_.]+ \(calibrated probability 0\.\d\d on schemas unlike its training data\)$|^model abstains: /);
        for (const v of columns[i].values) if (v.trim().length > 3) expect(e.reason).not.toContain(v.trim());
      }
      if (evidence[0].score > 0) spoke++;
      expect(evidence[0].score).toBeGreaterThanOrEqual(evidence[evidence.length - 1].score);
    });
    expect(spoke).toBeGreaterThan(10);
  });
});
