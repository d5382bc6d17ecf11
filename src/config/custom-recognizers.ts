/**
 * Turns the `classification:` section of the config into classifier options: each custom
 * recognizer becomes a value recognizer (regex patterns, optional named validator) and/or name
 * rules (words, globs or /regex/ on the column name); `disable` removes built-in value recognizers
 * (by id) or name rules (`name:<rule id>`).
 */
import picomatch from 'picomatch';
import type { HeuristicClassifierOptions } from '../classify/heuristic-classifier.js';
import { NAME_RULES, type NameRule } from '../classify/name/name-rules.js';
import { tokenizeName } from '../classify/name/tokenize.js';
import { defineRecognizer, type ValuePattern, type ValueRecognizer } from '../classify/recognizers/recognizer.js';
import { builtinRecognizers } from '../classify/recognizers/registry.js';
import type { PiiscoutConfig, RecognizerConfig } from './schema.js';
import { NAMED_VALIDATORS, type ValidatorName } from './validators.js';
import { countryOfLocale } from './locales.js';

/** Default score of a custom recognizer's column-name match. */
export const DEFAULT_NAME_SCORE = 0.8;
/** How much a context word in the column name raises a custom value pattern's score. */
const CONTEXT_BOOST = 0.15;
export const NAME_RULE_PREFIX = 'name:';

/** Ids that `disable` accepts: built-in value recognizers, and name rules as `name:<id>`. */
export function disableableIds(): string[] {
  return [...builtinRecognizers.map((r) => r.id), ...NAME_RULES.map((r) => NAME_RULE_PREFIX + r.id)];
}

/** `/badge/i` → a RegExp; anything else → undefined. Throws SyntaxError on a bad regex. */
export function slashRegex(pattern: string): RegExp | undefined {
  const m = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  return m ? new RegExp(m[1], m[2]) : undefined;
}

/** Anchors a value regex unless the author already did (values are whole cell contents). */
export function compileValueRegex(source: string, flags = ''): RegExp {
  const anchored = source.startsWith('^') || source.endsWith('$') ? source : `^(?:${source})$`;
  return new RegExp(anchored, flags);
}

function namePatternRegex(pattern: string): RegExp | undefined {
  const slash = slashRegex(pattern);
  if (slash) return slash;
  if (/[*?[\]{}]/.test(pattern)) return picomatch.makeRe(pattern, { nocase: true, dot: true });
  return undefined;
}

export function toNameRules(r: RecognizerConfig): NameRule[] {
  const base = { category: r.category, score: r.score ?? DEFAULT_NAME_SCORE, source: `config:${r.id}` };
  const rules: NameRule[] = [];
  const words: string[][] = [];
  for (const [i, pattern] of (r.name_patterns ?? []).entries()) {
    const regex = namePatternRegex(pattern);
    if (regex) rules.push({ ...base, id: `${r.id}#${i}`, words: [], namePattern: regex });
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
  const patterns: ValuePattern[] = r.value_patterns.map((p, i) => ({
    name: p.name ?? `pattern ${i + 1}`,
    regex: compileValueRegex(p.regex, p.flags),
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
    ...(validator ? { validate: (value: string) => validator(value) } : {}),
  });
}

/** Classifier options for a (validated) config. */
export function classifierOptionsFromConfig(config: PiiscoutConfig): HeuristicClassifierOptions {
  const c = config.classification;
  const disabled = new Set(c.disable);
  const custom = c.recognizers.map(toValueRecognizer).filter((r): r is ValueRecognizer => r !== undefined);
  const nameRules = [...NAME_RULES.filter((r) => !disabled.has(NAME_RULE_PREFIX + r.id)), ...c.recognizers.flatMap(toNameRules)];
  return {
    recognizers: [...builtinRecognizers, ...custom],
    disabledRecognizers: c.disable.filter((id) => !id.startsWith(NAME_RULE_PREFIX)),
    nameRules,
    ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
    ...(c.locales !== undefined ? { locales: c.locales.map((l) => countryOfLocale(l) ?? l) } : {}),
  };
}
