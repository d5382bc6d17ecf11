/**
 * Turns the `classification:` section of the config into classifier options: each custom
 * recognizer becomes a value recognizer (regex patterns, optional named validator) and/or name
 * rules (words, globs or /regex/ on the column name); `disable` removes built-in value recognizers
 * (by id) or name rules (`name:<rule id>`).
 */
import type { HeuristicClassifierOptions } from '../classify/heuristic-classifier.js';
import { NAME_RULES, type NameRule } from '../classify/name/name-rules.js';
import { tokenizeName } from '../classify/name/tokenize.js';
import { defineRecognizer, type ValueMatcher, type ValuePattern, type ValueRecognizer } from '../classify/recognizers/recognizer.js';
import { builtinRecognizers } from '../classify/recognizers/registry.js';
import { compileGlob, compileLinearRegex, type LinearRegex } from './linear-regex.js';
import type { PiiscoutConfig, RecognizerConfig } from './schema.js';
import { NAMED_VALIDATORS, type ValidatorName } from './validators.js';
import { countryOfLocale } from './locales.js';

/** Default score of a custom recognizer's column-name match. */
export const DEFAULT_NAME_SCORE = 0.8;
/** How much a context word in the column name raises a custom value pattern's score. */
const CONTEXT_BOOST = 0.15;
export const NAME_RULE_PREFIX = 'name:';
/**
 * Matching work one custom recognizer may do per column, in characters × pattern instructions (see
 * linear-regex.ts): a few hundred milliseconds on the slowest patterns RE2 runs, all 120 checked values of
 * 512 characters for a pattern of 30 instructions. Beyond it the share is estimated from the values checked.
 */
export const CUSTOM_WORK_PER_COLUMN = 2_000_000;
/** Column names longer than this work (characters × instructions) are not tested against custom name patterns. */
const CUSTOM_NAME_WORK = 200_000;

/** Ids that `disable` accepts: built-in value recognizers, and name rules as `name:<id>`. */
export function disableableIds(): string[] {
  return [...builtinRecognizers.map((r) => r.id), ...NAME_RULES.map((r) => NAME_RULE_PREFIX + r.id)];
}

/** `/badge/i` → a linear-time regex; anything else → undefined. Throws SyntaxError on a bad or unsafe regex. */
export function slashRegex(pattern: string): LinearRegex | undefined {
  const m = /^\/(.+)\/([imsu]*)$/s.exec(pattern);
  return m ? compileLinearRegex(m[1], m[2]) : undefined;
}

/** Anchors a value regex unless the author already did (values are whole cell contents). */
export function compileValueRegex(source: string, flags = ''): LinearRegex {
  const anchored = source.startsWith('^') || source.endsWith('$') ? source : `^(?:${source})$`;
  return { ...compileLinearRegex(anchored, flags), source };
}

/** A /regex/ or glob name pattern; undefined for words. Throws SyntaxError on a bad or unsafe one. */
export function namePatternRegex(pattern: string): LinearRegex | undefined {
  return slashRegex(pattern) ?? (/[*?[\]{}]/.test(pattern) ? compileGlob(pattern) : undefined);
}

/** A name pattern that does not look at names too long to match within CUSTOM_NAME_WORK. */
function boundedNameMatcher(regex: LinearRegex): ValueMatcher {
  const longest = Math.floor(CUSTOM_NAME_WORK / regex.instructions) - 1;
  return { test: (name) => name.length <= longest && regex.test(name) };
}

export function toNameRules(r: RecognizerConfig): NameRule[] {
  const base = { category: r.category, score: r.score ?? DEFAULT_NAME_SCORE, source: `config:${r.id}` };
  const rules: NameRule[] = [];
  const words: string[][] = [];
  for (const [i, pattern] of (r.name_patterns ?? []).entries()) {
    const regex = namePatternRegex(pattern);
    if (regex) rules.push({ ...base, id: `${r.id}#${i}`, words: [], namePattern: boundedNameMatcher(regex) });
    else {
      const seq = [...tokenizeName(pattern)];
      if (seq.length > 0) words.push(seq);
    }
  }
  if (words.length > 0) rules.unshift({ ...base, id: r.id, words });
  return rules;
}

export function toValueRecognizer(r: RecognizerConfig): ValueRecognizer | undefined {
  if (!r.value_patterns?.length) return undefined;
  const regexes = r.value_patterns.map((p) => compileValueRegex(p.regex, p.flags));
  const patterns: ValuePattern[] = r.value_patterns.map((p, i) => ({
    name: p.name ?? `pattern ${i + 1}`,
    regex: regexes[i],
    score: p.score,
    contextScore: r.context?.length ? Math.min(1, p.score + CONTEXT_BOOST) : undefined,
  }));
  const validator = r.validator ? NAMED_VALIDATORS[r.validator as ValidatorName] : undefined;
  const context = r.context ? [...new Set(r.context.flatMap((c) => [c.toLowerCase(), ...tokenizeName(c)]))] : undefined;
  return defineRecognizer({
    id: r.id,
    category: r.category,
    noun: `values matching recognizer '${r.id}'${r.validator ? ` (${r.validator} valid)` : ''}`,
    patterns,
    context,
    // Every pattern may be tried on a value.
    workLimit: { perColumn: CUSTOM_WORK_PER_COLUMN, costPerCharacter: regexes.reduce((sum, regex) => sum + regex.instructions, 0) },
    ...(validator ? { validate: (value: string) => validator(value) } : {}),
  });
}

/**
 * Classifier options for a (validated) config: only what the config declares, so that a config that
 * declares nothing (`sources: []`, the starter file) gives the built-in defaults, `{}`.
 */
export function classifierOptionsFromConfig(config: PiiscoutConfig): HeuristicClassifierOptions {
  const c = config.classification;
  const disabledNameRules = new Set(c.disable.filter((id) => id.startsWith(NAME_RULE_PREFIX)));
  const disabledRecognizers = c.disable.filter((id) => !id.startsWith(NAME_RULE_PREFIX));
  const configRecognizers = c.recognizers.map(toValueRecognizer).filter((r): r is ValueRecognizer => r !== undefined);
  const configNameRules = c.recognizers.flatMap(toNameRules);
  const changesNameRules = disabledNameRules.size > 0 || configNameRules.length > 0;
  const configSources = [...configRecognizers.map((r) => r.id), ...configNameRules.map((r) => r.source ?? r.id)];
  return {
    ...(configRecognizers.length > 0 ? { configRecognizers } : {}),
    ...(configSources.length > 0 ? { configSources: [...new Set(configSources)] } : {}),
    ...(disabledRecognizers.length > 0 ? { disabledRecognizers } : {}),
    ...(changesNameRules ? { nameRules: [...NAME_RULES.filter((r) => !disabledNameRules.has(NAME_RULE_PREFIX + r.id)), ...configNameRules] } : {}),
    ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
    ...(c.locales !== undefined ? { locales: c.locales.map((l) => countryOfLocale(l) ?? l) } : {}),
  };
}
