/**
 * Conformance of our value recognizers with Microsoft Presidio's recognizer unit-test strings
 * (shared/vectors/presidio_vectors.json). Presidio finds entities inside free text; we judge whole
 * cell values, so each vector becomes one or more judged strings:
 *  - a detected span → the span's substring (Presidio's expected score decides whether it expects a
 *    confident detection);
 *  - a string without spans (negatives, context sentences) → every window of up to six words, and
 *    we count as "accepting" it if any window scores ≥ 0.5;
 *  - `context_enhancement` sentences → the sentence's words are given as column-name tokens, the
 *    closest thing a column has to Presidio's surrounding context words.
 * Used by test/unit/presidio-vectors.test.ts and scripts/presidio-report.ts.
 */
import { readFileSync } from 'node:fs';
import { scoreValue, type ValueRecognizer } from '../src/classify/recognizers/recognizer.js';

/** Presidio entity → our recognizer ids. Ids not in the registry are skipped, so entries can be added ahead of recognizers. */
export interface EntityMapping {
  readonly entity: string;
  readonly recognizers: readonly string[];
  /** Presidio score from which it "expects" the entity; default 0.5 (below it Presidio marks weak, context-needing patterns). */
  readonly presidioMinScore?: number;
}

export const ENTITY_MAP: readonly EntityMapping[] = [
  { entity: 'EMAIL_ADDRESS', recognizers: ['email'] },
  // Presidio's PhoneRecognizer gives every libphonenumber match a flat 0.4: there the score says nothing about strength.
  { entity: 'PHONE_NUMBER', recognizers: ['phone'], presidioMinScore: 0.4 },
  { entity: 'CREDIT_CARD', recognizers: ['credit-card'] },
  { entity: 'IP_ADDRESS', recognizers: ['ip-address'] },
  { entity: 'IBAN_CODE', recognizers: ['iban'] },
  { entity: 'US_SSN', recognizers: ['us-ssn'] },
  { entity: 'UK_NINO', recognizers: ['uk-nino'] },
  { entity: 'DE_TAX_ID', recognizers: ['de-tax-id'] },
  { entity: 'ES_NIF', recognizers: ['es-dni-nie'] },
  { entity: 'ES_NIE', recognizers: ['es-dni-nie'] },
  { entity: 'IT_FISCAL_CODE', recognizers: ['it-codice-fiscale'] },
  { entity: 'CA_SIN', recognizers: ['ca-sin'] },
  { entity: 'IN_AADHAAR', recognizers: ['in-aadhaar'] },
  { entity: 'IN_PAN', recognizers: ['in-pan'] },
  { entity: 'PL_PESEL', recognizers: ['pl-pesel'] },
  { entity: 'SE_PERSONNUMMER', recognizers: ['se-personnummer'] },
  { entity: 'TR_NATIONAL_ID', recognizers: ['tr-tc-kimlik'] },
  { entity: 'KR_RRN', recognizers: ['kr-rrn'] },
  { entity: 'KR_FRN', recognizers: ['kr-rrn'] },
  { entity: 'US_PASSPORT', recognizers: ['passport'] },
  { entity: 'UK_PASSPORT', recognizers: ['passport'] },
  { entity: 'IN_PASSPORT', recognizers: ['passport'] },
  { entity: 'IT_PASSPORT', recognizers: ['passport'] },
  { entity: 'US_DRIVER_LICENSE', recognizers: ['drivers-license'] },
  { entity: 'UK_DRIVING_LICENCE', recognizers: ['drivers-license'] },
  { entity: 'MAC_ADDRESS', recognizers: ['mac-address'] },
  { entity: 'URL', recognizers: ['url'] },
];

export interface PresidioVector {
  readonly entity: string;
  readonly value: string;
  readonly expected_detected: boolean;
  readonly check: string;
  readonly expected_spans?: readonly (readonly [number, number])[];
  readonly expected_score?: number | readonly (number | readonly (number | string)[])[];
  readonly validate_result_returns?: boolean;
  readonly requires_ner_model?: boolean;
}

export interface JudgedString {
  readonly entity: string;
  /** The vector's original string. */
  readonly source: string;
  /** What we judged: the span, or the whole string when Presidio gives no span. */
  readonly judged: string;
  readonly check: string;
  readonly presidioPositive: boolean;
  readonly oursPositive: boolean;
  /** The window or span that scored highest, and its score. */
  readonly bestCandidate: string;
  readonly bestScore: number;
  readonly contextTokens: readonly string[];
}

