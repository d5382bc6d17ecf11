import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { builtinRecognizers } from '../../../src/classify/recognizers/registry.js';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { passesGate, traitsOf, TRAIT, valueTraits } from '../../../src/classify/recognizers/value-traits.js';

describe('value traits', () => {
  it.each([
    ['anna@example.org', TRAIT.letter | TRAIT.at | TRAIT.dot, 0],
    ['(212) 736-5000', TRAIT.digit | TRAIT.space | TRAIT.dash | TRAIT.symbol, 10],
    ['Müller', TRAIT.letter | TRAIT.upper | TRAIT.nonAscii, 0],
    ['10.0.0.1/24', TRAIT.digit | TRAIT.dot | TRAIT.slash, 7],
    ['a,b:c', TRAIT.letter | TRAIT.comma | TRAIT.colon, 0],
  ])('%s', (value, bits, digits) => {
    expect(traitsOf(value)).toEqual({ bits, digits });
  });

  it('gates check all, any, none and digit counts', () => {
    const { bits, digits } = traitsOf('AB123456C');
    expect(passesGate({ all: TRAIT.letter | TRAIT.digit, minDigits: 6, maxDigits: 6 }, bits, digits)).toBe(true);
    expect(passesGate({ any: TRAIT.at | TRAIT.dot }, bits, digits)).toBe(false);
    expect(passesGate({ none: TRAIT.upper }, bits, digits)).toBe(false);
    expect(passesGate({ minDigits: 7 }, bits, digits)).toBe(false);
  });

  it('are computed once per column and follow the distinct values', () => {
    const values = prepareValues(['a@b.co', ' 123 ', 'a@b.co']);
    expect(valueTraits(values)).toBe(valueTraits(values));
    const digits = valueTraits(values).digits;
    expect(Object.fromEntries(values.distinct.map((value, i) => [value, digits[i]]))).toEqual({ 'a@b.co': 0, '123': 3 });
  });
});

/** Values of many kinds, so each recognizer sees values it matches and values it must not. */
function generatedValues(): string[] {
  faker.seed(11);
  const makers: (() => string)[] = [
    () => faker.internet.email(), () => faker.phone.number(), () => faker.phone.number({ style: 'international' }),
    () => faker.person.firstName(), () => faker.person.lastName(), () => faker.person.fullName(), () => faker.location.city(),
    () => faker.location.streetAddress(), () => faker.location.zipCode(), () => faker.location.country(), () => faker.location.state(),
    () => faker.internet.ipv4(), () => faker.internet.ipv6(), () => faker.internet.mac(), () => faker.internet.url(),
    () => faker.string.uuid(), () => faker.finance.creditCardNumber(), () => faker.finance.iban({ formatted: faker.datatype.boolean() }),
    () => faker.date.birthdate().toISOString().slice(0, 10), () => faker.date.past().toLocaleDateString('de-DE'),
    () => faker.string.numeric({ length: { min: 5, max: 19 } }), () => faker.string.alphanumeric({ length: { min: 6, max: 16 }, casing: 'upper' }),
    () => `${faker.string.numeric(3)}-${faker.string.numeric(2)}-${faker.string.numeric(4)}`, () => faker.internet.username(),
    () => faker.string.sample({ min: 1, max: 24 }),
  ];
  return makers.flatMap((make) => Array.from({ length: 150 }, make));
}

describe('recognizer gates', () => {
  const gated = builtinRecognizers.filter((r): r is ValueRecognizer & { gate: NonNullable<ValueRecognizer['gate']> } => r.gate !== undefined);
  const values = generatedValues();

  it('most built-in recognizers have one', () => {
    expect(gated.length).toBeGreaterThanOrEqual(25);
  });

  // A gate is a necessary condition: a value it turns away would not have scored anyway.
  it.each(gated.map((r) => [r.id, r] as const))('%s: no value the gate rejects scores', (_id, recognizer) => {
    let rejected = 0;
    for (const value of values) {
      const { bits, digits } = traitsOf(value);
      if (passesGate(recognizer.gate, bits, digits)) continue;
      rejected++;
      expect(scoreValue(recognizer, value, recognizer.patterns.map((p) => p.contextScore ?? p.score)), value).toBe(0);
    }
    expect(rejected).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const { bits, digits } = traitsOf(value);
        return passesGate(recognizer.gate, bits, digits) || scoreValue(recognizer, value, recognizer.patterns.map((p) => p.contextScore ?? p.score)) === 0;
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('a column no value of which passes gives the same zero evidence as checking each value', () => {
    const email = builtinRecognizers.find((r) => r.id === 'email')!;
    const names = prepareValues(Array.from({ length: 50 }, (_, i) => `Name ${String.fromCharCode(65 + (i % 26))}${i}`));
    const ungated = { ...email, gate: undefined };
    expect(evaluateRecognizer(email, names)).toEqual(evaluateRecognizer(ungated, names));
    expect(evaluateRecognizer(email, names)!.score).toBe(0);
  });
});

describe('pattern gates', () => {
  const values = generatedValues();
  const withGates = builtinRecognizers.flatMap((r) => r.patterns.filter((p) => p.gate).map((p) => [`${r.id}: ${p.name}`, p] as const));

  it('exist on some patterns', () => {
    expect(withGates.length).toBeGreaterThanOrEqual(10);
  });

  // A pattern gate is a necessary condition: a value it turns away would not have matched the pattern.
  it.each(withGates)('%s: every value the pattern matches passes its gate', (_name, pattern) => {
    const postalLike = fc.stringMatching(/^[0-9A-Z -]{2,10}$/);
    const streetLike = fc.stringMatching(/^[0-9]{0,8} ?[A-Za-zß.' -]{0,20}(?:, ?[0-9]{1,4})?$/);
    let matched = 0;
    const check = (value: string) => {
      if (!pattern.regex.test(value)) return true;
      matched++;
      const { bits, digits } = traitsOf(value);
      return passesGate(pattern.gate!, bits, digits);
    };
    const examples = ['PO Box 123', 'p.o. box 7', 'Postfach 1234', 'Apartado de correos 45', 'K1A 0B1', 'k1a0b1', 'M5V 3L9', '1012 AB', 'SW1A 1AA'];
    for (const value of [...values, ...examples]) expect(check(value), value).toBe(true);
    // Strings made to match the pattern, where fast-check can read it.
    const matching = (() => {
      try {
        return fc.stringMatching(pattern.regex);
      } catch {
        return fc.string();
      }
    })();
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 30 }), postalLike, streetLike, matching), check), { numRuns: 5000, seed: 6 });
    expect(matched).toBeGreaterThan(0);
  });
});
