/**
 * libphonenumber's verdict on a plainly written NANP national number, without its parse (tens of µs:
 * it builds every metadata regular expression anew for each test, and an unassigned area code is
 * tested against every NANP country). The same metadata patterns are compiled once and applied in
 * libphonenumber's own order:
 *  - parse keeps the ten digits as the national number: a leading 1 is the national prefix (or,
 *    equally, the country code), the 011 exit code cannot start them, and punctuation is dropped;
 *  - `getCountryByNationalNumber` picks the first NANP country whose leading digits match at the start,
 *    or, for a country without leading digits, whose number types accept the number; none → the default region;
 *  - `isValid` asks whether that country's national pattern and one of its number types accept it.
 * Only values of digits and plain separators take this path (`plainNanpNumber`); a property test holds
 * it to libphonenumber's `parsePhoneNumberFromString(value, region).isValid()`.
 */
import { Metadata, type CountryCode } from 'libphonenumber-js/max';

/** The parts of libphonenumber's metadata API used here (present at run time, not all in its typings). */
interface NumberTypeView {
  pattern(): string;
  possibleLengths(): readonly number[] | undefined;
}
interface NumberingPlanView {
  leadingDigits(): string | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): NumberTypeView | undefined;
}
interface MetadataView {
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(callingCode: string): readonly string[] | undefined;
  numberingPlan: NumberingPlanView;
}

/** getNumberType's order: fixed line, then the other types. Any match makes the number valid. */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

interface NanpPlan {
  readonly country: string;
  /** libphonenumber's `nationalNumber.search(leadingDigits) === 0`, anchored; undefined without leading digits. */
  readonly leadingDigits: RegExp | undefined;
  readonly nationalNumber: RegExp;
  /** undefined: the plan has no type patterns, and the national pattern alone decides. */
  readonly types: readonly { readonly lengths: readonly number[] | undefined; readonly pattern: RegExp }[] | undefined;
}

/** libphonenumber's `matchesEntirely`, compiled once. */
const entirely = (pattern: string) => new RegExp('^(?:' + pattern + ')$');

function loadPlans(): readonly NanpPlan[] {
  const metadata = new Metadata() as unknown as MetadataView;
  return (metadata.getCountryCodesForCallingCode('1') ?? []).map((country) => {
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan;
    const leading = plan.leadingDigits();
    const types: { lengths: readonly number[] | undefined; pattern: RegExp }[] = [];
    for (const name of NUMBER_TYPES) {
      const type = plan.type(name);
      if (!type || !type.pattern()) continue;
      types.push({ lengths: type.possibleLengths(), pattern: entirely(type.pattern()) });
    }
    return {
      country,
      // `search(leadingDigits) === 0`: a match that starts at the first digit.
      leadingDigits: leading ? new RegExp('^(?:' + leading + ')') : undefined,
      nationalNumber: entirely(plan.nationalNumberPattern()),
      types: plan.hasTypes() ? types : undefined,
    };
  });
}

let plans: readonly NanpPlan[] | undefined;

/** `getNumberType(...) !== undefined` for a country with types. */
function hasNumberType(plan: NanpPlan, nationalNumber: string): boolean {
  if (!plan.nationalNumber.test(nationalNumber)) return false;
  for (const type of plan.types ?? []) {
    if (type.lengths && type.lengths.indexOf(nationalNumber.length) < 0) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** libphonenumber's `isValid()` for a ten-digit national number `[2-9]\d{9}` parsed with a NANP default region. */
export function validNanpNationalNumber(nationalNumber: string, defaultRegion: CountryCode): boolean {
  plans ??= loadPlans();
  for (const plan of plans) {
    // The first country whose leading digits match is the number's country, valid or not.
    if (plan.leadingDigits) {
      if (plan.leadingDigits.test(nationalNumber)) return isValidFor(plan, nationalNumber);
    } else if (plan.types !== undefined && hasNumberType(plan, nationalNumber)) return true; // its country, by the same test
  }
  const fallback = plans.find((p) => p.country === defaultRegion);
  if (!fallback) throw new Error(`not a NANP region: ${defaultRegion}`);
  // A default region without leading digits was tested in the loop above and did not match.
  if (!fallback.leadingDigits && fallback.types !== undefined) return false;
  return isValidFor(fallback, nationalNumber);
}

function isValidFor(plan: NanpPlan, nationalNumber: string): boolean {
  return plan.types ? hasNumberType(plan, nationalNumber) : plan.nationalNumber.test(nationalNumber);
}

/** Space . - ( ) / */
const SEPARATORS = new Set([32, 46, 45, 40, 41, 47]);
// After the digits and separators: an x/ext extension, `(?:x|ext\.?) *\d{1,6}$` (any case).
const EXTENSION_REST = /^(?:x|ext\.?) *\d{1,6}$/i;

/**
 * The ten-digit national number of a value written with digits and plain separators (space . - ( ) /)
 * only, optionally followed by an x/ext extension: ten digits starting 2-9, or eleven starting with 1
 * and then 2-9. Undefined for anything else (libphonenumber decides).
 */
export function plainNanpNumber(value: string): string | undefined {
  let digits = '';
  let i = 0;
  for (; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (digits.length === 11) return undefined;
      digits += value[i];
    } else if (!SEPARATORS.has(code)) break;
  }
  if (i === 0 || (i < value.length && !EXTENSION_REST.test(value.slice(i)))) return undefined;
  if (digits.length === 11) {
    if (digits.charCodeAt(0) !== 49) return undefined; // '1'
    digits = digits.slice(1);
  }
  return digits.length === 10 && digits.charCodeAt(0) >= 50 ? digits : undefined; // '2'-'9'
}

/**
 * The ten-digit national number of an international `+1` value written plainly (`+1 415 555 0123`,
 * `+1 (415) 555-0123`, `+14155550123`, with an optional extension), else undefined. Its verdict is
 * `validNanpNationalNumber(national, 'US')`: libphonenumber picks the NANP country the same way, and
 * with none it validates against the calling code's main country, the US. A `1` right after `+1` is
 * left to libphonenumber.
 */
export function plainInternationalNanpNumber(value: string): string | undefined {
  if (value.charCodeAt(0) !== 43 || value.charCodeAt(1) !== 49) return undefined; // '+1'
  const rest = value.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if (code >= 48 && code <= 57) return code === 49 ? undefined : plainNanpNumber(rest);
    if (!SEPARATORS.has(code)) return undefined;
  }
  return undefined;
}
