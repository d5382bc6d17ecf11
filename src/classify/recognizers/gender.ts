/**
 * Gender terms in English, German, French, Spanish, Italian, Dutch and Portuguese. Gender columns have
 * a handful of distinct values, so a column with many distinct values is not one, and the usual damping
 * for few distinct values does not apply. Single letters (m/f/w/d/x/h/v) and ISO 5218 codes (0/1/2/9)
 * count only when the column name says gender or sex: `M` is also a size and a unit.
 */
import { CATEGORY } from '../categories.js';
import { percent, round3 } from './column-context.js';
import { defineRecognizer, scoreValue, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';

const TERMS: ReadonlySet<string> = new Set([
  // male
  'male', 'man', 'men', 'masculine', 'boy', 'mann', 'männlich', 'maennlich', 'mannlich', 'herr', 'homme', 'masculin',
  'hombre', 'varón', 'varon', 'masculino', 'uomo', 'maschio', 'maschile', 'mannelijk', 'jongen', 'homem',
  // female
  'female', 'woman', 'women', 'feminine', 'girl', 'frau', 'weiblich', 'femme', 'féminin', 'feminin', 'mujer',
  'femenino', 'feminino', 'donna', 'femmina', 'femminile', 'vrouw', 'vrouwelijk', 'meisje', 'mulher',
  // other and undisclosed
  'divers', 'diverse', 'non-binary', 'nonbinary', 'non binary', 'nb', 'enby', 'other', 'intersex', 'genderqueer',
  'agender', 'genderfluid', 'transgender', 'trans', 'unknown', 'unspecified', 'not specified', 'undisclosed',
  'prefer not to say', 'anders', 'autre', 'non-binaire', 'otro', 'no binario', 'altro', 'non binario', 'outro',
  'não binário', 'nao binario', 'x',
]);
const LETTERS: ReadonlySet<string> = new Set(['m', 'f', 'w', 'd', 'x', 'h', 'v', 'u', 'o', 'n']);
const ISO_5218: ReadonlySet<string> = new Set(['0', '1', '2', '9']);
/** Terms alone do not make a gender column: other/unknown/x appear in any status column. */
const GENDERED: ReadonlySet<string> = new Set([...TERMS].filter((t) => !['other', 'unknown', 'unspecified', 'not specified', 'undisclosed', 'x', 'trans', 'nb'].includes(t)));
/** More distinct values than this is not a gender column (with case variants and a few spellings). */
const MAX_DISTINCT = 16;

const fold = (value: string) => value.trim().toLowerCase().replace(/\.$/, '');

const terms = defineRecognizer({
  id: 'gender',
  category: CATEGORY.gender,
  noun: 'gender terms',
  patterns: [
    { name: 'gender term', regex: /^\p{L}[\p{L} -]{1,20}$/u, score: 1 },
    { name: 'single letter (needs a gender column name)', regex: /^\p{L}$/u, score: 0, contextScore: 0.9 },
    { name: 'ISO 5218 code (needs a gender column name)', regex: /^\d$/, score: 0, contextScore: 0.7 },
  ],
  context: ['gender', 'sex', 'geschlecht', 'genre', 'sexe', 'sexo', 'sesso', 'geslacht', 'genero', 'género', 'genere', 'gênero'],
  prefilter: (value: string) => value.length <= 22,
  normalize: fold,
  validate: (value: string) => (value.length === 1 ? LETTERS.has(value) || ISO_5218.has(value) : TERMS.has(value)),
});

function recognizeGender(values: PreparedValues, options: EvaluateOptions) {
  // Evidence as literals (same keys, same order): cheaper than spreading a shared base.
  const evidence = (score: number, reason: string) => ({ factor: 'values' as const, category: CATEGORY.gender, source: terms.id, score, reason });
  if (values.distinct.length > MAX_DISTINCT) {
    return [evidence(0, `${values.distinct.length} distinct values among ${values.total} sampled, too many for gender`)];
  }
  const contextHit = terms.context?.some((w) => options.nameTokens?.includes(w)) ?? false;
  const scores = terms.patterns.map((p) => (contextHit && p.contextScore !== undefined ? p.contextScore : p.score));
  let weighted = 0;
  let matchedValues = 0;
  let matchedDistinct = 0;
  let gendered = 0;
  values.distinct.forEach((value, i) => {
    const score = scoreValue(terms, value, scores);
    if (score === 0) return;
    weighted += score * values.counts[i];
    matchedValues += values.counts[i];
    matchedDistinct++;
    const folded = fold(value);
    if (GENDERED.has(folded) || folded.length === 1) gendered++;
  });
  if (matchedDistinct === 0) return [evidence(0, `none of ${values.total} sampled values are gender terms`)];
  // "other"/"unknown" alone, or a single gendered term, does not make a gender column.
  const factor = gendered >= 2 ? 1 : gendered === 1 ? 0.6 : 0.2;
  const note = factor < 1 ? `; only ${gendered} distinct gendered term${gendered === 1 ? '' : 's'}` : '';
  const reason = `${percent(matchedValues / values.total)} of ${values.total} sampled values are gender terms (${values.distinct.length} distinct values)${note}`;
  return [evidence(round3((weighted / values.total) * factor), reason)];
}

export const genderRecognizer: ValueRecognizer = { ...terms, recognizeColumn: recognizeGender };
