/**
 * Registration and tax numbers of companies (Brazilian CNPJ, Mexican RFC of a persona moral, Indian
 * PAN of a firm or trust): they have the shape and checksums of national ids but identify a legal
 * entity, not a person. A column of them is positive evidence for `system.operations`, damped like
 * record identifiers (uuid.ts) so that a clear personal signal (a column that mixes company and
 * personal numbers) still wins; a column without them gives no evidence at all.
 */
import { CATEGORY } from '../categories.js';
import type { Evidence } from '../types.js';
import { round3 } from './column-context.js';
import { evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';

export const COMPANY_ID_DAMPING = 0.8;

/** The share of `companies`' valid numbers in the column as system.operations evidence, or nothing. */
export function companyIdEvidence(companies: ValueRecognizer, values: PreparedValues, options: EvaluateOptions): Evidence[] {
  const found = evaluateRecognizer(companies, values, options);
  if (!found || found.score === 0) return [];
  return [{
    ...found,
    category: CATEGORY.operations,
    score: round3(found.score * COMPANY_ID_DAMPING),
    reason: `${found.reason}; numbers of companies, not of people`,
  }];
}
