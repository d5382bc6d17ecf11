/**
 * Values a recognizer cannot judge say nothing (names in scripts without case, numeric codes of places),
 * and a numbered part of a split value (`tel2`, `zip01`) is not held against the whole value's recognizer.
 */
import { describe, expect, it } from 'vitest';
import { defineRecognizer, evaluateRecognizerEvidence, prepareValues, recognizeColumn } from '../../../src/classify/recognizers/recognizer.js';
import { firstNameRecognizer, fullNameRecognizer, lastNameRecognizer } from '../../../src/classify/recognizers/person-name.js';
import { cityRecognizer, countryRecognizer, stateRecognizer } from '../../../src/classify/recognizers/place.js';
import { phoneRecognizer } from '../../../src/classify/recognizers/phone.js';
import { postalCodeRecognizer } from '../../../src/classify/recognizers/address.js';
import { hasCasedLetter } from '../../../src/classify/recognizers/text.js';
import { numberedGroupStem, numberedPart } from '../../../src/classify/name/numbered-parts.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { inputsFor, type ColumnSpec } from '../classify/column-input.js';

const repeat = (values: readonly string[], n: number) => Array.from({ length: n }, (_, i) => values[i % values.length]);

describe('judges: values a recognizer cannot read are left out', () => {
  /** Recognizes `ok-*` values; cannot judge values in brackets. */
  const bracketBlind = defineRecognizer({
    id: 'test-bracket-blind',
    category: 'user.unique_id',
    noun: 'ok codes',
    patterns: [{ name: 'ok', regex: /^ok-\d+$/, score: 1 }],
    judges: (value: string) => !value.startsWith('['),
  });

  it.each([
    ['all judged, all match', repeat(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5'], 20), 1],
    ['a few unjudged values do not dilute the share', [...repeat(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5'], 16), '[x]', '[y]'], 1],
    ['judged misses still count', [...repeat(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5'], 10), ...repeat(['no-1', 'no-2', 'no-3', 'no-4', 'no-5'], 10)], 0.5],
  ])('%s', (_label, values, score) => {
    const [evidence] = evaluateRecognizerEvidence(bracketBlind, prepareValues(values));
    expect(evidence.score).toBeCloseTo(score, 5);
  });

  it.each([
    ['only unjudged values', repeat(['[a]', '[b]', '[c]', '[d]'], 20)],
    ['mostly unjudged values (the few judged are no sample)', [...repeat(['[a]', '[b]', '[c]', '[d]'], 15), 'no-1', 'no-2', 'no-3']],
  ])('says nothing with %s', (_label, values) => {
    expect(evaluateRecognizerEvidence(bracketBlind, prepareValues(values))).toEqual([]);
  });

  it.each([
    ['Anna', true],
    ['müller', true],
    ['Ωmega', true],
    ['Пётр', true],
    ['山田', false],
    ['ヤマダ', false],
    ['김민준', false],
    ['محمد', false],
    ['42', false],
    ['', false],
  ])('hasCasedLetter(%s) → %s', (value, expected) => {
    expect(hasCasedLetter(value)).toBe(expected);
  });
});

describe('person names in scripts without case: cannot judge rather than "not a name"', () => {
  // Invented family and given names in Han script and Hangul, and katakana readings.
  const han = repeat(['林', '陳', '黄', '周', '吳', '鄭', '王', '劉'], 60);
  const hangul = repeat(['박서준', '최지우', '정하늘', '강민서', '윤도현'], 60);
  const katakana = repeat(['ハヤシ', 'モリタ', 'イシダ', 'オオノ', 'ヒラノ', 'スギタ'], 60);
  it.each([
    ['Han family names', han],
    ['Hangul full names', hangul],
    ['katakana readings', katakana],
  ])('%s give no name evidence at all', (_label, values) => {
    const prepared = prepareValues(values);
    for (const recognizer of [firstNameRecognizer, lastNameRecognizer, fullNameRecognizer]) {
      expect(evaluateRecognizerEvidence(recognizer, prepared), recognizer.id).toEqual([]);
    }
  });

  it('still judges Latin-script names, and a column of Latin words that are no names', () => {
    expect(evaluateRecognizerEvidence(lastNameRecognizer, prepareValues(repeat(['Tanaka', 'Smith', 'Garcia', 'Müller', 'Rossi'], 40)))[0].score).toBeGreaterThan(0.9);
    expect(evaluateRecognizerEvidence(lastNameRecognizer, prepareValues(repeat(['12 kg', '3 pcs', '7 boxes', '9 l', '4 m'], 40)))[0].score).toBe(0);
  });
});

describe('person-name look-alikes', () => {
  it.each([
    // Short reasons and statuses in lower case are ordinary words.
    [fullNameRecognizer, 'lower-case reason', repeat(['recorded by mistake', 'merged twice', 'wrong ward'], 30)],
    [lastNameRecognizer, 'lower-case reason', repeat(['recorded by mistake', 'merged twice', 'wrong ward'], 30)],
    [lastNameRecognizer, 'lower-case status', repeat(['closed', 'pending', 'archived', 'resolved'], 30)],
    [firstNameRecognizer, 'lower-case status', repeat(['closed', 'pending', 'archived', 'resolved'], 30)],
    // Names of organisations and institutions.
    [fullNameRecognizer, 'institutions', ['Lakeside Dental Clinic', 'Pinecrest Community Hospital', 'Orchard Family Practice', 'Summit Imaging Center', 'Valley Physio Associates', 'Meadow Insurance Trust']],
    [lastNameRecognizer, 'insurers', repeat(['Northwind Mutual Insurance', 'Crescent Health Shield', 'Harbor Care Fund'], 20)],
  ])('%s: %s are not person names', (recognizer, _label, values) => {
    const [evidence] = evaluateRecognizerEvidence(recognizer, prepareValues(values));
    expect(evidence.score).toBe(0);
  });

  it('a few unknown capitalised words repeated over many rows are a list of categories; a few known names stay names', () => {
    const insurers = prepareValues(repeat(['Medisure', 'Carevant', 'Healix', 'Nordwell'], 200));
    for (const recognizer of [firstNameRecognizer, lastNameRecognizer]) {
      const [found] = evaluateRecognizerEvidence(recognizer, insurers);
      expect(found.score, recognizer.id).toBeLessThan(0.15);
      expect(found.reason).toMatch(/list of categories/);
    }
    const doctors = prepareValues(repeat(['Smith', 'Garcia', 'Müller', 'Rossi'], 200));
    expect(evaluateRecognizerEvidence(lastNameRecognizer, doctors)[0].score).toBeGreaterThan(0.8);
  });

  it('family names of three unknown words need a known part', () => {
    const values = repeat(['Velvet Orbit Prism', 'Copper Kettle Deluxe', 'Quartz Lantern Supreme'], 20);
    expect(evaluateRecognizerEvidence(lastNameRecognizer, prepareValues(values))[0].score).toBe(0);
    expect(evaluateRecognizerEvidence(lastNameRecognizer, prepareValues(repeat(['van Dijk', 'de la Cruz', 'García Márquez', 'de Jong', 'van den Berg'], 20)))[0].score).toBeGreaterThan(0.9);
  });
});

describe('place codes', () => {
  it.each([
    [stateRecognizer, ['1', '13', '27', '40', '47', '8', '22']],
    [countryRecognizer, ['392', '840', '250', '276', '124']],
    [cityRecognizer, ['横浜市', '札幌市', '福岡市', '仙台市', '広島市']],
  ])('%s: numeric codes and names in scripts without case give no evidence', (recognizer, values) => {
    expect(evaluateRecognizerEvidence(recognizer, prepareValues(repeat(values, 40)))).toEqual([]);
  });

  it('a column of words that are no places is still judged', () => {
    expect(evaluateRecognizerEvidence(stateRecognizer, prepareValues(repeat(['open', 'closed', 'draft', 'merged'], 30)))[0].score).toBe(0);
  });
});

describe('numbered column groups', () => {
  it.each([
    ['tel1', { stem: 'tel', part: 1 }],
    ['zip_02', { stem: 'zip', part: 2 }],
    ['Address-3', { stem: 'address', part: 3 }],
    ['md5', { stem: 'md', part: 5 }],
    ['phone', undefined],
    ['2fa', undefined],
    ['code123', undefined],
  ])('numberedPart(%s)', (name, expected) => {
    expect(numberedPart(name)).toEqual(expected);
  });

  it.each([
    ['tel2', ['tel1', 'tel2', 'tel3'], 'tel'],
    ['street2', ['street', 'street2', 'city'], 'street'],
    ['kana_1', ['kana_1', 'kana_2'], 'kana'],
    ['md5', ['md5', 'sha1'], undefined],
    ['oauth2', ['oauth2', 'name'], undefined],
    ['tel1', ['tel1', 'fax1'], undefined],
    ['phone', ['phone', 'phone2'], undefined],
  ])('numberedGroupStem(%s, %j) → %s', (name, siblings, stem) => {
    expect(numberedGroupStem(name, siblings)).toBe(stem);
  });

  /** Runs a recognizer over one column of a table with the given column names, the way the classifier does. */
  function inTable(recognizer: Parameters<typeof recognizeColumn>[0], tableName: string, names: readonly string[], at: number, values: readonly string[]) {
    const specs: ColumnSpec[] = names.map((name, i) => ({ name, values: i === at ? values : [] }));
    const input = inputsFor(tableName, specs)[at];
    return recognizeColumn(recognizer, prepareValues(values), {
      nameTokens: tokenizeName(names[at]),
      column: { input, tableSubject: tableSubject(tableName) },
    });
  }

  // The middle group of a phone number split in three, and the first part of a postal code split in two.
  const phonePart = repeat(['4821', '7730', '1296', '5584', '9043', '6617'], 30);
  const postalPart = repeat(['531', '108', '764', '902', '215'], 30);

  it.each([
    [phoneRecognizer, ['tel1', 'tel2', 'tel3'], 1, phonePart],
    [postalCodeRecognizer, ['zip1', 'zip2'], 0, postalPart],
  ])('%s: a part of a split value is not held against the column', (recognizer, names, at, values) => {
    expect(inTable(recognizer, 'members', names, at, values).filter((e) => e.score < 0.5)).toEqual([]);
  });

  it('a numbered column whose name does not name the category is judged as usual', () => {
    const found = inTable(phoneRecognizer, 'members', ['memo1', 'memo2'], 1, phonePart);
    expect(found).toHaveLength(1);
    expect(found[0].score).toBeLessThan(0.5);
  });

  it('the same values in a column of their own still count as misses', () => {
    const alone = inTable(phoneRecognizer, 'members', ['tel'], 0, phonePart);
    expect(alone).toHaveLength(1);
    expect(alone[0].score).toBeLessThan(0.5);
  });

  it('confident evidence about a numbered column stays', () => {
    const phones = repeat(['+44 20 7946 0958', '+44 161 496 0734', '+44 117 496 0520', '+44 131 496 0411', '+44 29 2018 0923'], 30);
    const found = inTable(phoneRecognizer, 'members', ['phone1', 'phone2'], 0, phones);
    expect(found[0].score).toBeGreaterThan(0.8);
  });
});
