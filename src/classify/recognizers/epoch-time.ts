/**
 * Unix timestamps: integers counting seconds (or milliseconds) since 1970, for times since 2000. They
 * look like ten-digit phone numbers or national ids; they are the times of a record's events (a job's
 * last run, a file's last check), system.operations. A column of them gets evidence for that, and
 * otherwise nothing: that values are not timestamps says nothing about whether they are personal.
 * Birth dates stored so would mostly fall before 2000 and stay out.
 */
import { CATEGORY } from '../categories.js';
import { round3 } from './column-context.js';
import { defineRecognizer, evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';

/** 2000-01-01 and 2040-01-01 in seconds since 1970. */
const FROM_SECONDS = 946_684_800;
const TO_SECONDS = 2_208_988_800;
/** Below this share of timestamps the column is something else. */
const MIN_SHARE = 0.8;
const SCORE = 0.9;

/** Seconds or milliseconds since 1970 between 2000 and 2040. */
export function isEpochTime(value: string): boolean {
  if (!/^\d{9,13}$/.test(value)) return false;
  const n = Number(value);
  const seconds = value.length >= 12 ? n / 1000 : n;
  return value.length !== 11 && seconds >= FROM_SECONDS && seconds < TO_SECONDS;
}

const shapes = defineRecognizer({
  id: 'epoch-time',
  category: CATEGORY.operations,
  noun: 'Unix timestamps between 2000 and 2040',
  gate: { minDigits: 9, maxDigits: 13 },
  patterns: [{ name: 'seconds or milliseconds since 1970', regex: /^\d{9,13}$/, score: 1 }],
  validate: isEpochTime,
});

function recognizeEpochTimes(values: PreparedValues, options: EvaluateOptions) {
  const found = evaluateRecognizer(shapes, values, options);
  if (!found || found.score < MIN_SHARE) return [];
  return [{ ...found, score: round3(found.score * SCORE), reason: `${found.reason}; times of events, not personal by themselves` }];
}

export const epochTimeRecognizer: ValueRecognizer = { ...shapes, recognizeColumn: recognizeEpochTimes };
