/**
 * Gates (value-traits.ts) only skip work: a value a recognizer would have matched is never turned away.
 * Checked on the evaluation path itself, table-driven from Presidio's recognizer test strings (and the
 * candidate windows of its sentences, test/fixtures/vectors/): each recognizer that declares gates is
 * evaluated as declared and with every gate removed, on each vector string as a column and on each
 * entity's strings together as one column, and must give the same evidence.
 */
import { describe, expect, it } from 'vitest';
import { builtinRecognizers } from '../../../src/classify/recognizers/registry.js';
import { evaluateRecognizerEvidence, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { passesGate, traitsOf } from '../../../src/classify/recognizers/value-traits.js';
import { candidateWindows, loadPresidioVectors } from '../../../scripts/presidio-agreement.js';
import { presidioVectorsFile } from '../../helpers/fixture-paths.js';

const vectors = loadPresidioVectors(presidioVectorsFile);
/** Each entity's test strings and the windows of them (a sentence's number is judged in its window). */
const byEntity = new Map<string, string[]>();
for (const v of vectors) {
  const strings = byEntity.get(v.entity) ?? [];
  byEntity.set(v.entity, strings);
  strings.push(v.value, ...candidateWindows(v.value));
}
const allStrings = [...new Set([...byEntity.values()].flat())];

/** The recognizer as declared, minus its gates. */
function ungated(recognizer: ValueRecognizer): ValueRecognizer {
  return { ...recognizer, gate: undefined, patterns: recognizer.patterns.map((p) => ({ ...p, gate: undefined })) };
}

const gated = builtinRecognizers.filter((r) => r.gate !== undefined || r.patterns.some((p) => p.gate));
/** Every pattern at its context score too: a column named for the category is where weak patterns count. */
const NAMED = (r: ValueRecognizer) => ({ nameTokens: r.context?.slice(0, 1) ?? [] });

describe('gates never skip a value a recognizer would match (Presidio vectors)', () => {
  it('the table covers gated recognizers and strings they match', () => {
    expect(gated.length).toBeGreaterThanOrEqual(40);
    expect(allStrings.length).toBeGreaterThan(3000);
  });

  it.each(gated.map((r) => [r.id, r] as const))('%s', (_id, recognizer) => {
    const plain = ungated(recognizer);
    let matching = 0;
    let turnedAway = 0;
    for (const value of allStrings) {
      const score = scoreValue(plain, value, plain.patterns.map((p) => p.contextScore ?? p.score));
      const { bits, digits } = traitsOf(value.trim());
      if (recognizer.gate && !passesGate(recognizer.gate, bits, digits)) {
        turnedAway++;
        expect(score, `the gate turns away a value it scores`).toBe(0);
      }
      if (score === 0) continue;
      matching++;
      // A column of this one value: as declared and without gates, the same evidence.
      const column = prepareValues([value, value, value]);
      for (const options of [{}, NAMED(recognizer)]) {
        expect(evaluateRecognizerEvidence(recognizer, column, options)).toEqual(evaluateRecognizerEvidence(plain, column, options));
      }
    }
    // Each entity's strings as one column: gates turn some values away, the rest are judged as before.
    for (const strings of byEntity.values()) {
      const column = prepareValues(strings);
      for (const options of [{}, NAMED(recognizer), { maxDistinct: Infinity }]) {
        expect(evaluateRecognizerEvidence(recognizer, column, options)).toEqual(evaluateRecognizerEvidence(plain, column, options));
      }
    }
    expect(turnedAway + matching).toBeGreaterThan(0);
  });
});
