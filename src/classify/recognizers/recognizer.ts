/**
 * Value recognizers, Presidio-style but column-level: patterns with scores, an optional validator
 * (checksum, calendar, list lookup) and a column-level check, evaluated over a column's sample.
 * The column score is the share of non-null sampled values that match and validate — not "one
 * match makes the column" (PIICatcher) and not "share of detections" (presidio-structured).
 * Reasons never contain a sampled value.
 */
import type { ColumnInput, Evidence } from '../types.js';
import type { TableSubject } from '../name/table-context.js';
import { firstPassing, passesGate, valueTraits, type ValueGate } from './value-traits.js';

export interface ValuePattern {
  readonly name: string;
  /** Anchored, without the g/y flags (they make `test` stateful). */
  readonly regex: RegExp;
  /** Per-value score when the pattern matches, 0..1. */
  readonly score: number;
  /** Score instead of `score` when the column name has one of the recognizer's context words. */
  readonly contextScore?: number;
}

/** The result of a column-level check over the matching values (e.g. birth dates spread over decades). */
export interface ColumnAdjustment {
  /** Multiplies the column score, 0..1. */
  readonly factor: number;
  /** Plain-language note appended to the reason; never a value. */
  readonly note: string;
}

export interface ValueRecognizer {
  /** Stable id used in evidence and in config (to disable or tune a recognizer). */
  readonly id: string;
  /** Fideslang category this recognizer finds. */
  readonly category: string;
  /** Plural noun phrase for reasons: "valid email addresses". */
  readonly noun: string;
  /** Tried in order; the first match gives the value its score. */
  readonly patterns: readonly ValuePattern[];
  /** Column-name words that make weak patterns count (`zip` for five-digit numbers). */
  readonly context?: readonly string[];
  /**
   * What every value this recognizer can match has (e.g. an '@', 7+ digits), checked on character
   * traits computed once per column; values without it are skipped. Only necessary conditions.
   */
  readonly gate?: ValueGate;
  /** Cheap test on the raw value, run before anything else; false skips the value. */
  prefilter?(value: string): boolean;
  /** Canonical form the patterns and validator see (e.g. digits only). */
  normalize?(value: string): string;
  /** false → the value does not count; true → the pattern score stands; a number 0..1 scales it. */
  validate?(value: string): boolean | number;
  /** Column-level check over the distinct matching values. */
  adjustColumn?(matched: readonly string[]): ColumnAdjustment | undefined;
  /** At most this many distinct values are checked (for expensive validators); default all. */
  readonly maxDistinct?: number;
  /**
   * Whole-column judgement replacing the per-value share, for recognizers that need the table context
   * (a URL is personal only in a table of people) or report several categories (free text holding
   * emails and phone numbers). Called only with at least `minValues` values.
   */
  recognizeColumn?(values: PreparedValues, options: EvaluateOptions): readonly Evidence[];
}

/** What a recognizer may know about a column besides its values: the column, its table and keys. */
export interface ColumnContext {
  readonly input: ColumnInput;
  readonly tableSubject: TableSubject;
}

/** A column's sampled values, de-duplicated once and shared by all recognizers. */
export interface PreparedValues {
  /** Distinct trimmed non-blank values, in first-seen order. */
  readonly distinct: readonly string[];
  /** How often each distinct value occurs. */
  readonly counts: readonly number[];
  /** Number of non-blank values. */
  readonly total: number;
}

export interface EvaluateOptions {
  /** Tokenized column name, for context words. */
  readonly nameTokens?: readonly string[];
  /** Fewer non-blank values than this → no values evidence at all. */
  readonly minValues?: number;
  /** After this many distinct values without a single match, stop (the column is not this kind). */
  readonly probeSize?: number;
  /** Check at most this many distinct values per recognizer; the share is estimated from them. */
  readonly maxDistinct?: number;
  /** The column and its table, for recognizers with `recognizeColumn`. */
  readonly column?: ColumnContext;
}

export const DEFAULT_MIN_VALUES = 3;
export const DEFAULT_PROBE_SIZE = 20;
/** 120 values estimate a share within about ±5 points, at a fraction of the cost of all of them. */
export const DEFAULT_MAX_DISTINCT = 120;
/** With fewer distinct matching values than this, the score is damped (a repeated value proves little). */
const FULL_TRUST_DISTINCT = 5;

/** Checks a recognizer definition the way Presidio's `Pattern` does, so bad config fails early. */
export function defineRecognizer<R extends ValueRecognizer>(recognizer: R): R {
  for (const p of recognizer.patterns) {
    if (p.regex.global || p.regex.sticky) throw new Error(`recognizer ${recognizer.id}: pattern '${p.name}' must not use the g or y flag`);
    for (const s of [p.score, p.contextScore ?? 0]) {
      if (!(s >= 0 && s <= 1)) throw new Error(`recognizer ${recognizer.id}: pattern '${p.name}' score must be within 0..1`);
    }
  }
  return recognizer;
}

