import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { createDateOfBirthRecognizer } from '../../../src/classify/recognizers/date-of-birth.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

const now = new Date('2025-06-01T00:00:00Z');
const recognizer = createDateOfBirthRecognizer({ now });
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

describe('date of birth recognizer', () => {
  it.each([
    ['1985-03-14', 1],
    ['1985-03-14T00:00:00.000Z', 1],
    ['1985-03-14 00:00:00', 1],
    ['1985-03-13T23:00:00.000Z', 0.8], // a midnight shifted by a time zone
    ['1985/03/14', 1],
    ['14.03.1985', 1],
    ['03/14/1985', 1],
    ['14/03/1985', 1],
    ['14 March 1985', 0.9],
    ['Mar 14, 1985', 0.9],
    ['19850314', 0.7], // compact form is weak
    // implausible ages or not dates
    ['1890-01-01', 0],
    ['2030-01-01', 0],
    ['1985-02-30', 0],
    ['1985-13-01', 0],
    ['2024-05-01T14:23:51.123Z', 0], // an event timestamp
    ['1985-03-14T09:17:00Z', 0],
    ['31/31/1985', 0],
    ['Foo 14, 1985', 0],
    ['12345678', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(recognizer, value)).toBeCloseTo(expected, 5);
  });

  it('finds birth dates spread over decades', () => {
    faker.seed(21);
    const values = Array.from({ length: 200 }, () => isoDate(faker.date.birthdate({ mode: 'age', min: 18, max: 90, refDate: now })));
    const evidence = evaluateRecognizer(recognizer, prepareValues(values))!;
    expect(evidence.score).toBeGreaterThan(0.9);
    expect(evidence.reason).toMatch(/decades/);
  });

  it('damps dates clustered in recent years, like created_at', () => {
    faker.seed(22);
    const values = Array.from({ length: 200 }, () => isoDate(faker.date.between({ from: '2022-01-01', to: '2025-05-01' })));
    const evidence = evaluateRecognizer(recognizer, prepareValues(values))!;
    expect(evidence.score).toBeLessThan(0.1);
    expect(evidence.reason).toMatch(/event dates/);
  });

  it('ignores timestamps with times of day', () => {
    faker.seed(23);
    const values = Array.from({ length: 200 }, () => faker.date.between({ from: '1950-01-01', to: '2020-01-01' }).toISOString());
    expect(evaluateRecognizer(recognizer, prepareValues(values))!.score).toBeLessThan(0.05);
  });
});
