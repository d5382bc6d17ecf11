/**
 * Dates of birth: calendar dates whose implied age is plausible for living people (0-110 years),
 * spread over decades. Event dates (created_at, order dates) cluster in recent years and are damped
 * by the column check. Timestamps count only at midnight, or at a whole/half hour with zero seconds
 * (a date shifted by a time zone on its way out of the driver).
 */
import { CATEGORY } from '../categories.js';
import { columnMemo } from './column-memo.js';
import { defineRecognizer, type ColumnAdjustment, type PreparedValues, type ValueRecognizer } from './recognizer.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DMY_OR_MDY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})\.?\s+(\p{L}{3,9})\.?,?\s+(\d{4})$/u;
const MONTH_NAME_DAY = /^(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['jan', 'january', 'januar', 'janvier', 'enero', 'gennaio', 'januari'],
    ['feb', 'february', 'februar', 'fevrier', 'février', 'febrero', 'febbraio', 'februari'],
    ['mar', 'march', 'märz', 'maerz', 'mars', 'marzo', 'maart'],
    ['apr', 'april', 'avril', 'abril', 'aprile'],
    ['may', 'mai', 'mayo', 'maggio', 'mei'],
    ['jun', 'june', 'juni', 'juin', 'junio', 'giugno'],
    ['jul', 'july', 'juli', 'juillet', 'julio', 'luglio'],
    ['aug', 'august', 'aout', 'août', 'agosto', 'augustus'],
    ['sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre'],
    ['oct', 'october', 'oktober', 'octobre', 'octubre', 'ottobre'],
    ['nov', 'november', 'novembre', 'noviembre'],
    ['dec', 'december', 'dezember', 'decembre', 'décembre', 'diciembre', 'dicembre'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

export const MAX_AGE_YEARS = 110;

interface ParsedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 1 for a plain date or midnight, lower for a time-zone-shifted midnight. */
  readonly weight: number;
}

export function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * `new Date(Date.UTC(year, month, 0)).getUTCDate()` for a year 0-9999 and a month 1-12, without the
 * Date: Date.UTC reads years 0-99 as 1900-1999.
 */
export function daysInMonth(year: number, month: number): number {
  const y = year <= 99 ? 1900 + year : year;
  if (month === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function timeWeight(hh?: string, mm?: string, ss?: string, frac?: string): number {
  if (hh === undefined) return 1;
  const fractionZero = frac === undefined || /^0+$/.test(frac);
  if ((ss !== undefined && ss !== '00') || !fractionZero) return 0;
  if (hh === '00' && mm === '00') return 1;
  return mm === '00' || mm === '30' || mm === '45' ? 0.8 : 0;
}

/** `YYYY-MM-DD` as ISO gives it, read without the regular expression (the common case). */
function plainIsoDate(value: string): ParsedDate | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return { year, month, day, weight: 1 };
}

export function parseDate(value: string): ParsedDate | undefined {
  const plain = plainIsoDate(value);
  if (plain) return plain;
  let m = ISO.exec(value);
  if (m) {
    const weight = timeWeight(m[4], m[5], m[6], m[7]);
    return weight > 0 ? { year: +m[1], month: +m[2], day: +m[3], weight } : undefined;
  }
  if ((m = YMD_SLASH.exec(value))) return { year: +m[1], month: +m[2], day: +m[3], weight: 1 };
  if ((m = DMY_DOT.exec(value))) return { year: +m[3], month: +m[2], day: +m[1], weight: 1 };
  if ((m = DMY_OR_MDY.exec(value))) {
    const [a, b, year] = [+m[1], +m[2], +m[3]];
    // Either reading will do: both give the same birth year, which is what the age check needs.
    return realDate(year, b, a) ? { year, month: b, day: a, weight: 1 } : { year, month: a, day: b, weight: 1 };
  }
  if ((m = COMPACT.exec(value))) return { year: +m[1], month: +m[2], day: +m[3], weight: 0.7 };
  if ((m = DAY_MONTH_NAME.exec(value))) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? { year: +m[3], month, day: +m[1], weight: 1 } : undefined;
  }
  if ((m = MONTH_NAME_DAY.exec(value))) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? { year: +m[3], month, day: +m[2], weight: 1 } : undefined;
  }
  return undefined;
}