export const ACCEPT_SCORE = 0.5;
const MAX_WINDOW_WORDS = 6;

export function loadPresidioVectors(file: string): PresidioVector[] {
  return JSON.parse(readFileSync(file, 'utf8')) as PresidioVector[];
}

/** Presidio's expected score for span `i`: a number, or the top of its [low, high] range ("max" = 1). */
function expectedScore(vector: PresidioVector, i: number): number | undefined {
  const s = vector.expected_score;
  if (s === undefined) return undefined;
  if (typeof s === 'number') return s;
  const entry = s[i] ?? s[0];
  if (entry === undefined) return undefined;
  if (typeof entry === 'number') return entry;
  const high = entry[1];
  return typeof high === 'number' ? high : 1;
}

/** Windows of up to six words, with sentence punctuation and a leading `label:` trimmed. */
export function candidateWindows(text: string): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + MAX_WINDOW_WORDS); end++) {
      const raw = words.slice(start, end).join(' ');
      const trimmed = raw.replace(/^["'([]+(?=[^)]*$)|["')\]]+$/g, '').replace(/[.,;:!?]+$/, '');
      out.add(raw);
      out.add(trimmed);
      out.add(trimmed.replace(/^[A-Za-z]{2,}:(?![0-9A-Fa-f]{1,4}:)/, ''));
    }
  }
  out.delete('');
  return [...out];
}

function contextTokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function scoreWith(recognizers: readonly ValueRecognizer[], value: string, tokens: readonly string[]): number {
  let best = 0;
  for (const r of recognizers) {
    const hit = r.context?.some((w) => tokens.includes(w)) ?? false;
    const scores = r.patterns.map((p) => (hit && p.contextScore !== undefined ? p.contextScore : p.score));
    best = Math.max(best, scoreValue(r, value, scores));
  }
  return best;
}

function judge(
  entity: string,
  source: string,
  judged: string,
  check: string,
  presidioPositive: boolean,
  candidates: readonly string[],
  tokens: readonly string[],
  recognizers: readonly ValueRecognizer[],
): JudgedString {
  let bestCandidate = candidates[0] ?? judged;
  let bestScore = -1;
  for (const c of candidates) {
    const s = scoreWith(recognizers, c, tokens);
    if (s > bestScore) [bestScore, bestCandidate] = [s, c];
  }
  return {
    entity,
    source,
    judged,
    check,
    presidioPositive,
    oursPositive: bestScore >= ACCEPT_SCORE,
    bestCandidate,
    bestScore,
    contextTokens: tokens,
  };
}

/** Turns one vector into the strings we judge; [] for checks we cannot mirror (NER models, internal helpers). */
export function judgeVector(vector: PresidioVector, mapping: EntityMapping, recognizers: readonly ValueRecognizer[]): JudgedString[] {
  const { entity, value, check } = vector;
  if (vector.requires_ner_model) return [];
  if (check === 'validate_result') {
    return [judge(entity, value, value, check, vector.validate_result_returns === true, [value], [], recognizers)];
  }
  if (check === 'context_enhancement') {
    const tokens = contextTokens(value);
    return [judge(entity, value, value, check, vector.expected_detected, candidateWindows(value), tokens, recognizers)];
  }
  if (check !== 'analyze_text') return [];
  const minScore = mapping.presidioMinScore ?? ACCEPT_SCORE;
  const spans = vector.expected_spans ?? [];
  if (spans.length === 0) {
    return [judge(entity, value, value, check, vector.expected_detected, candidateWindows(value), [], recognizers)];
  }
  return spans.map(([start, end], i) => {
    // Python offsets count code points; cells are trimmed before recognizers see them.
    const span = [...value].slice(start, end).join('').trim();
    const score = expectedScore(vector, i);
    const positive = vector.expected_detected && (score === undefined || score >= minScore);
    return judge(entity, value, span, check, positive, [span], [], recognizers);
  });
}

export interface EntityAgreement {
  readonly entity: string;
  readonly recognizers: readonly string[];
  readonly judged: readonly JudgedString[];
  readonly agreed: number;
  /** Disagreements with a reviewed reason in REVIEWED_DISAGREEMENTS. */
  readonly reviewed: readonly JudgedString[];
  readonly unexplained: readonly JudgedString[];
}

export function reviewKey(item: { entity: string; judged: string }): string {
  return `${item.entity} ${item.judged}`;
}

