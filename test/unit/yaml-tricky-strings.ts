/** Strings for checking the direct YAML emitter against the `yaml` library (test/unit/yaml-emit.test.ts, dataset-stream.test.ts). */
import fc from 'fast-check';

/** Strings that are numbers, booleans, nulls, dates, indicators or markers in some position. */
export const TRICKY_STRINGS = [
  '', ' ', '  ', '007', '0', '-0', '+1', '1e3', '1E+3', '-1.5', '.5', '5.', '0x1F', '0o17', '0b1', '1_000', '.inf', '-.Inf', '+.INF',
  '.nan', '.NaN', 'true', 'True', 'TRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', '~', '2024-01-01',
  '2024-01-01T10:00:00Z', '12:30', '1:2', '- a', '-', '--', '---', '--- a', '...', '....', '? a', '?', '?a', ': a', ':', 'a:', 'a: b',
  'a:b', 'a :b', 'a #b', 'a#b', '#a', ' a', 'a ', '\ta', 'a\t', 'a\tb', 'a\t#b', 'a:\tb', '&a', '*a', '!a', '|', '|a', '>a', "'a",
  'a\'', '"a', 'a"', 'it\'s "x"', '"quoted"', "'quoted'", '%a', '@a', '`a', ',a', 'a,b', 'a, b', '[a]', 'a]', '{a}', 'a}', '{}', '[]',
  'a\nb', 'a\n', '\na', 'a\n\nb', 'a\n\n', ' a\nb', 'a \nb', 'a\n b', 'a\n ', '\n', '\n\n', 'a\r\nb', 'a\rb', 'a\u0000b', 'a\u0007',
  'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u00a0b', '\u00a0', 'a\u2028b', 'a\u2029b', '\ufeffa', 'é', 'Zürich', '名前', '😀', 'a😀b',
  'a\ud800b', '\udc00', 'a\\nb', 'a\\', '\\', 'a \\n', 'c:\\temp', 'x'.repeat(1100), `${'word '.repeat(300)}end`, `${'a, '.repeat(50)}z`,
  'model: 0.73 probability for user.name', "column name 'email' names user.contact.email ('email')", '97% of 200 sampled values',
  'none of 200 sampled values are gender terms', 'user.contact.email', 'system.operations', 'column-model@1.0.0',
];

/** Fragments that strings are glued from, so that indicators meet each other and the ends. */
export const FRAGMENTS = [
  'a', 'b', 'x', ' ', '  ', ':', ': ', '#', ' #', ',', ', ', '[', ']', '{', '}', '"', "'", '\n', '\t', '\r', '-', '- ', '?', '!', '&',
  '*', '|', '>', '%', '@', '`', '\\', '\u0000', '\u0085', '\u00a0', '\u2028', 'é', '😀', '\ud800', '---', '...', '0', '1', '.', 'e',
  'true', 'null', '~', '0x1F', '0o7', '.inf', '.nan', '+', '2024-01-01', 'yes',
];

/** A mix of the tricky strings, glued fragments and arbitrary unicode. */
export const trickyString = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.string({ unit: fc.constantFrom(...FRAGMENTS), maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);
