/**
 * Reads and checks `piiscout.config.yml`: YAML syntax, then the schema (zod), then what the schema
 * cannot know (regexes compile, categories exist, disabled ids exist). Every problem is one line
 * naming the file and the YAML path, with a did-you-mean where one helps:
 * `piiscout.config.yml: classification.recognizers[2].value_patterns[0].regex: invalid regular expression (...)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { ExitCode, UserError } from '../core/errors.js';
import { editDistance } from '../classify/name/tokenize.js';
import { Taxonomy } from '../fides/taxonomy.js';
import { compileValueRegex, disableableIds, namePatternRegex } from './custom-recognizers.js';
import { categorySchema, classificationSchema, configSchema, recognizerSchema, sourceSchema, valuePatternSchema, type PiiscoutConfig } from './schema.js';
import { sourceProblems } from './source-checks.js';
import { VALIDATOR_NAMES } from './validators.js';
import { documentToJs } from '../util/yaml-input.js';

export const DEFAULT_CONFIG_FILE = 'piiscout.config.yml';
const HINT = 'fix the file (see docs/configuration.md and docs/scheduling.md), or pass --config with another file';
/** A config file is settings like options: a bad one is bad usage (exit 2), for every command. */
const USAGE = ExitCode.usage;

type Path = readonly PropertyKey[];

/** classification.recognizers[2].value_patterns[0].regex */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Closest candidates by edit distance, for did-you-mean hints. */
export function closest(word: string, candidates: readonly string[], max = 1): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

const didYouMean = (suggestions: readonly string[]) => (suggestions.length ? ` (did you mean '${suggestions.join("' or '")}'?)` : '');

const KNOWN_KEYS = [
  ...new Set(
    [configSchema, classificationSchema, recognizerSchema, valuePatternSchema, categorySchema, sourceSchema].flatMap(
      (s) => Object.keys(s.shape),
    ),
  ),
];

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `unknown key '${k}'${didYouMean(closest(k, KNOWN_KEYS))}`).join('; ');
  }
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_value' && last === 'validator') {
    const given = String(valueAt(input, issue.path));
    return `unknown validator '${given}'${didYouMean(closest(given, VALIDATOR_NAMES))}; known: ${VALIDATOR_NAMES.join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    const given = valueAt(input, issue.path);
    if (given !== undefined && issue.expected === 'int') return issue.message;
    return given === undefined ? `is required (${issue.expected})` : `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`;
  }
  return issue.message;
}

function valueAt(input: unknown, path: Path): unknown {
  let v: unknown = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Checks the schema cannot express; returns "path: message" lines. */
export function semanticProblems(config: PiiscoutConfig): string[] {
  const problems: string[] = [];
  const c = config.classification;
  let taxonomy = Taxonomy.default();
  c.categories.forEach((cat, i) => {
    const at = `classification.categories[${i}]`;
    if (taxonomy.has(cat.key)) problems.push(`${at}.key: '${cat.key}' already exists in the taxonomy`);
    const parent = cat.parent ?? (cat.key.includes('.') ? cat.key.slice(0, cat.key.lastIndexOf('.')) : null);
    const known = taxonomy.extend(c.categories.map((x) => ({ key: x.key, name: x.name, description: x.description, parent: null })));
    if (parent && !known.has(parent)) problems.push(`${at}.parent: unknown category '${parent}'${didYouMean(taxonomy.suggest(parent, 1))}`);
  });
  taxonomy = taxonomy.extend(c.categories.map((x) => ({ key: x.key, name: x.name, description: x.description, parent: x.parent ?? null })));
  const builtin = new Set(disableableIds());
  const seen = new Set<string>();
  c.recognizers.forEach((r, i) => {
    const at = `classification.recognizers[${i}]`;
    if (seen.has(r.id)) problems.push(`${at}.id: '${r.id}' is used twice`);
    seen.add(r.id);
    if (builtin.has(r.id)) problems.push(`${at}.id: '${r.id}' is a built-in recognizer; pick another id (and disable the built-in one to replace it)`);
    if (!taxonomy.has(r.category)) {
      problems.push(`${at}.category: unknown category '${r.category}'${didYouMean(taxonomy.suggest(r.category, 1))}; declare custom ones under classification.categories`);
    }
    if (!r.name_patterns?.length && !r.value_patterns?.length) problems.push(`${at}: needs name_patterns or value_patterns (or both)`);
    // Patterns run on a linear-time engine (linear-regex.ts): what it cannot run is refused here.
    const patternProblem = (where: string, pattern: string, error: unknown) =>
      `${at}.${where}: recognizer '${r.id}': pattern ${JSON.stringify(pattern)} is not accepted: ${(error as Error).message}`;
    r.name_patterns?.forEach((p, j) => {
      try {
        namePatternRegex(p);
      } catch (error) {
        problems.push(patternProblem(`name_patterns[${j}]`, p, error));
      }
    });
    r.value_patterns?.forEach((p, j) => {
      try {
        compileValueRegex(p.regex, p.flags);
      } catch (error) {
        problems.push(patternProblem(`value_patterns[${j}].regex`, p.regex, error));
      }
    });
    if (r.validator && !r.value_patterns?.length) problems.push(`${at}.validator: a validator needs value_patterns to check`);
  });
  const ids = [...builtin];
  c.disable.forEach((id, i) => {
    if (!builtin.has(id)) problems.push(`classification.disable[${i}]: unknown recognizer '${id}'${didYouMean(closest(id, ids))}`);
  });
  problems.push(...sourceProblems(config.sources));
  return problems;
}

/** Parses and validates config text; throws a UserError naming `file` and the YAML path. */
export function parseConfig(text: string, file: string): PiiscoutConfig {
  const doc = YAML.parseDocument(text);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    const what = yamlError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(`${file}: invalid YAML${where}: ${what}`, { hint: HINT, exitCode: USAGE });
  }
  const input: unknown = documentToJs(doc, file, HINT, USAGE) ?? {};
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${file}: ${issue.path.length ? `${formatPath(issue.path)}: ` : ''}${issueMessage(issue, input)}`);
    throw configError(lines);
  }
  const problems = semanticProblems(parsed.data);
  if (problems.length) throw configError(problems.map((p) => `${file}: ${p}`));
  return parsed.data;
}

function configError(lines: readonly string[]): UserError {
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more problem${lines.length > 2 ? 's' : ''}: ${lines.slice(1, 3).map((l) => l.slice(l.indexOf(': ') + 2)).join('; ')})` : '';
  return new UserError(lines[0] + more, { hint: HINT, exitCode: USAGE });
}

/**
 * Loads the config: the given file (which must exist), else `./piiscout.config.yml` when present,
 * else undefined (built-in defaults).
 */
export function loadConfig(file: string | undefined, cwd = process.cwd()): { config: PiiscoutConfig; file: string } | undefined {
  const chosen = file ?? (fs.existsSync(path.resolve(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (!chosen) return undefined;
  const fullPath = path.resolve(cwd, chosen);
  let text: string;
  try {
    text = fs.readFileSync(fullPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`Cannot read config file ${chosen}: ${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)}`, {
      hint: 'check the --config path',
      exitCode: USAGE,
    });
  }
  return { config: parseConfig(text, chosen), file: chosen };
}