export function prepareValues(values: readonly string[]): PreparedValues {
  const index = new Map<string, number>();
  const distinct: string[] = [];
  const counts: number[] = [];
  let total = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    total++;
    const at = index.get(value);
    if (at === undefined) {
      index.set(value, distinct.length);
      distinct.push(value);
      counts.push(1);
    } else counts[at]++;
  }
  return { distinct, counts, total };
}

function patternScores(recognizer: ValueRecognizer, nameTokens: readonly string[]): number[] {
  const contextHit = recognizer.context?.some((w) => nameTokens.includes(w)) ?? false;
  return recognizer.patterns.map((p) => (contextHit && p.contextScore !== undefined ? p.contextScore : p.score));
}

/** Score of one value, 0..1. */
export function scoreValue(recognizer: ValueRecognizer, raw: string, scores: readonly number[] = recognizer.patterns.map((p) => p.score)): number {
  if (recognizer.prefilter && !recognizer.prefilter(raw)) return 0;
  const value = recognizer.normalize ? recognizer.normalize(raw) : raw;
  const patterns = recognizer.patterns;
  let score = 0;
  for (let i = 0; i < patterns.length; i++) {
    if (patterns[i].regex.test(value)) {
      score = scores[i];
      break;
    }
  }
  if (score === 0 || !recognizer.validate) return score;
  const verdict = recognizer.validate(value);
  if (verdict === true) return score;
  if (verdict === false) return 0;
  return score * Math.max(0, Math.min(1, verdict));
}

function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/**
 * Evaluates one recognizer over a column. Returns undefined when there are too few values to judge,
 * and score-0 evidence when values were judged and none matched (absence is evidence too).
 */
export function evaluateRecognizer(recognizer: ValueRecognizer, values: PreparedValues, options: EvaluateOptions = {}): Evidence | undefined {
  const minValues = options.minValues ?? DEFAULT_MIN_VALUES;
  if (values.total < Math.max(1, minValues)) return undefined;
  const probeSize = options.probeSize ?? DEFAULT_PROBE_SIZE;
  const scores = patternScores(recognizer, options.nameTokens ?? []);
  const limit = Math.min(values.distinct.length, recognizer.maxDistinct ?? Infinity, options.maxDistinct ?? DEFAULT_MAX_DISTINCT);
  let weighted = 0;
  let matchedValues = 0;
  let countedValues = 0;
  let matchedDistinct = 0;
  const matched: string[] = [];
  let checked = 0;
  const gate = recognizer.gate;
  const traits = gate ? valueTraits(values) : undefined;
  // No value of the probe can match: the loop below would stop after it with no match.
  if (gate && traits && firstPassing(gate, traits, Math.min(limit, probeSize)) < 0) checked = Math.min(limit, probeSize);
  else for (; checked < limit; checked++) {
    if (checked === probeSize && matchedDistinct === 0) break;
    const value = values.distinct[checked];
    const count = values.counts[checked];
    countedValues += count;
    if (gate && traits && !passesGate(gate, traits.bits[checked], traits.digits[checked])) continue;
    const score = scoreValue(recognizer, value, scores);
    if (score > 0) {
      weighted += score * count;
      matchedValues += count;
      matchedDistinct++;
      if (recognizer.adjustColumn) matched.push(value);
    }
  }
  const base = { factor: 'values' as const, category: recognizer.category, source: recognizer.id };
  if (matchedDistinct === 0) {
    const scope = checked < values.distinct.length ? `${checked} of ${values.distinct.length} distinct sampled values checked` : `${values.total} sampled values`;
    return { ...base, score: 0, reason: `none of ${scope} are ${recognizer.noun}` };
  }
  // Values beyond `limit` were not checked: the share is estimated from those that were.
  const share = weighted / countedValues;
  const matchedShare = matchedValues / countedValues;
  const trust = matchedDistinct >= FULL_TRUST_DISTINCT ? 1 : 0.6 + (0.4 * matchedDistinct) / FULL_TRUST_DISTINCT;
  const adjustment = recognizer.adjustColumn?.(matched);
  const score = share * trust * (adjustment ? adjustment.factor : 1);
  const scope = checked < values.distinct.length ? ` (estimated from ${checked} distinct values)` : '';
  const notes = [
    matchedDistinct < FULL_TRUST_DISTINCT ? `only ${matchedDistinct} distinct` : '',
    share < matchedShare * 0.85 ? 'many match only weak patterns' : '',
    adjustment?.note ?? '',
  ].filter((n) => n !== '');
  const reason = `${percent(matchedShare)} of ${values.total} sampled values are ${recognizer.noun}${scope}${notes.length ? `; ${notes.join('; ')}` : ''}`;
  return { ...base, score: Math.round(score * 1000) / 1000, reason };
}

/** All values evidence of one recognizer for a column: its own column-level judgement, or the per-value share. */
export function recognizeColumn(recognizer: ValueRecognizer, values: PreparedValues, options: EvaluateOptions = {}): Evidence[] {
  if (!recognizer.recognizeColumn) {
    const found = evaluateRecognizer(recognizer, values, options);
    return found ? [found] : [];
  }
  if (values.total < Math.max(1, options.minValues ?? DEFAULT_MIN_VALUES)) return [];
  return [...recognizer.recognizeColumn(values, options)];
}
