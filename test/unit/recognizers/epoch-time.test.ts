import { describe, expect, it } from 'vitest';
import { epochTimeRecognizer, isEpochTime } from '../../../src/classify/recognizers/epoch-time.js';
import { prepareValues, recognizeColumn } from '../../../src/classify/recognizers/recognizer.js';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { inputsFor } from '../classify/column-input.js';

describe('epoch time recognizer', () => {
  it.each([
    ['1704067200', true], // 2024-01-01 in seconds
    ['1704067200123', true], // in milliseconds
    ['978307200', true], // 2001-01-01
    ['2208988800', false], // 2040: too late
    ['631152000', false], // 1990: before 2000 (a birth date would be)
    ['17040672001', false], // eleven digits: neither
    ['4155550123', false], // a ten-digit phone number, in 2101
    ['12345', false],
    ['2024-01-01', false],
  ])('%s → %s', (value, expected) => {
    expect(isEpochTime(value)).toBe(expected);
  });

  const times = Array.from({ length: 80 }, (_, i) => String(1_704_067_200 + i * 86_413));

  it('speaks for system.operations on a column of timestamps, and says nothing otherwise', () => {
    const [found] = recognizeColumn(epochTimeRecognizer, prepareValues(times));
    expect(found).toMatchObject({ category: CATEGORY.operations, factor: 'values' });
    expect(found.score).toBeGreaterThan(0.85);
    expect(found.reason).not.toContain(times[0]);
    expect(recognizeColumn(epochTimeRecognizer, prepareValues(['apple', 'pear', 'plum', 'fig']))).toEqual([]);
    const mixed = [...times.slice(0, 20), ...Array.from({ length: 60 }, (_, i) => String(4_155_550_100 + i))];
    expect(recognizeColumn(epochTimeRecognizer, prepareValues(mixed))).toEqual([]);
  });

  it('keeps a column of timestamps under an unclear name out of the personal categories', async () => {
    const [result] = await createHeuristicClassifier().classify(inputsFor('cron_jobs', [{ name: 'last_seen_tick', type: 'integer', values: times }]));
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.evidence.some((e) => e.source === 'epoch-time')).toBe(true);
  });
});
