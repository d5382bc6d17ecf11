import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { cityRecognizer, countryRecognizer, stateRecognizer } from '../../../src/classify/recognizers/place.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

describe('city recognizer', () => {
  it.each([
    ['London', 1],
    ['München', 1],
    ['SAO PAULO', 1],
    ['Springfield', 0.6],
    ['New Marvin', 0.6],
    ['Quux', 0.25],
    ['12 Main St', 0],
    ['london', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(cityRecognizer, value)).toBeCloseTo(expected, 5);
  });
});

describe('state recognizer', () => {
  it.each([
    ['California', 1],
    ['CA', 0.8],
    ['NY', 0.8],
    ['Bayern', 1],
    ['Ontario', 1],
    ['XX', 0],
    ['Widgets', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(stateRecognizer, value)).toBeCloseTo(expected, 5);
  });
});

describe('country recognizer', () => {
  it.each([
    ['Germany', 1],
    ['Deutschland', 1],
    ['Allemagne', 1],
    ['United States', 1],
    ['USA', 1],
    ['Côte d’Ivoire', 1],
    ['DE', 0.7],
    ['ZZ', 0],
    ['Atlantis', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(countryRecognizer, value)).toBeCloseTo(expected, 5);
  });

  it('finds a country column', () => {
    faker.seed(51);
    const values = Array.from({ length: 200 }, () => faker.location.country());
    expect(evaluateRecognizer(countryRecognizer, prepareValues(values))!.score).toBeGreaterThan(0.8);
  });
});
