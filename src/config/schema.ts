/**
 * The shape of `piiscout.config.yml`. One top-level object with a section per concern; this issue
 * adds `classification:` (custom recognizers, disabled built-ins, custom categories, threshold).
 * Unknown keys are errors, so a typo does not silently turn a setting off.
 */
import { z } from 'zod';
import { VALIDATOR_NAMES } from './validators.js';

const score = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

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

export const classificationSchema = z.strictObject({
  threshold: score.optional(),
  recognizers: z.array(recognizerSchema).default([]),
  disable: z.array(nonEmpty).default([]),
  categories: z.array(categorySchema).default([]),
});

export const configSchema = z.strictObject({
  classification: classificationSchema.default({ recognizers: [], disable: [], categories: [] }),
});

export type PiiscoutConfig = z.infer<typeof configSchema>;
export type RecognizerConfig = z.infer<typeof recognizerSchema>;
export type CategoryConfig = z.infer<typeof categorySchema>;
