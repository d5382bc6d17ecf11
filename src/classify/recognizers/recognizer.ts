/**
 * Value recognizers, Presidio-style but column-level: patterns with scores, an optional validator
 * (checksum, calendar, list lookup) and a column-level check, evaluated over a column's sample.
 * The column score is the share of non-null sampled values that match and validate — not "one
 * match makes the column" (PIICatcher) and not "share of detections" (presidio-structured).
 * Reasons never contain a sampled value.
 */
import type { ColumnInput, Evidence } from '../types.js';
import type { TableSubject } from '../name/table-context.js';
import { canonicalPositions, knownDistinct, type SampleDistinct } from '../canonical-order.js';
import { numberedGroupStem } from '../name/numbered-parts.js';
import { withMemoSlot } from './column-memo.js';
import { isWhitespaceCode } from './text.js';
import { valueTraits, type ValueGate, type ValueTraits } from './value-traits.js';

/** What a pattern needs of a regular expression: built-in patterns are RegExps, config patterns run on RE2. */
export interface ValueMatcher {
  test(value: string): boolean;
}

export interface ValuePattern {
  readonly name: string;
  /** Anchored; a RegExp without the g/y flags (they make `test` stateful). */
  readonly regex: ValueMatcher;
  /** Per-value score when the pattern matches, 0..1. */
  readonly score: number;
  /** Score instead of `score` when the column name has one of the recognizer's context words. */
  readonly contextScore?: number;
  /**
   * What every value this pattern matches has (see `ValueRecognizer.gate`): the pattern is not tried
   * on other values. Only for recognizers without `normalize` (traits are of the raw value).
   */
  readonly gate?: ValueGate;
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
  /**
   * ISO 3166-1 alpha-2 code (lowercase) of the country whose numbers this recognizer finds; absent for
   * recognizers that are not country-specific. `classification.locales` keeps only the listed countries.
   */
  readonly country?: string;
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
  /**
   * Whether the recognizer can judge this raw value at all (a name list cannot judge names in a script
   * it has no list for, nor a numeric code that stands for a name). Values it cannot judge are left out
   * of the share instead of counting as misses; when they are most of the column, the recognizer says
   * nothing about it ("cannot judge" rather than "not this category"). Default: every value.
   */
  judges?(value: string): boolean;
  /** Canonical form the patterns and validator see (e.g. digits only). */
  normalize?(value: string): string;
  /**
   * false → the value does not count; true → the pattern score stands; a number 0..1 scales it.
   * When a column is evaluated, `values` is the column and `index` the position of the (raw) value in
   * `values.distinct`, for memos of per-value work that several recognizers share.
   */
  validate?(value: string, values?: PreparedValues, index?: number): boolean | number;
  /**
   * What `validate` checks, in words ("two mod-11 check digits"), for checksum and range validators.
   * Values that have a pattern's shape but fail it (test data, invalid area numbers) then give
   * corroborating evidence (see `Evidence.corroborating`): they support a column name that names this
   * category, at a fraction of the score of valid values, instead of counting as a strong 0 against it.
   */
  readonly validates?: string;
  /** Column-level check over the distinct matching values (at `indices` of `values.distinct`, when given). */
  adjustColumn?(matched: readonly string[], values?: PreparedValues, indices?: readonly number[]): ColumnAdjustment | undefined;
  /** At most this many distinct values are checked (for expensive validators); default all. */
  readonly maxDistinct?: number;
  /**
   * For patterns whose cost is not known in advance (from the config file): matching one value costs at
   * most (characters + 1) × `costPerCharacter`, and one column gets at most `perColumn` of that work.
   * Values beyond it are not checked; the share is estimated from those that were.
   */
  readonly workLimit?: WorkLimit;
  /**
   * For expensive validators: once this many pattern-matching values were validated and all passed
   * (or all failed), later matching values count at that rate without being validated. A mixed
   * result keeps validating. Ignored with `adjustColumn`.
   */
  readonly maxValidated?: number;
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

export interface WorkLimit {
  readonly perColumn: number;
  readonly costPerCharacter: number;
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
  /** Stop once the share is settled (see SETTLED_HALF_WIDTH); default true, false with `maxDistinct: Infinity`. */
  readonly sequential?: boolean;
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
  if (recognizer.normalize && recognizer.patterns.some((p) => p.gate)) throw new Error(`recognizer ${recognizer.id}: pattern gates need a recognizer without normalize`);
  for (const p of recognizer.patterns) {
    if (p.regex instanceof RegExp && (p.regex.global || p.regex.sticky)) throw new Error(`recognizer ${recognizer.id}: pattern '${p.name}' must not use the g or y flag`);
    for (const s of [p.score, p.contextScore ?? 0]) {
      if (!(s >= 0 && s <= 1)) throw new Error(`recognizer ${recognizer.id}: pattern '${p.name}' score must be within 0..1`);
    }
  }
  return recognizer;
}

/** The distinct values and their counts, in canonical order (see canonical-order.ts): not the rows' order. */
export function prepareValues(values: readonly string[]): PreparedValues {
  // The model ordered these rows first (rules + model): its different values are these, unless one needs trimming.
  const known = knownDistinct(values);
  if (known && !known.distinct.some(hasSpaceAtAnEnd)) return preparedFromKnown(known);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  const counts: number[] = [];
  let total = 0;
  for (const raw of values) {
    // trim() removes exactly the characters isWhitespaceCode accepts: skip it when neither end has one.
    const value = hasSpaceAtAnEnd(raw) ? raw.trim() : raw;
    if (value === '') continue;
    total++;
    const at = index.get(value);
    if (at === undefined) {
      index.set(value, distinct.length);
      distinct.push(value);
      counts.push(1);
    } else counts[at]++;
  }
  return inCanonicalOrder(distinct, counts, total);
}

/** The prepared column: its distinct values and counts in canonical order (`hashes`: their stringHash, when known). */
function inCanonicalOrder(distinct: readonly string[], counts: readonly number[], total: number, hashes?: readonly number[]): PreparedValues {
  const order = canonicalPositions(distinct, counts, hashes);
  return withMemoSlot({ distinct: order.map((i) => distinct[i]), counts: order.map((i) => counts[i]), total });
}

function hasSpaceAtAnEnd(value: string): boolean {
  return isWhitespaceCode(value.charCodeAt(0)) || isWhitespaceCode(value.charCodeAt(value.length - 1));
}

/** prepareValues from the sample's different values as canonicalOrder found them (none needs trimming; '' is left out). */
function preparedFromKnown(known: SampleDistinct): PreparedValues {
  const distinct: string[] = [];
  const counts: number[] = [];
  const hashes: number[] = [];
  let total = 0;
  for (let i = 0; i < known.distinct.length; i++) {
    if (known.distinct[i] === '') continue;
    distinct.push(known.distinct[i]);
    counts.push(known.counts[i]);
    hashes.push(known.hashes[i]);
    total += known.counts[i];
  }
  return inCanonicalOrder(distinct, counts, total, hashes);
}

/**
 * What the evaluation loop needs of a recognizer, read once: recognizers (and their patterns and gates)
 * come in many object shapes, and reading a property of one in the loop is a slow lookup per value.
 */
interface Compiled {
  /** Pattern scores without and with a context word. */
  readonly plain: readonly number[];
  readonly context: readonly number[];
  readonly contextWords: ReadonlySet<string>;
  readonly regexes: readonly ValueMatcher[];
  readonly gate: GateCheck | undefined;
  /** Per pattern, its gate; undefined when no pattern has one. */
  readonly patternGates: readonly (GateCheck | undefined)[] | undefined;
}

/** A ValueGate with every part present (neutral where the gate has none). */
interface GateCheck {
  readonly all: number;
  readonly any: number;
  readonly hasAny: boolean;
  readonly none: number;
  readonly minDigits: number;
  readonly maxDigits: number;
}

function gateCheck(gate: ValueGate): GateCheck {
  return {
    all: gate.all ?? 0,
    any: gate.any ?? 0,
    hasAny: gate.any !== undefined,
    none: gate.none ?? 0,
    minDigits: gate.minDigits ?? -Infinity,
    maxDigits: gate.maxDigits ?? Infinity,
  };
}

/** `passesGate`, on a GateCheck. */
function passes(gate: GateCheck, bits: number, digits: number): boolean {
  return (
    (bits & gate.all) === gate.all &&
    (!gate.hasAny || (bits & gate.any) !== 0) &&
    (bits & gate.none) === 0 &&
    !(digits < gate.minDigits) &&
    !(digits > gate.maxDigits)
  );
}

const compiledRecognizers = new WeakMap<ValueRecognizer, Compiled>();

function compiled(recognizer: ValueRecognizer): Compiled {
  let found = compiledRecognizers.get(recognizer);
  if (!found) {
    found = {
      plain: recognizer.patterns.map((p) => p.score),
      context: recognizer.patterns.map((p) => p.contextScore ?? p.score),
      contextWords: new Set(recognizer.context ?? []),
      regexes: recognizer.patterns.map((p) => p.regex),
      gate: recognizer.gate ? gateCheck(recognizer.gate) : undefined,
      patternGates: recognizer.patterns.some((p) => p.gate) ? recognizer.patterns.map((p) => (p.gate ? gateCheck(p.gate) : undefined)) : undefined,
    };
    compiledRecognizers.set(recognizer, found);
  }
  return found;
}

/** Pattern scores with a context word in the column name, or without. */
function patternScores(table: Compiled, nameTokens: readonly string[]): readonly number[] {
  for (const t of nameTokens) if (table.contextWords.has(t)) return table.context;
  return table.plain;
}

/** Score of one value, 0..1. */
export function scoreValue(recognizer: ValueRecognizer, raw: string, scores: readonly number[] = recognizer.patterns.map((p) => p.score)): number {
  if (recognizer.prefilter && !recognizer.prefilter(raw)) return 0;
  const value = recognizer.normalize ? recognizer.normalize(raw) : raw;
  const score = patternScore(recognizer, value, scores);
  return score === 0 ? 0 : score * verdictFactor(recognizer, value);
}

/** Score of the first pattern that matches the (normalized) value, or 0. */
function patternScore(recognizer: ValueRecognizer, value: string, scores: readonly number[]): number {
  const patterns = recognizer.patterns;
  for (let i = 0; i < patterns.length; i++) if (patterns[i].regex.test(value)) return scores[i];
  return 0;
}

/** The validator's verdict as a factor 0..1 (1 without a validator). */
function verdictFactor(recognizer: ValueRecognizer, value: string): number {
  if (!recognizer.validate) return 1;
  return verdictAsFactor(recognizer.validate(value));
}

function verdictAsFactor(verdict: boolean | number): number {
  if (verdict === true) return 1;
  if (verdict === false) return 0;
  return Math.max(0, Math.min(1, verdict));
}

/** Whether any of `distinct[0..limit)` passes the gate (`firstPassing(...) >= 0`). */
function anyPasses(gate: GateCheck, traits: ValueTraits, limit: number): boolean {
  for (let i = 0; i < limit; i++) if (passes(gate, traits.bits[i], traits.digits[i])) return true;
  return false;
}

/**
 * Sequential estimate: once the share is known within ±SETTLED_HALF_WIDTH (95% Wilson interval over
 * the distinct values checked), checking more values would not change the verdict. Looked at every
 * SETTLE_STEP values from SETTLE_FROM on, and only for recognizers without a column-level check.
 */
const SETTLE_FROM = 40;
const SETTLE_STEP = 20;
const SETTLED_HALF_WIDTH = 0.05;

export function wilsonHalfWidth(share: number, n: number, z = 1.96): number {
  const p = Math.max(0, Math.min(1, share));
  const z2 = z * z;
  return (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/**
 * Values of the right shape that fail a recognizer's check count at this fraction of their pattern
 * score, as corroborating evidence: a column named `ssn` full of 9xx-xx-xxxx test numbers is still
 * a column of social security numbers, less certainly than one of valid numbers.
 */
export const SHAPE_ONLY_CREDIT = 0.5;

/**
 * Evaluates one recognizer over a column. Returns undefined when there are too few values to judge,
 * and score-0 evidence when values were judged and none matched (absence is evidence too).
 */
export function evaluateRecognizer(recognizer: ValueRecognizer, values: PreparedValues, options: EvaluateOptions = {}): Evidence | undefined {
  return evaluateRecognizerEvidence(recognizer, values, options)[0];
}

/**
 * `evaluateRecognizer`'s evidence, followed, for a recognizer that declares what it `validates`, by
 * corroborating evidence for the values that have its shape but fail its check, when that scores
 * higher. Empty when there are too few values to judge.
 */
export function evaluateRecognizerEvidence(recognizer: ValueRecognizer, values: PreparedValues, options: EvaluateOptions = {}): Evidence[] {
  const minValues = options.minValues ?? DEFAULT_MIN_VALUES;
  if (values.total < Math.max(1, minValues)) return [];
  const tally = tallyValues(recognizer, values, options, minValues);
  if (tally === undefined) return [];
  const found = validityEvidence(recognizer, values, tally);
  const shaped = recognizer.validates && tally.failedDistinct > 0 ? shapeOnlyEvidence(recognizer, recognizer.validates, values, tally) : undefined;
  return shaped && shaped.score > found.score ? [found, shaped] : [found];
}

/** What checking a column's values found, for the evidence (see evaluateRecognizerEvidence). */
interface Tally {
  /** Pattern scores × validator factors × counts, of matching values. */
  readonly weighted: number;
  readonly matchedValues: number;
  readonly matchedDistinct: number;
  /** Values counted in the share (those it can judge). */
  readonly countedValues: number;
  /** Values of a pattern's shape that failed validation (recognizers that say what they validate). */
  readonly failedWeighted: number;
  readonly failedValues: number;
  readonly failedDistinct: number;
  /** The matching values and their positions in `values.distinct`, for the column check. */
  readonly matched: readonly string[] | undefined;
  readonly matchedAt: readonly number[];
  /** Distinct values looked at. */
  readonly checked: number;
  readonly validated: number;
  /** Matching values beyond the validation budget, counted at the rate of those validated. */
  readonly pendingDistinct: number;
  readonly stoppedAtWorkLimit: boolean;
  /** Values the recognizer cannot judge (see `judges`), by count. */
  readonly unjudgedValues: number;
}

/**
 * The loop over a column's distinct values, undefined when they are mostly values the recognizer cannot
 * judge. Its own function, apart from the evidence text: counters that a nested function reads would
 * live in a heap-allocated context instead of registers, on every value of every recognizer.
 */
function tallyValues(recognizer: ValueRecognizer, values: PreparedValues, options: EvaluateOptions, minValues: number): Tally | undefined {
  const probeSize = options.probeSize ?? DEFAULT_PROBE_SIZE;
  const table = compiled(recognizer);
  const scores = patternScores(table, options.nameTokens ?? []);
  const regexes = table.regexes;
  const { prefilter, normalize, validate, adjustColumn, judges } = recognizer;
  const limit = Math.min(values.distinct.length, recognizer.maxDistinct ?? Infinity, options.maxDistinct ?? DEFAULT_MAX_DISTINCT);
  let weighted = 0;
  let matchedValues = 0;
  let countedValues = 0;
  let matchedDistinct = 0;
  // Values of a pattern's shape that failed validation, for recognizers that say what they validate.
  const tracksShape = recognizer.validates !== undefined;
  let failedWeighted = 0;
  let failedValues = 0;
  let failedDistinct = 0;
  // The matching values and their positions, for the column check.
  const matched: string[] | undefined = adjustColumn ? [] : undefined;
  const matchedAt: number[] = [];
  let checked = 0;
  const gate = table.gate;
  const patternGates = table.patternGates;
  const traits = gate || patternGates ? valueTraits(values, limit) : undefined;
  const settles = !adjustColumn && (options.sequential ?? options.maxDistinct !== Infinity);
  const validationBudget = adjustColumn || !validate ? Infinity : Math.max(1, recognizer.maxValidated ?? Infinity);
  let validated = 0;
  let passed = 0;
  let verdictSum = 0;
  // Pattern matches beyond the validation budget: their score and count, weighted later by the pass rate.
  let pendingWeighted = 0;
  let pendingValues = 0;
  let pendingDistinct = 0;
  const workLimit = recognizer.workLimit;
  let workLeft = workLimit ? workLimit.perColumn : Infinity;
  let stoppedAtWorkLimit = false;
  // Values the recognizer cannot judge (see `judges`), by count; they are not in `countedValues`.
  let unjudgedValues = 0;
  // No value of the probe can match: the loop below would stop after it with no match (unless it
  // cannot judge them, which must be counted).
  if (!judges && gate && traits && !anyPasses(gate, traits, Math.min(limit, probeSize))) checked = Math.min(limit, probeSize);
  else for (; checked < limit; checked++) {
    if (checked === probeSize && matchedDistinct === 0 && pendingDistinct === 0) break;
    if (settles && checked >= SETTLE_FROM && (checked - SETTLE_FROM) % SETTLE_STEP === 0 && pendingDistinct === 0) {
      if (wilsonHalfWidth(weighted / countedValues, checked) <= SETTLED_HALF_WIDTH) break;
    }
    const raw = values.distinct[checked];
    const count = values.counts[checked];
    if (judges && !judges.call(recognizer, raw)) {
      unjudgedValues += count;
      continue;
    }
    countedValues += count;
    if (gate && traits && !passes(gate, traits.bits[checked], traits.digits[checked])) continue;
    if (prefilter && !prefilter.call(recognizer, raw)) continue;
    const value = normalize ? normalize.call(recognizer, raw) : raw;
    if (workLimit) {
      const work = (value.length + 1) * workLimit.costPerCharacter;
      if (work > workLeft) {
        // Not checked: it does not count.
        countedValues -= count;
        stoppedAtWorkLimit = true;
        break;
      }
      workLeft -= work;
    }
    // The first pattern that matches gives the score (a pattern whose gate the value fails cannot match).
    let shapeScore = 0;
    for (let p = 0; p < regexes.length; p++) {
      const patternGate = patternGates?.[p];
      if (patternGate && traits && !passes(patternGate, traits.bits[checked], traits.digits[checked])) continue;
      if (regexes[p].test(value)) {
        shapeScore = scores[p];
        break;
      }
    }
    if (shapeScore === 0) continue;
    if (validated >= validationBudget && (passed === 0 || passed === validated)) {
      pendingWeighted += shapeScore * count;
      pendingValues += count;
      pendingDistinct++;
      continue;
    }
    const factor = validate ? verdictAsFactor(validate.call(recognizer, value, values, checked)) : 1;
    if (validate) {
      validated++;
      verdictSum += factor;
      if (factor > 0) passed++;
    }
    if (factor > 0) {
      weighted += shapeScore * factor * count;
      matchedValues += count;
      matchedDistinct++;
      if (matched) {
        matched.push(raw);
        matchedAt.push(checked);
      }
    } else if (tracksShape) {
      failedWeighted += shapeScore * count;
      failedValues += count;
      failedDistinct++;
    }
  }
  if (pendingDistinct > 0) {
    // Estimated: matching values beyond the validation budget pass at the rate of those validated.
    weighted += pendingWeighted * (verdictSum / validated);
    matchedValues += pendingValues * (passed / validated);
    matchedDistinct += pendingDistinct * (passed / validated);
    const failRate = tracksShape ? 1 - passed / validated : 0;
    failedWeighted += pendingWeighted * failRate;
    failedValues += pendingValues * failRate;
    failedDistinct += pendingDistinct * failRate;
  }
  // Mostly values it cannot judge: the few it can are no sample of the column.
  if (unjudgedValues > 0 && (countedValues < Math.max(1, minValues) || countedValues < unjudgedValues)) return undefined;
  return {
    weighted, matchedValues, matchedDistinct, countedValues, failedWeighted, failedValues, failedDistinct,
    matched, matchedAt, checked, validated, pendingDistinct, stoppedAtWorkLimit, unjudgedValues,
  };
}

/** " (estimated from N distinct values)" when not all were checked. */
function scopeNote(values: PreparedValues, tally: Tally): string {
  return tally.checked < values.distinct.length ? ` (estimated from ${tally.checked} distinct values)` : '';
}

function unjudgedNote(tally: Tally): string {
  return tally.unjudgedValues > 0 ? `; ${tally.unjudgedValues} values in a form it cannot judge left out` : '';
}

function validityEvidence(recognizer: ValueRecognizer, values: PreparedValues, tally: Tally): Evidence {
  const { checked, matchedDistinct, countedValues, stoppedAtWorkLimit } = tally;
  if (matchedDistinct === 0) {
    const workNote = stoppedAtWorkLimit ? '; stopped at the work limit of custom patterns' : '';
    const checkedScope = checked < values.distinct.length ? `${checked} of ${values.distinct.length} distinct sampled values checked` : `${values.total} sampled values`;
    return { factor: 'values', category: recognizer.category, source: recognizer.id, score: 0, reason: `none of ${checkedScope} are ${recognizer.noun}${workNote}${unjudgedNote(tally)}` };
  }
  // Values beyond `limit` were not checked: the share is estimated from those that were.
  const share = tally.weighted / countedValues;
  const matchedShare = tally.matchedValues / countedValues;
  const adjustColumn = recognizer.adjustColumn;
  const adjustment = tally.matched && adjustColumn ? adjustColumn.call(recognizer, tally.matched, values, tally.matchedAt) : undefined;
  const score = share * trustOf(matchedDistinct) * (adjustment ? adjustment.factor : 1);
  let notes = '';
  const note = (text: string) => {
    if (text !== '') notes += `; ${text}`;
  };
  if (matchedDistinct < FULL_TRUST_DISTINCT) note(`only ${Math.round(matchedDistinct)} distinct`);
  if (tally.pendingDistinct > 0) note(`validity estimated from ${tally.validated} values`);
  if (stoppedAtWorkLimit) note('stopped at the work limit of custom patterns');
  if (share < matchedShare * 0.85) note('many match only weak patterns');
  note(unjudgedNote(tally).slice(2));
  note(adjustment?.note ?? '');
  const reason = `${percent(matchedShare)} of ${values.total} sampled values are ${recognizer.noun}${scopeNote(values, tally)}${notes}`;
  // A literal, not a spread of a shared base: keys in the same order, at a fraction of the cost.
  return { factor: 'values', category: recognizer.category, source: recognizer.id, score: Math.round(score * 1000) / 1000, reason };
}

function shapeOnlyEvidence(r: ValueRecognizer, check: string, values: PreparedValues, tally: Tally): Evidence {
  const { failedDistinct, countedValues } = tally;
  const score = (tally.failedWeighted / countedValues) * SHAPE_ONLY_CREDIT * trustOf(failedDistinct);
  const few = failedDistinct < FULL_TRUST_DISTINCT ? `; only ${Math.round(failedDistinct)} distinct` : '';
  const reason =
    `${percent(tally.failedValues / countedValues)} of ${values.total} sampled values have the shape of ${r.noun.replace(/^valid /, '')} but fail ${check}${scopeNote(values, tally)}${few}: ` +
    `test data or invalid numbers, counted at ${SHAPE_ONLY_CREDIT * 100}% because the column name names them`;
  return { factor: 'values', category: r.category, source: r.id, score: Math.round(score * 1000) / 1000, reason, corroborating: true };
}

/** With fewer distinct values than FULL_TRUST_DISTINCT a score is damped: a repeated value proves little. */
function trustOf(distinct: number): number {
  return distinct >= FULL_TRUST_DISTINCT ? 1 : 0.6 + (0.4 * distinct) / FULL_TRUST_DISTINCT;
}

/**
 * Below this score a recognizer's evidence about one numbered part of a column group (`tel2`, `zip01`)
 * whose name names the recognizer's category (one of its context words) is left out: a part of a phone
 * number or postal code is not one, so a miss there says nothing. Other recognizers judge it as usual.
 */
export const NUMBERED_PART_MIN_SCORE = 0.5;

const numberedParts = new WeakMap<ColumnInput['column'], boolean>();

/** Whether the column is one of a numbered group of its table (see name/numbered-parts.ts), memoised per column. */
function isNumberedPart(context: ColumnContext | undefined): boolean {
  if (!context) return false;
  const { column, table } = context.input;
  let part = numberedParts.get(column);
  if (part === undefined) {
    part = numberedGroupStem(column.name, table.columns.map((c) => c.name)) !== undefined;
    numberedParts.set(column, part);
  }
  return part;
}

/** All values evidence of one recognizer for a column: its own column-level judgement, or the per-value share. */
export function recognizeColumn(recognizer: ValueRecognizer, values: PreparedValues, options: EvaluateOptions = {}): Evidence[] {
  let found: Evidence[];
  if (!recognizer.recognizeColumn) found = evaluateRecognizerEvidence(recognizer, values, options);
  else if (values.total < Math.max(1, options.minValues ?? DEFAULT_MIN_VALUES)) return [];
  else found = [...recognizer.recognizeColumn(values, options)];
  // The numbered-part check first: memoised per column and rarely true, where the context words are many.
  if (found.length === 0 || !isNumberedPart(options.column) || !namesCategory(recognizer, options.nameTokens)) return found;
  return found.filter((e) => e.veto || e.score >= NUMBERED_PART_MIN_SCORE);
}

/** Whether the column name has one of the recognizer's context words (names what it finds). */
function namesCategory(recognizer: ValueRecognizer, nameTokens: readonly string[] | undefined): boolean {
  if (nameTokens === undefined) return false;
  const words = compiled(recognizer).contextWords;
  for (const t of nameTokens) if (words.has(t)) return true;
  return false;
}
