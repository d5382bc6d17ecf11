/**
 * Cheap facts about each distinct value of a column (character classes, digit count), computed once
 * per column (as far into it as recognizers look) and shared by all recognizers. A recognizer's
 * `gate` states what every value it can match must have (an email an '@', a phone number 7+ digits,
 * a name no digits); values that fail it are not handed to the recognizer at all, and a column where
 * none passes costs nothing more.
 * Gates must be necessary conditions only, so they never change a result, only its cost.
 */
import { columnMemo } from './column-memo.js';
import type { PreparedValues } from './recognizer.js';

/** One bit per character class; ASCII only, anything above U+007F sets NON_ASCII. */
export const TRAIT = {
  digit: 1 << 0,
  letter: 1 << 1, // A-Z a-z
  upper: 1 << 2, // A-Z
  space: 1 << 3, // space, tab, line breaks
  at: 1 << 4,
  dot: 1 << 5,
  colon: 1 << 6,
  dash: 1 << 7,
  slash: 1 << 8,
  comma: 1 << 9,
  nonAscii: 1 << 10,
  /** Any other ASCII punctuation or symbol: $ % & ( ) * + # ' " ; < = > ? [ \ ] ^ _ ` { | } ~ ! */
  symbol: 1 << 11,
} as const;

/** What a value must have for a recognizer to be able to match it. Every given part must hold. */
export interface ValueGate {
  /** Every one of these traits. */
  readonly all?: number;
  /** At least one of these traits. */
  readonly any?: number;
  /** None of these traits. */
  readonly none?: number;
  /** ASCII digits 0-9 in the whole value. */
  readonly minDigits?: number;
  readonly maxDigits?: number;
}

export interface ValueTraits {
  /** Trait bits per distinct value, in `PreparedValues.distinct` order. */
  readonly bits: Uint16Array;
  /** Digit count per distinct value (capped at 65535). */
  readonly digits: Uint16Array;
}

function classify(code: number): number {
  if (code >= 48 && code <= 57) return TRAIT.digit;
  if (code >= 97 && code <= 122) return TRAIT.letter;
  if (code >= 65 && code <= 90) return TRAIT.letter | TRAIT.upper;
  if (code > 127) return TRAIT.nonAscii;
  switch (code) {
    case 32: case 9: case 10: case 11: case 12: case 13: return TRAIT.space;
    case 64: return TRAIT.at;
    case 46: return TRAIT.dot;
    case 58: return TRAIT.colon;
    case 45: return TRAIT.dash;
    case 47: return TRAIT.slash;
    case 44: return TRAIT.comma;
    default: return TRAIT.symbol;
  }
}

const CLASS_OF = Uint16Array.from({ length: 128 }, (_, code) => classify(code));

export function traitsOf(value: string): { bits: number; digits: number } {
  let bits = 0;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const c = code < 128 ? CLASS_OF[code] : TRAIT.nonAscii;
    bits |= c;
    if (c === TRAIT.digit) digits++;
  }
  return { bits, digits };
}

interface ColumnTraits extends ValueTraits {
  /** Values 0..computed-1 have their traits; the rest are computed when first asked for. */
  computed: number;
}


/**
 * Traits of the column's distinct values, at least of the first `count` (default all): recognizers
 * look at no more than their limit (120 by default), so the rest of a large column is left until asked for.
 */
export function valueTraits(values: PreparedValues, count = values.distinct.length): ValueTraits {
  // A memo of the column, so every recognizer of it shares one computation.
  const n = values.distinct.length;
  const traits = columnMemo<ColumnTraits>(values, 'traits', () => ({ bits: new Uint16Array(n), digits: new Uint16Array(n), computed: 0 }));
  const upTo = Math.min(count, values.distinct.length);
  if (traits.computed < upTo) {
    computeTraits(values.distinct, traits, traits.computed, upTo);
    traits.computed = upTo;
  }
  return traits;
}

const NON_ASCII = TRAIT.nonAscii;
const DIGIT = TRAIT.digit;

// traitsOf, inlined without its result object: this runs over every value of every column.
function computeTraits(distinct: readonly string[], traits: ValueTraits, from: number, to: number): void {
  const { bits, digits } = traits;
  for (let i = from; i < to; i++) {
    const value = distinct[i];
    const length = value.length;
    let b = 0;
    let d = 0;
    for (let j = 0; j < length; j++) {
      const code = value.charCodeAt(j);
      if (code < 128) {
        const c = CLASS_OF[code];
        b |= c;
        d += c & DIGIT; // the digit class is bit 0 alone: 1 for a digit, else 0
      } else b |= NON_ASCII;
    }
    bits[i] = b;
    digits[i] = d > 65535 ? 65535 : d;
  }
}

export function passesGate(gate: ValueGate, bits: number, digits: number): boolean {
  if (gate.all !== undefined && (bits & gate.all) !== gate.all) return false;
  if (gate.any !== undefined && (bits & gate.any) === 0) return false;
  if (gate.none !== undefined && (bits & gate.none) !== 0) return false;
  if (gate.minDigits !== undefined && digits < gate.minDigits) return false;
  if (gate.maxDigits !== undefined && digits > gate.maxDigits) return false;
  return true;
}

/** Index of the first of `distinct[0..limit)` that passes the gate, or -1. */
export function firstPassing(gate: ValueGate, traits: ValueTraits, limit: number): number {
  for (let i = 0; i < limit; i++) if (passesGate(gate, traits.bits[i], traits.digits[i])) return i;
  return -1;
}