/** Agreement per mapped entity whose recognizers are all registered. */
export function presidioAgreement(vectors: readonly PresidioVector[], registry: readonly ValueRecognizer[]): EntityAgreement[] {
  const byId = new Map(registry.map((r) => [r.id, r]));
  const results: EntityAgreement[] = [];
  for (const mapping of ENTITY_MAP) {
    const recognizers = mapping.recognizers.map((id) => byId.get(id)).filter((r): r is ValueRecognizer => r !== undefined);
    if (recognizers.length !== mapping.recognizers.length) continue;
    const judged = vectors.filter((v) => v.entity === mapping.entity).flatMap((v) => judgeVector(v, mapping, recognizers));
    const disagreements = judged.filter((j) => j.presidioPositive !== j.oursPositive);
    results.push({
      entity: mapping.entity,
      recognizers: mapping.recognizers,
      judged,
      agreed: judged.length - disagreements.length,
      reviewed: disagreements.filter((j) => reviewKey(j) in REVIEWED_DISAGREEMENTS),
      unexplained: disagreements.filter((j) => !(reviewKey(j) in REVIEWED_DISAGREEMENTS)),
    });
  }
  return results;
}

/**
 * Disagreements we checked by hand, keyed by `ENTITY judged-string`, with why we think we are right.
 * The test fails when an entry no longer matches a disagreement, so this list cannot go stale.
 */
const NEVER_ISSUED_STEUER_ID = "the first ten digits are all different. Since the Steuer-ID was introduced, exactly one digit occurs two (since 2016: two or three) times in them (BZSt; Presidio's current DeTaxIdRecognizer enforces the same rule), so this number is never issued";
const WRONG_CODICE_CHECK =
  'the check character is wrong (AAAAAA00B11C333 computes Y). Presidio\'s validator returns None, not False, for a wrong check character, so it keeps the 0.3 pattern score; a code whose check character fails is a typo or not a fiscal code';

const KOREAN_RESIDENT_NUMBER =
  "Presidio splits Korean registration numbers into KR_RRN (sex digit 1-4, citizens) and KR_FRN (5-8, foreign residents) and rejects each in the other's vectors; both are national ids of the same form, so piiscout's kr-rrn finds both (this one has a real birth date and a valid sex digit)";
const NOT_A_PAN_HOLDER_TYPE =
  "the fourth letter of a PAN is the holder's type (P, C, H, F, A, T, B, L, J, G; K formerly); M is none, so no PAN looks like this. Presidio's weak any-letter pattern reaches its threshold only with the context word";

export const REVIEWED_DISAGREEMENTS: Record<string, string> = {
  'KR_RRN 760413-5212134': KOREAN_RESIDENT_NUMBER,
  'KR_RRN 000402-6214431': KOREAN_RESIDENT_NUMBER,
  'KR_FRN 760413-1212134': KOREAN_RESIDENT_NUMBER,
  'KR_FRN 000402-2214431': KOREAN_RESIDENT_NUMBER,
  'IN_PAN my pan is DJPMS1234Z amongst so many other things': NOT_A_PAN_HOLDER_TYPE,
  'IN_PAN my PAN number is DJPMS1234Z': NOT_A_PAN_HOLDER_TYPE,
  'IN_PAN Typical tax filing identifier is known as PAN in India also known as permanent account number':
    'the sentence holds no PAN at all; the vector only checks that PAN context words are known to Presidio, and there is no value to find',
  'US_SSN my social security number is 078051120':
    '078-05-1120 is the Woolworth wallet-card number, voided by the SSA; Presidio\'s own UsSsnRecognizer invalidates it too, the vector only records that context should raise a score',
  'DE_TAX_ID 12345678903': NEVER_ISSUED_STEUER_ID,
  'DE_TAX_ID 98765432106': NEVER_ISSUED_STEUER_ID,
  'IT_FISCAL_CODE AAAAAA00B11C333N': WRONG_CODICE_CHECK,
  'US_PASSPORT mypassportnumberis912803456':
    'there is no word boundary between the context and the digits; Presidio\'s own \\b-anchored pattern cannot match inside it either, and no cell value looks like this',
  'PHONE_NUMBER 13812345678':
    'a valid Chinese mobile number, but written nationally (no +86) and CN is not among the phone recognizer\'s default regions (US, GB, DE, FR; configurable). Without a region an 11-digit run is as likely an order number',
  'PHONE_NUMBER 91-415-555-0132':
    'reading the leading 91 as India\'s country code without + or 00 is a guess; Presidio itself finds it only at its lenient setting (leniency 1) and drops it at leniency 2',
};