// The matching values' dates, parsed by validate and read again by the column check (by position in the column).
function parsedOf(values: PreparedValues): (ParsedDate | undefined)[] {
  return columnMemo(values, 'birth-dates', () => new Array<ParsedDate | undefined>(values.distinct.length));
}

function ageInYears(date: ParsedDate, now: Date): number {
  return (now.getTime() - Date.UTC(date.year, date.month - 1, date.day)) / (365.25 * 24 * 3600 * 1000);
}

/** Birth dates of a population spread over decades; event dates cluster in recent years. */
function spreadAdjustment(unsorted: readonly number[]): ColumnAdjustment | undefined {
  if (unsorted.length < 3) return undefined;
  // A numeric sort without comparator calls (ages are finite and never -0: the same order as (a, b) => a - b).
  const ages = Float64Array.from(unsorted).sort();
  const median = ages[Math.floor(ages.length / 2)];
  const mean = ages.reduce((s, a) => s + a, 0) / ages.length;
  const sd = Math.sqrt(ages.reduce((s, a) => s + (a - mean) ** 2, 0) / ages.length);
  const spread = Math.max(0, Math.min(1, (sd - 1) / 4)); // sd ≥ 5 years → full
  const maturity = Math.max(0, Math.min(1, median / 18)); // a median age of a child or less is unusual
  const factor = Math.round(spread * maturity * 100) / 100;
  const note = factor >= 0.8
    ? `implied ages spread over ${Math.max(1, Math.round((ages[ages.length - 1] - ages[0]) / 10))} decades (median ${Math.round(median)})`
    : `dates cluster (median age ${Math.round(median)} years, spread ${sd.toFixed(1)} years), more like event dates than birth dates`;
  return { factor, note };
}

export interface DateOfBirthRecognizerOptions {
  /** Reference date for ages; fixed per recognizer so a run is deterministic. */
  readonly now?: Date;
}

export function createDateOfBirthRecognizer(options: DateOfBirthRecognizerOptions = {}): ValueRecognizer {
  const now = options.now ?? new Date();
  const plausible = (date: ParsedDate): boolean => {
    if (!realDate(date.year, date.month, date.day)) return false;
    const age = ageInYears(date, now);
    return age >= 0 && age <= MAX_AGE_YEARS;
  };
  return defineRecognizer({
    id: 'date-of-birth',
    category: CATEGORY.dateOfBirth,
    noun: 'dates with an age plausible for a living person',
    // Necessary shape: every date form has a day and a year in digits.
    gate: { minDigits: 3 },
    patterns: [
      { name: 'ISO date or midnight timestamp', regex: /^\d{4}-\d{2}-\d{2}/, score: 1 },
      { name: 'numeric date', regex: /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/, score: 1 },
      { name: 'compact yyyymmdd (weak)', regex: /^(?:19|20)\d{6}$/, score: 1 },
      { name: 'date with month name', regex: /^(?:\d{1,2}\.?\s+\p{L}{3,9}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}$/u, score: 0.9 },
    ],
    context: ['birth', 'birthday', 'born'],
    prefilter: (value: string) => value.length >= 8 && value.length <= 40,
    validate: (value: string, values?: PreparedValues, index?: number) => {
      const date = parseDate(value);
      if (values && index !== undefined && values.distinct[index] === value) parsedOf(values)[index] = date;
      return date !== undefined && plausible(date) ? date.weight : false;
    },
    adjustColumn: (matched: readonly string[], values?: PreparedValues, indices?: readonly number[]) => {
      const parsed = values && indices ? parsedOf(values) : undefined;
      const ages: number[] = [];
      for (let i = 0; i < matched.length; i++) {
        const date = (indices && parsed?.[indices[i]]) || parseDate(matched[i]);
        if (date) ages.push(ageInYears(date, now));
      }
      return spreadAdjustment(ages);
    },
  });
}

export const dateOfBirthRecognizer = createDateOfBirthRecognizer();
