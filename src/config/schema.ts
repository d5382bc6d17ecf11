/**
 * The shape of `piiscout.config.yml`. One top-level object with a section per concern:
 * `classification:` (custom recognizers, disabled built-ins, custom categories, threshold) and
 * `sources:` (named databases to scan, by hand or on a schedule). Unknown keys are errors, so a
 * typo does not silently turn a setting off. `docs/piiscout.config.schema.json` is generated from
 * this file (see src/config/json-schema.ts) for editors.
 */
import { z } from 'zod';
import { describeRange, LIMITS, type Range } from '../core/limits.js';
import { VALIDATOR_NAMES } from './validators.js';
import { countryOfLocale, localeProblem } from './locales.js';

const score = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** A whole number within the same bounds as the command-line option (src/core/limits.ts). */
const bounded = (range: Range, unit = '') =>
  z
    .int(`must be a whole number${unit}`)
    .min(range.min, `must be from ${describeRange(range)}`)
    .max(range.max, `must be from ${describeRange(range)}`);

export const valuePatternSchema = z.strictObject({
  name: nonEmpty.optional(),
  regex: nonEmpty,
  /** Regex flags: any of i, m, s, u. */
  flags: z.string().regex(/^[imsu]*$/, 'flags may only contain i, m, s and u').optional(),
  score: score.default(0.9),
});

export const recognizerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lowercase letters, digits, dots, dashes and underscores'),
  category: nonEmpty,
  /** Words of the column name (`badge number`), globs (`*_badge*`) or /regex/flags. */
  name_patterns: z.array(nonEmpty).optional(),
  value_patterns: z.array(valuePatternSchema).optional(),
  validator: z.enum(VALIDATOR_NAMES as [string, ...string[]]).optional(),
  /** Score of a column-name match, 0..1 (default 0.8). */
  score: score.optional(),
  /** Column-name words that make the value patterns count fully. */
  context: z.array(nonEmpty).optional(),
  description: z.string().optional(),
});

export const categorySchema = z.strictObject({
  key: z.string().regex(/^[a-zA-Z0-9_]+(\.[a-zA-Z0-9_]+)*$/, 'a dotted key such as user.employee_badge'),
  name: nonEmpty,
  description: z.string().default(''),
  parent: nonEmpty.nullable().optional(),
});

/** A country or a locale with a region (`br`, `pt-BR`); src/config/locales.ts reads the country. */
const locale = nonEmpty.superRefine((value, ctx) => {
  if (countryOfLocale(value) === undefined) ctx.addIssue({ code: 'custom', message: localeProblem(value) });
});

export const classificationSchema = z.strictObject({
  threshold: score.optional(),
  locales: z
    .array(locale)
    .optional()
    .describe('Countries (br, es) or locales with a region (pt-BR) whose country-specific recognizers run (national ids); default: all countries'),
  recognizers: z.array(recognizerSchema).default([]),
  disable: z.array(nonEmpty).default([]),
  categories: z.array(categorySchema).default([]),
});

/** `${NAME}` references to environment variables; `$${` writes a literal `${`. */
const ENV_REFERENCE_SYNTAX = /^(?:[^$]|\$(?!\{)|\$\$\{|\$\{[A-Za-z_][A-Za-z0-9_]*\})*$/;

export const sourceSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, dots, dashes and underscores').describe('Used by scan --source NAME, in logs and in the history'),
  url: nonEmpty
    .regex(ENV_REFERENCE_SYNTAX, 'environment references are written ${NAME} (letters, digits, _)')
    .describe('Connection string as piiscout scan takes it; secrets as ${ENV_VAR} references, resolved when the source runs'),
  password_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional().describe('Environment variable holding the password (like --password-env)'),
  include: z.array(nonEmpty).default([]).describe('Only scan matching schema, schema.table or schema.table.column (globs)'),
  exclude: z.array(nonEmpty).default([]).describe('Skip matching schema, schema.table or schema.table.column (globs)'),
  include_views: z.boolean().default(false).describe('Also scan views'),
  sample_size: bounded(LIMITS.sampleSize).default(200).describe(`Rows sampled per table, one query per table (${describeRange(LIMITS.sampleSize)})`),
  concurrency: bounded(LIMITS.concurrency).optional().describe(`Tables sampled in parallel (default 4, ${describeRange(LIMITS.concurrency)})`),
  statement_timeout: bounded(LIMITS.statementTimeout, ' of seconds')
    .optional()
    .describe(`Seconds per SQL statement (default 30, ${describeRange(LIMITS.statementTimeout)})`),
  ml: z.boolean().default(true).describe('false: classify with the rules only (like --no-ml)'),
  output: nonEmpty.optional().describe('Dataset YAML the scans merge into, relative to the config file (default piiscout-NAME.yml)'),
  history: nonEmpty.optional().describe('Scan history, JSON lines, relative to the config file (default OUTPUT.history.jsonl)'),
  schedule: nonEmpty.optional().describe('Cron expression for piiscout schedule (5 fields, or 6 with seconds first)'),
  timezone: nonEmpty.optional().describe("IANA time zone for schedule (default: the machine's)"),
});

export const configSchema = z.strictObject({
  classification: classificationSchema.default({ recognizers: [], disable: [], categories: [] }),
  sources: z.array(sourceSchema).default([]).describe('Databases to scan with scan --source/--all and schedule'),
});

export type PiiscoutConfig = z.infer<typeof configSchema>;
export type RecognizerConfig = z.infer<typeof recognizerSchema>;
export type CategoryConfig = z.infer<typeof categorySchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
